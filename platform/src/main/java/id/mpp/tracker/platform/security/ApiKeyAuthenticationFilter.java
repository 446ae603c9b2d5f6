package id.mpp.tracker.platform.security;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Authenticates a request carrying {@code X-Api-Key} as the actor its key belongs to. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Map<String, Actor> actorsByKeyHash;
    private final AuthenticationEntryPoint refuse;

    ApiKeyAuthenticationFilter(ApiKeyProperties properties, AuthenticationEntryPoint refuse) {
        this.actorsByKeyHash = properties.apiKeys().stream().collect(Collectors.toUnmodifiableMap(
                key -> key.sha256().toLowerCase(), ApiKeyAuthenticationFilter::actorOf));
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            Actor actor = actorsByKeyHash.get(sha256(key));
            if (actor == null) {
                refuse.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor));
        }
        chain.doFilter(request, response);
    }

    static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Actor actorOf(ApiKeyProperties.ApiKey key) {
        return new Actor(key.principal(), key.role(),
                Optional.ofNullable(key.mppCode()).map(MppCode::of).orElse(null),
                Optional.ofNullable(key.agencyCode()).map(AgencyCode::of).orElse(null));
    }
}
