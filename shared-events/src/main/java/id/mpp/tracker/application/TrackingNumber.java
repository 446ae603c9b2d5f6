package id.mpp.tracker.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The number a citizen quotes over the phone: nine characters from an alphabet without the look-alikes
 * 0/O, 1/I/L and U, then a Luhn mod 30 check character that catches every single mistyped character
 * and most swaps of neighbours. Case, spaces and hyphens are ignored on input.
 */
public record TrackingNumber(@JsonValue String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int PAYLOAD_LENGTH = 9;
    public static final int LENGTH = PAYLOAD_LENGTH + 1;

    public TrackingNumber {
        if (value == null || value.length() != LENGTH) {
            throw new InvalidValueException("trackingNumber", "must have " + LENGTH + " characters");
        }
    }

    @JsonCreator
    public static TrackingNumber of(String value) {
        return new TrackingNumber(value);
    }

    public static TrackingNumber generate(RandomGenerator random) {
        var payload = new StringBuilder(PAYLOAD_LENGTH);
        for (int i = 0; i < PAYLOAD_LENGTH; i++) {
            payload.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new TrackingNumber(payload.toString() + checkCharacter(payload));
    }

    /** Reads a tracking number as a citizen types it. */
    public static TrackingNumber parse(String typed) {
        if (typed == null) {
            throw new InvalidValueException("trackingNumber", "is missing");
        }
        String normalised = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (normalised.length() != LENGTH) {
            throw new InvalidValueException("trackingNumber", "must have " + LENGTH + " characters (hyphens and spaces aside)");
        }
        for (char c : normalised.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                throw new InvalidValueException("trackingNumber",
                        "contains '" + c + "', which tracking numbers never use (they have no 0, O, 1, I, L or U)");
            }
        }
        CharSequence payload = normalised.subSequence(0, PAYLOAD_LENGTH);
        if (checkCharacter(payload) != normalised.charAt(PAYLOAD_LENGTH)) {
            throw new InvalidValueException("trackingNumber", "has a wrong check character: it was probably mistyped");
        }
        return new TrackingNumber(normalised);
    }

    /** Luhn mod N over {@link #ALPHABET}. */
    static char checkCharacter(CharSequence payload) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }

    /** Grouped for reading aloud and printing on receipts, e.g. {@code K7M2Q-X9P4R}. */
    public String display() {
        return value.substring(0, 5) + "-" + value.substring(5);
    }

    @Override
    public String toString() {
        return value;
    }
}
