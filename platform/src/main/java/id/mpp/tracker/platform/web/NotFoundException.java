package id.mpp.tracker.platform.web;

/** The addressed resource does not exist; the message says what was looked for. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail, null, false, false);
    }
}
