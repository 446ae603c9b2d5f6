package id.mpp.tracker.dashboard;

/**
 * The community satisfaction index (Indeks Kepuasan Masyarakat, SKM) from ratings on the 1–4 scale, converted to
 * 25–100 and banded as PermenPANRB 14/2017 sets: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99.
 */
public record SkmIndex(Double index, String band, long ratings) {

    public static SkmIndex of(long ratingSum, long ratings) {
        if (ratings == 0) {
            return new SkmIndex(null, null, 0);
        }
        double index = Math.round((double) ratingSum / ratings * 25 * 100) / 100.0;
        return new SkmIndex(index, bandOf(index), ratings);
    }

    static String bandOf(double index) {
        if (index >= 88.31) {
            return "A";
        }
        if (index >= 76.61) {
            return "B";
        }
        if (index >= 65.00) {
            return "C";
        }
        return "D";
    }
}
