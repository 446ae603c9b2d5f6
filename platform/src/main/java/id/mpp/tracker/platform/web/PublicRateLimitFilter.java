package id.mpp.tracker.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A per-client budget for the public tracking endpoint, so that tracking numbers cannot be enumerated at speed:
 * {@code mpp.public.tracking-requests-per-minute} per client address, 429 with {@code Retry-After} beyond.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class PublicRateLimitFilter extends OncePerRequestFilter {

    static final String PATH = "/api/v1/track/";
    private static final int TRACKED_CLIENTS = 100_000;

    private final long perMinute;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > TRACKED_CLIENTS;
        }
    });

    public PublicRateLimitFilter(@Value("${mpp.public.tracking-requests-per-minute:60}") long perMinute, ObjectMapper json) {
        this.perMinute = perMinute;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.computeIfAbsent(request.getRemoteAddr(), client -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
        ProblemDetail problem = ProblemType.TOO_MANY_REQUESTS.problem(
                "At most " + perMinute + " tracking requests a minute from one client; retry in " + retryAfter + " s");
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemResponses.write(json, request, response, problem);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
