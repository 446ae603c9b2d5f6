package id.mpp.tracker.command.application.web;

import id.mpp.tracker.command.application.CommandRefusedException;
import id.mpp.tracker.command.application.Refusal;
import id.mpp.tracker.platform.web.ApiExceptionHandler;
import id.mpp.tracker.platform.web.ProblemType;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** Maps refused and failed commands to problems. */
@RestControllerAdvice(basePackages = "id.mpp.tracker.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandExceptionHandler {

    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<Object> refused(CommandRefusedException e, WebRequest request) {
        return ApiExceptionHandler.respond(problemOf(e.refusal()), request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> failed(CommandExecutionException e, WebRequest request) {
        var refusal = e.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast);
        if (refusal.isPresent()) {
            return ApiExceptionHandler.respond(problemOf(refusal.get()), request);
        }
        if (e.getCause() instanceof AggregateNotFoundException notFound) {
            return notFound(notFound, request);
        }
        if (e.getCause() instanceof ConcurrencyException || e.getCause() instanceof AggregateStreamCreationException) {
            return concurrent(e, request);
        }
        return ApiExceptionHandler.fallback(e, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e, WebRequest request) {
        return ApiExceptionHandler.respond(ProblemType.NOT_FOUND.problem(
                "No application with id " + e.getAggregateIdentifier()), request);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrent(Exception e, WebRequest request) {
        return ApiExceptionHandler.respond(ProblemType.CONCURRENT_MODIFICATION.problem(
                "The application was changed by another request at the same time; read it again and retry"), request);
    }

    public static ProblemDetail problemOf(Refusal refusal) {
        ProblemType type = switch (refusal.kind()) {
            case INVALID_INPUT -> ProblemType.INVALID_INPUT;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case UNKNOWN_CATALOGUE_ENTRY -> ProblemType.UNKNOWN_CATALOGUE_ENTRY;
            case SERVICE_NOT_OFFERED -> ProblemType.SERVICE_NOT_OFFERED;
            case ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION;
            case RULE_VIOLATION -> ProblemType.RULE_VIOLATION;
            case VERSION_MISMATCH -> ProblemType.VERSION_MISMATCH;
        };
        ProblemDetail problem = type.problem(refusal.detail());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }
}
