package id.mpp.tracker.platform.web;

import id.mpp.tracker.application.InvalidValueException;

/** The page and size a paged endpoint is asked for, checked the same everywhere. */
public final class Paging {

    private Paging() {
    }

    /** 400 unless {@code page} is 0 or more and {@code size} from 1 to {@code maxSize}. */
    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidValueException("size", "must be from 1 to " + maxSize);
        }
    }
}
