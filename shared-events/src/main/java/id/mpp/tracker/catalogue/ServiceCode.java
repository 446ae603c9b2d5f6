package id.mpp.tracker.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.mpp.tracker.application.InvalidValueException;

/** Code of a service as the catalogue defines it. */
public record ServiceCode(@JsonValue String value) {

    public ServiceCode {
        if (value == null || !Codes.wellFormed(value)) {
            throw new InvalidValueException("serviceCode", Codes.RULE);
        }
    }

    @JsonCreator
    public static ServiceCode of(String value) {
        return new ServiceCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
