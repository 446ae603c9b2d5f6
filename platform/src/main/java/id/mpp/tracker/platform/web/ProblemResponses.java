package id.mpp.tracker.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** Problems answered from outside the controllers: filters and the security chain write them themselves. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Adds the request's (NIK-masked) path and id to a problem. */
    public static ProblemDetail annotate(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(ApiExceptionHandler.instanceOf(request.getRequestURI()));
        problem.setProperty("requestId", RequestIdFilter.requestIdOf(request));
        return problem;
    }

    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             ProblemDetail problem) throws IOException {
        annotate(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
