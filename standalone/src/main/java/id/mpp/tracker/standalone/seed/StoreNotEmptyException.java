package id.mpp.tracker.standalone.seed;

/** A history is only ever seeded into an empty store: events already there must not be followed by older ones. */
class StoreNotEmptyException extends RuntimeException {

    StoreNotEmptyException(String message) {
        super(message);
    }
}
