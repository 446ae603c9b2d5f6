package id.mpp.tracker.platform.web;

import id.mpp.tracker.application.MetadataKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id (the client's {@code X-Request-Id} when it is sane), echoes it and logs with it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(MetadataKeys.REQUEST_ID, requestId);
        response.setHeader(HEADER, requestId);
        MDC.put(MetadataKeys.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MetadataKeys.REQUEST_ID);
        }
    }

    public static String requestIdOf(HttpServletRequest request) {
        Object id = request.getAttribute(MetadataKeys.REQUEST_ID);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
