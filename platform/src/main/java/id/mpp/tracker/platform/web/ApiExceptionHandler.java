package id.mpp.tracker.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.mpp.tracker.application.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json} with a stable type and a precise detail;
 * never a stack trace. Ordered last so that each side's own handlers win for their exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Pattern NIK_IN_PATH = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Object> invalidValue(InvalidValueException e, WebRequest request) {
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(e.getMessage());
        problem.setProperty("field", e.field());
        return respond(problem, request);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        return respond(ProblemType.INVALID_INPUT.problem("The request holds names or characters that are not allowed"), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return respond(ProblemType.NOT_FOUND.problem(e.getMessage()), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, WebRequest request) {
        return respond(ProblemType.FORBIDDEN.problem(e.getMessage()), request);
    }

    @ExceptionHandler(RetryLaterException.class)
    ResponseEntity<Object> retryLater(RetryLaterException e, WebRequest request) {
        ProblemDetail problem = e.type().problem(e.getMessage());
        decorate(problem, request);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        return fallback(e, request);
    }

    /**
     * The answer for a failure no handler knows: 503 when a backing service (Axon Server, the event store's
     * database, MongoDB) is unreachable or did not confirm in time, else 500; never the failure's own text.
     */
    public static ResponseEntity<Object> fallback(Exception e, WebRequest request) {
        Optional<Throwable> transientCause = causes(e).filter(ApiExceptionHandler::isTransient).findFirst();
        if (transientCause.isPresent()) {
            log.warn("Backing service unavailable: {}", transientCause.get().toString());
            String detail = transientCause.get() instanceof TimeoutException
                    ? "The request was not confirmed in time; it may still take effect: read the resource before retrying"
                    : "A backing service is unavailable; retry shortly";
            ProblemDetail problem = ProblemType.SERVICE_UNAVAILABLE.problem(detail);
            decorate(problem, request);
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
        }
        log.error("Unexpected failure", e);
        return respond(ProblemType.INTERNAL_ERROR.problem(
                "The request could not be completed; quote the request id when reporting this"), request);
    }

    private static boolean isTransient(Throwable cause) {
        return cause instanceof TimeoutException
                || cause instanceof AxonTransientException
                || cause instanceof io.axoniq.axonserver.connector.AxonServerException
                || cause instanceof TransientDataAccessException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof MongoSocketException
                || cause instanceof MongoTimeoutException;
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause).limit(20);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail problem;
        Optional<RequestSizeLimitFilter.BodyTooLargeException> tooLarge = causes(e)
                .filter(RequestSizeLimitFilter.BodyTooLargeException.class::isInstance)
                .map(RequestSizeLimitFilter.BodyTooLargeException.class::cast).findFirst();
        if (tooLarge.isPresent()) {
            problem = RequestSizeLimitFilter.tooLarge(tooLarge.get().maxBytes);
        } else if (cause instanceof InvalidValueException invalid) {
            problem = ProblemType.INVALID_INPUT.problem(invalid.getMessage());
            problem.setProperty("field", invalid.field());
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String detail = mapping instanceof UnrecognizedPropertyException
                    ? "Unknown field '" + field + "'"
                    : "Field '" + field + "' has a wrong type or format";
            problem = ProblemType.INVALID_INPUT.problem(detail);
            problem.setProperty("field", field);
        } else {
            problem = ProblemType.INVALID_INPUT.problem("The request body is missing or is not valid JSON");
        }
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(error -> error.get("field") + " " + error.get("message"))
                .sorted().collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(detail);
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem("'" + name + "' has a wrong type or format"
                + (e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? " (one of " + List.of(e.getRequiredType().getEnumConstants()) + ")" : ""));
        problem.setProperty("field", name);
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(ProblemType.forStatus(status.value()).uri());
        }
        if (body instanceof ProblemDetail problem) {
            decorate(problem, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Answers with a problem, adding the request's id and path. */
    public static ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        decorate(problem, request);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static void decorate(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            ProblemResponses.annotate(problem, servlet.getRequest());
        }
    }

    /**
     * The request's path as a problem's {@code instance}, with any NIK in it masked: some paths name a data
     * subject, and problems end up in clients' logs.
     */
    public static URI instanceOf(String requestUri) {
        try {
            return URI.create(NIK_IN_PATH.matcher(requestUri).replaceAll(match ->
                    match.group().substring(0, 6) + "********" + match.group().substring(14)));
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static String pathOf(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
