package id.mpp.tracker.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads the catalogue file (YAML) and refuses it, with every problem listed, unless it is consistent. */
public final class CatalogueReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogueReader() {
    }

    public static Catalogue read(InputStream yaml, String source) {
        CatalogueFile file;
        try {
            file = YAML.readValue(yaml, CatalogueFile.class);
        } catch (IOException e) {
            throw new InvalidCatalogueException(source, List.of("cannot be read: " + e.getMessage()));
        }
        List<String> problems = problemsOf(file);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogueException(source, problems);
        }
        return new Catalogue(file.version(), file.description(), file.mpps(), file.agencies(), file.services());
    }

    private static List<String> problemsOf(CatalogueFile file) {
        var problems = new ArrayList<String>();
        if (file.version() == null || file.version().isBlank()) {
            problems.add("has no version");
        }
        if (file.mpps() == null || file.agencies() == null || file.services() == null) {
            problems.add("must list mpps, agencies and services");
            return problems;
        }
        Set<AgencyCode> agencies = uniqueCodes(file.agencies(), Agency::code, "agency", problems);
        Set<ServiceCode> services = uniqueCodes(file.services(), Service::code, "service", problems);
        uniqueCodes(file.mpps(), Mpp::code, "MPP", problems);
        var offered = new HashSet<ServiceCode>();
        for (Mpp mpp : file.mpps()) {
            if (mpp.zone() == null || blank(mpp.name())) {
                problems.add("MPP " + mpp.code() + " needs a name and a time zone");
            }
            for (ServiceCode service : mpp.services()) {
                if (!services.contains(service)) {
                    problems.add("MPP " + mpp.code() + " offers unknown service " + service);
                }
            }
            offered.addAll(mpp.services());
        }
        for (Service service : file.services()) {
            String name = "service " + service.code();
            if (!agencies.contains(service.agency())) {
                problems.add(name + " belongs to unknown agency " + service.agency());
            }
            if (service.standard() == null || service.standard().unit() == null || service.standard().days() < 1) {
                problems.add(name + " needs a standard of at least 1 day with its unit");
            }
            if (service.requiredDocuments().isEmpty() || blank(service.name())) {
                problems.add(name + " needs a name and its required documents");
            }
            if (!offered.contains(service.code())) {
                problems.add(name + " is offered by no MPP");
            }
        }
        return problems;
    }

    private static <T, C> Set<C> uniqueCodes(List<T> entries, Function<T, C> code, String kind, List<String> problems) {
        var seen = new HashSet<C>();
        for (T entry : entries) {
            C c = code.apply(entry);
            if (c == null) {
                problems.add("an " + kind + " has no code");
            } else if (!seen.add(c)) {
                problems.add(kind + " code " + c + " appears twice");
            }
        }
        return seen;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    record CatalogueFile(String version, String description, List<Mpp> mpps, List<Agency> agencies,
                                 List<Service> services) {
    }
}
