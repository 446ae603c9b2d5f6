package id.mpp.tracker.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Nomor Induk Kependudukan: PP.KK.CC.DDMMYY.SSSS, i.e. province, regency/city and district of first
 * registration, date of birth (40 added to the day for women) and a serial number.
 * The value never appears in messages: it is personal data.
 */
public record Nik(@JsonValue String value) {

    /** Province codes (Kemendagri), including the Papua provinces formed in 2022. */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
            "31", "32", "33", "34", "35", "36",
            "51", "52", "53",
            "61", "62", "63", "64", "65",
            "71", "72", "73", "74", "75", "76",
            "81", "82",
            "91", "92", "93", "94", "95", "96");

    public Nik {
        if (value == null || !value.matches("\\d{16}")) {
            throw new InvalidValueException("nik", "must be exactly 16 digits");
        }
    }

    @JsonCreator
    public static Nik of(String value) {
        return new Nik(value);
    }

    /** Checks everything the number encodes, for input from outside. */
    public static Nik parse(String text) {
        var nik = new Nik(text == null ? null : text.strip());
        String v = nik.value;
        if (!PROVINCES.contains(v.substring(0, 2))) {
            throw new InvalidValueException("nik", "does not start with a known province code");
        }
        if (v.startsWith("00", 2)) {
            throw new InvalidValueException("nik", "has no regency/city code (digits 3-4)");
        }
        if (v.startsWith("00", 4)) {
            throw new InvalidValueException("nik", "has no district code (digits 5-6)");
        }
        if (!nik.hasValidBirthDate()) {
            throw new InvalidValueException("nik", "does not encode a valid date of birth (digits 7-12, DDMMYY, day + 40 for women)");
        }
        if (v.endsWith("0000")) {
            throw new InvalidValueException("nik", "has serial number 0000 (digits 13-16)");
        }
        return nik;
    }

    public String provinceCode() {
        return value.substring(0, 2);
    }

    public boolean female() {
        return Integer.parseInt(value.substring(6, 8)) > 40;
    }

    private boolean hasValidBirthDate() {
        int day = Integer.parseInt(value.substring(6, 8));
        int month = Integer.parseInt(value.substring(8, 10));
        int yy = Integer.parseInt(value.substring(10, 12));
        int dayOfMonth = day > 40 ? day - 40 : day;
        // The century is not encoded: the date is valid when it exists in either candidate century.
        return exists(1900 + yy, month, dayOfMonth) || exists(2000 + yy, month, dayOfMonth);
    }

    private static boolean exists(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** For lists and logs: only the region digits and the last two stay visible. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
