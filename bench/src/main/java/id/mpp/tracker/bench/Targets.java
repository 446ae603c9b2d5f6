package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the load is made of, read from the system's own catalogue: every service an MPP offers, with the agency
 * that decides it, and the callers who act on it (the MPP's officer, the agency's system), by key pattern.
 */
final class Targets {

    record Target(String mpp, String service, String agency, String officerKey, String agencyKey) {
    }

    private final List<Target> targets;

    private Targets(List<Target> targets) {
        if (targets.isEmpty()) {
            throw new IllegalStateException("The catalogue offers no service at any MPP");
        }
        this.targets = List.copyOf(targets);
    }

    static Targets read(Api api, String officerKeyPattern, String agencyKeyPattern) {
        var agencyOf = new HashMap<String, String>();
        for (JsonNode service : answer(api, "/api/v1/catalogue/services")) {
            agencyOf.put(service.get("code").asText(), service.get("agency").asText());
        }
        var targets = new ArrayList<Target>();
        for (JsonNode mpp : answer(api, "/api/v1/catalogue/mpps")) {
            String code = mpp.get("code").asText();
            for (JsonNode service : mpp.get("services")) {
                String agency = agencyOf.get(service.asText());
                if (agency != null) {
                    targets.add(new Target(code, service.asText(), agency, key(officerKeyPattern, "{mpp}", code),
                            key(agencyKeyPattern, "{agency}", agency)));
                }
            }
        }
        return new Targets(targets);
    }

    Target any() {
        return targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
    }

    String someMpp() {
        return targets.get(0).mpp();
    }

    int size() {
        return targets.size();
    }

    /** Keys of the demo callers are "demo-" and the principal: the officer or system named by its code in lower case. */
    static String key(String pattern, String placeholder, String code) {
        return pattern.replace(placeholder, code.toLowerCase());
    }

    private static JsonNode answer(Api api, String path) {
        Api.Answer answer = api.get(path, null);
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** A valid NIK of a made-up citizen of Surabaya (province 35, regency 78): date of birth and serial vary. */
    static String nik() {
        var random = ThreadLocalRandom.current();
        int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
        return String.format("357801%02d%02d%02d%04d", day, 1 + random.nextInt(12), random.nextInt(100), 1 + random.nextInt(9999));
    }

    static Map<String, Object> describe(Targets targets) {
        return Map.of("servicesAtMpps", targets.size());
    }
}
