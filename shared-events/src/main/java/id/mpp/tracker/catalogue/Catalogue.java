package id.mpp.tracker.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The MPPs, agencies and services the system knows, as loaded from the versioned catalogue file. */
public final class Catalogue {

    private final String version;
    private final String description;
    private final Map<MppCode, Mpp> mpps;
    private final Map<AgencyCode, Agency> agencies;
    private final Map<ServiceCode, Service> services;

    Catalogue(String version, String description, List<Mpp> mpps, List<Agency> agencies, List<Service> services) {
        this.version = version;
        this.description = description;
        this.mpps = index(mpps, Mpp::code);
        this.agencies = index(agencies, Agency::code);
        this.services = index(services, Service::code);
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity(), (a, b) -> a));
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    public Optional<Mpp> mpp(MppCode code) {
        return Optional.ofNullable(mpps.get(code));
    }

    public Optional<Agency> agency(AgencyCode code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public Optional<Service> service(ServiceCode code) {
        return Optional.ofNullable(services.get(code));
    }

    public List<Mpp> mpps() {
        return mpps.values().stream().sorted(Comparator.comparing(m -> m.code().value())).toList();
    }

    public List<Agency> agencies() {
        return agencies.values().stream().sorted(Comparator.comparing(a -> a.code().value())).toList();
    }

    /** Services, optionally only those an MPP offers and/or those an agency handles, by code. */
    public List<Service> services(Optional<MppCode> offeredAt, Optional<AgencyCode> handledBy) {
        return services.values().stream()
                .filter(s -> offeredAt.map(mpps::get).map(m -> m.offers(s.code())).orElse(offeredAt.isEmpty()))
                .filter(s -> handledBy.map(a -> a.equals(s.agency())).orElse(true))
                .sorted(Comparator.comparing(s -> s.code().value()))
                .toList();
    }
}
