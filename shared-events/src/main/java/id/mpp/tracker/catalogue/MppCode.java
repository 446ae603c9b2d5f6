package id.mpp.tracker.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.mpp.tracker.application.InvalidValueException;

/** Code of an MPP as the catalogue defines it. */
public record MppCode(@JsonValue String value) {

    public MppCode {
        if (value == null || !Codes.wellFormed(value)) {
            throw new InvalidValueException("mppCode", Codes.RULE);
        }
    }

    @JsonCreator
    public static MppCode of(String value) {
        return new MppCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
