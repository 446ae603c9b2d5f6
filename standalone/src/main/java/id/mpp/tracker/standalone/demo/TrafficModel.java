package id.mpp.tracker.standalone.demo;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.catalogue.ServiceStandard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What citizens and agencies do, roughly as MPPs see it: arrivals by MPP size and hour of the day (counters open
 * 08:00–16:00, MPP Digital around the clock), a service mix with Dukcapil heaviest, and for each application a
 * journey of steps: returned files, withdrawals, documents requested, decisions mostly within the standard but some
 * late, rejections, collections and ratings.
 */
public final class TrafficModel {

    /** Share of each hour of the local day in a day's arrivals (sums to 1). */
    private static final double[] HOUR_SHARE = hourShares();
    private static final Map<String, Double> AGENCY_WEIGHT = Map.of(
            "DUKCAPIL", 40.0, "SAMSAT", 12.0, "POLRI", 10.0, "BPJS-KESEHATAN", 6.0, "BPJS-KETENAGAKERJAAN", 5.0,
            "DPMPTSP", 8.0, "IMIGRASI", 6.0, "DJP", 4.0, "BPN", 3.0, "KEMENAG", 2.0);
    private static final double OTHER_AGENCY_WEIGHT = 1.0;
    private static final String[] NAMES = {"Siti Rahayu", "Budi Santoso", "Dewi Lestari", "Agus Setiawan", "Rina Wati",
            "Made Wirawan", "Nur Aini", "Yohanes Kambu", "Fitri Handayani", "Andi Pratama", "Putu Ayu", "Ahmad Fauzi"};

    /** The demo caller acting for MPP Digital, on the citizen's behalf. */
    public static final String PORTAL = "portal";

    private final Catalogue catalogue;
    private final RandomGenerator random;
    private final int dailyApplications;
    private final double totalSize;
    /** The services each MPP offers, looked up once: the catalogue does not change while the model runs. */
    private final Map<MppCode, List<Service>> offeredAt = new HashMap<>();

    public TrafficModel(Catalogue catalogue, RandomGenerator random, int dailyApplications) {
        this.catalogue = catalogue;
        this.random = random;
        this.dailyApplications = dailyApplications;
        this.totalSize = catalogue.mpps().stream().mapToDouble(TrafficModel::sizeWeight).sum();
    }

    /** Expected arrivals at the MPP in one hour starting at {@code hourStart}. */
    public double arrivalsPerHour(Mpp mpp, Instant hourStart) {
        int localHour = hourStart.atZone(mpp.zone()).getHour();
        return dailyApplications * sizeWeight(mpp) / totalSize * HOUR_SHARE[localHour];
    }

    /** Arrivals in a span, drawn from a Poisson distribution around the expected number. */
    int arrivals(Mpp mpp, Instant start, Duration span) {
        double expected = arrivalsPerHour(mpp, start) * span.toMillis() / Duration.ofHours(1).toMillis();
        int count = 0;
        for (double threshold = Math.exp(-expected), product = random.nextDouble(); product > threshold; product *= random.nextDouble()) {
            count++;
        }
        return count;
    }

    Instant momentWithin(Instant start, Duration span) {
        return start.plusMillis((long) (random.nextDouble() * span.toMillis()));
    }

    public Service serviceAt(Mpp mpp) {
        List<Service> offered = offeredAt.computeIfAbsent(mpp.code(),
                code -> catalogue.services(Optional.of(code), Optional.empty()));
        double total = offered.stream().mapToDouble(TrafficModel::weight).sum();
        double pick = random.nextDouble() * total;
        for (Service service : offered) {
            pick -= weight(service);
            if (pick <= 0) {
                return service;
            }
        }
        return offered.get(offered.size() - 1);
    }

    /** The demo caller who is an officer at the MPP (one per MPP in the demo profile's keys). */
    public static String officerOf(MppCode mpp) {
        return "officer-" + mpp.value().toLowerCase(Locale.ROOT);
    }

    /** The demo caller who is the back-office system of the agency (one per agency in the demo profile's keys). */
    public static String systemOf(AgencyCode agency) {
        return "agency-" + agency.value().toLowerCase(Locale.ROOT);
    }

