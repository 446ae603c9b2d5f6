package id.mpp.tracker.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of one citizen's application; its string form is the aggregate identifier. */
public record ApplicationId(@JsonValue String value) {

    public ApplicationId {
        Objects.requireNonNull(value, "applicationId");
    }

    @JsonCreator
    public static ApplicationId of(String value) {
        return new ApplicationId(value);
    }

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID().toString());
    }

    /** Parses an identifier as a client sends it, refusing anything that is not a UUID. */
    public static ApplicationId parse(String text) {
        try {
            return new ApplicationId(UUID.fromString(text).toString());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("applicationId", "is not a valid application id (expected a UUID)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
