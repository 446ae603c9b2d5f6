package id.mpp.tracker.platform.security;

import id.mpp.tracker.access.Actor;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The actor of the request being handled, if it authenticated. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication
                ? Optional.of(authentication.actor())
                : Optional.empty();
    }

    public static Actor required() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated actor"));
    }
}