    /** One application's steps from submission on, each at the moment it happens. */
    public Journey journey(Mpp mpp, Service service, Instant submittedAt) {
        boolean online = random.nextDouble() < 0.25;
        String officer = officerOf(mpp.code());
        String agency = systemOf(service.agency());
        String citizen = online ? PORTAL : officer;
        var steps = new ArrayList<Journey.Step>();
        Instant at = submittedAt;
        steps.add(new Journey.Step(at, "submit", citizen, Map.of("mppCode", mpp.code().value(),
                "serviceCode", service.code().value(), "channel", online ? "ONLINE" : "COUNTER",
                "applicant", Map.of("nik", nik(), "name", NAMES[random.nextInt(NAMES.length)]))));
        if (random.nextDouble() < 0.03) {
            steps.add(new Journey.Step(at = later(at, 30, 240), "withdraw", PORTAL, Map.of("reason", "Tidak jadi mengurus")));
            return new Journey(steps);
        }
        if (random.nextDouble() < 0.08) {
            steps.add(new Journey.Step(at = later(at, 10, 60), "return-for-correction", officer,
                    Map.of("reason", "Berkas belum lengkap", "missingDocuments", List.of("Kartu Keluarga"))));
            steps.add(new Journey.Step(at = later(at, 60 * 20, 60 * 72), "resubmit", citizen, Map.of("note", "Berkas dilengkapi")));
        }
        steps.add(new Journey.Step(at = later(at, 10, 90), "verify", officer, null));
        steps.add(new Journey.Step(at = later(at, 5, 120), "start-processing", agency, null));
        if (random.nextDouble() < 0.10) {
            steps.add(new Journey.Step(at = later(at, 60 * 4, 60 * 30), "request-documents", agency,
                    Map.of("documents", List.of("Surat Keterangan Domisili"), "reason", "Data alamat berbeda")));
            steps.add(new Journey.Step(at = later(at, 60 * 24, 60 * 24 * 5), "provide-documents", PORTAL,
                    Map.of("documents", List.of("Surat Keterangan Domisili"))));
        }
        // the standard in calendar time, roughly: five working days a week
        double standardDays = service.standard().days()
                * (service.standard().unit() == ServiceStandard.DayUnit.WORKING_DAYS ? 1.4 : 1.0);
        double share = random.nextDouble() < 0.12 ? 1.1 + random.nextDouble() : 0.2 + 0.75 * random.nextDouble();
        at = at.plus(Duration.ofMinutes((long) (standardDays * share * 24 * 60)));
        boolean rejected = random.nextDouble() < 0.10;
        steps.add(rejected
                ? new Journey.Step(at, "reject", agency, Map.of("reason", "Persyaratan tidak terpenuhi"))
                : new Journey.Step(at, "complete", agency, Map.of("outputReference", service.code().value() + "/" + random.nextInt(1_000_000))));
        if (!rejected && random.nextDouble() < 0.75) {
            steps.add(new Journey.Step(at = later(at, 60 * 4, 60 * 24 * 4), "collect", officer, null));
        }
        if (random.nextDouble() < 0.6) {
            steps.add(new Journey.Step(later(at, 5, 120), "rate", PORTAL, Map.of("score", score(rejected))));
        }
        return new Journey(steps);
    }

    private int score(boolean rejected) {
        double pick = random.nextDouble();
        if (rejected) {
            return pick < 0.3 ? 1 : pick < 0.7 ? 2 : 3;
        }
        return pick < 0.45 ? 4 : pick < 0.88 ? 3 : pick < 0.97 ? 2 : 1;
    }

    /** A valid NIK of someone born 1960–2005 in Kota Surabaya (women's day of birth plus 40). */
    private String nik() {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 45));
        int day = born.getDayOfMonth() + (random.nextBoolean() ? 40 : 0);
        return String.format(Locale.ROOT, "357801%02d%02d%02d%04d", day, born.getMonthValue(), born.getYear() % 100,
                1 + random.nextInt(9999));
    }

    private Instant later(Instant at, int minMinutes, int maxMinutes) {
        return at.plus(Duration.ofMinutes(minMinutes + random.nextInt(maxMinutes - minMinutes + 1)));
    }

    private static double weight(Service service) {
        return AGENCY_WEIGHT.getOrDefault(service.agency().value(), OTHER_AGENCY_WEIGHT);
    }

    private static double sizeWeight(Mpp mpp) {
        return switch (mpp.size()) {
            case SMALL -> 1;
            case MEDIUM -> 2;
            case LARGE -> 4;
        };
    }

    /** Counters 08:00–16:00 with a morning peak; a little MPP Digital traffic at other hours. */
    private static double[] hourShares() {
        double[] weights = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            weights[hour] = hour >= 8 && hour < 16 ? (hour >= 9 && hour < 12 ? 10 : 6) : 0.4;
        }
        double total = Arrays.stream(weights).sum();
        for (int hour = 0; hour < 24; hour++) {
            weights[hour] /= total;
        }
        return weights;
    }
}
