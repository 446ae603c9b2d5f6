package id.mpp.tracker.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** The stable problem types of the API (RFC 9457); clients may switch on {@code type}. */
public enum ProblemType {
    INVALID_INPUT("invalid-input", HttpStatus.BAD_REQUEST, "Invalid input"),
    UNKNOWN_CATALOGUE_ENTRY("unknown-catalogue-entry", HttpStatus.BAD_REQUEST, "Not in the catalogue"),
    SERVICE_NOT_OFFERED("service-not-offered", HttpStatus.BAD_REQUEST, "Service not offered at this MPP"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Outside the caller's rights"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    ILLEGAL_TRANSITION("illegal-transition", HttpStatus.CONFLICT, "Not allowed in the application's current status"),
    RULE_VIOLATION("rule-violation", HttpStatus.CONFLICT, "Refused by a business rule"),
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT, "Changed concurrently"),
    VERSION_MISMATCH("version-mismatch", HttpStatus.PRECONDITION_FAILED, "Stale version"),
    NOT_YET_CONSISTENT("not-yet-consistent", HttpStatus.SERVICE_UNAVAILABLE, "Read model has not caught up yet"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "urn:problem-type:mpp-tracker:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }

    /** The generic type for a status that Spring itself answered with. */
    static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status && type != UNKNOWN_CATALOGUE_ENTRY && type != SERVICE_NOT_OFFERED
                    && type != RULE_VIOLATION && type != CONCURRENT_MODIFICATION && type != NOT_YET_CONSISTENT) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_INPUT;
    }
}
