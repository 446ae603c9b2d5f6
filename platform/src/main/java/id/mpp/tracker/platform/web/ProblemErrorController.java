package id.mpp.tracker.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Objects;
import java.util.stream.Stream;


/**
 * Answers errors raised outside the controllers (a request the security firewall rejects, say) as
 * problem+json, in place of Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown && Stream.iterate(thrown, Objects::nonNull, Throwable::getCause).limit(10)
                .anyMatch(RequestRejectedException.class::isInstance)) {
            // the security firewall found something malicious-looking in the request: the client's fault
            status = HttpStatus.BAD_REQUEST.value();
        }
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = type.problem(status >= 500
                ? "The request could not be completed; quote the request id when reporting this"
                : "The request was refused: " + HttpStatus.valueOf(status).getReasonPhrase().toLowerCase());
        problem.setStatus(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(ApiExceptionHandler.instanceOf(uri.toString()));
        }
        problem.setProperty("requestId", RequestIdFilter.requestIdOf(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
