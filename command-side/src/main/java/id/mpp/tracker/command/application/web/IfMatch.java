package id.mpp.tracker.command.application.web;

import id.mpp.tracker.application.InvalidValueException;

/** Reads the version a client expects from {@code If-Match: "<version>"}. */
final class IfMatch {

    private IfMatch() {
    }

    static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("If-Match", "must be the quoted version of the application, e.g. \"3\"");
        }
    }
}
