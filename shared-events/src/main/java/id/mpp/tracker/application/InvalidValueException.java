package id.mpp.tracker.application;

/** A value given from outside that does not have the form its type requires; names the field, never echoes the value. */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
