package id.mpp.tracker.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.mpp.tracker.application.InvalidValueException;

/** Code of an agency as the catalogue defines it. */
public record AgencyCode(@JsonValue String value) {

    public AgencyCode {
        if (value == null || !Codes.wellFormed(value)) {
            throw new InvalidValueException("agencyCode", Codes.RULE);
        }
    }

    @JsonCreator
    public static AgencyCode of(String value) {
        return new AgencyCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
