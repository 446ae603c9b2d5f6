package id.mpp.tracker.catalogue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** A Mal Pelayanan Publik: where it is, its local time zone, and the services it offers. */
public record Mpp(MppCode code, String name, String region, String province, ZoneId zone,
                  LocalDate inaugurated, MppSize size, Set<ServiceCode> services) {

    public Mpp {
        services = Set.copyOf(services == null ? Set.of() : services);
    }

    public boolean offers(ServiceCode service) {
        return services.contains(service);
    }
}
