package id.mpp.tracker.catalogue;

import java.util.regex.Pattern;

final class Codes {

    static final String RULE = "must be 2 to 40 upper-case letters, digits or hyphens";
    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    private Codes() {
    }

    static boolean wellFormed(String code) {
        return FORM.matcher(code).matches();
    }
}
