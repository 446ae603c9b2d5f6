package id.mpp.tracker.platform.web;

/** The caller is authenticated but acts outside its rights; the message says which. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail, null, false, false);
    }
}
