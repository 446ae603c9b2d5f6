package id.mpp.tracker.application;

import java.util.Objects;

/** The citizen an application is for. Personal data: never logged, never in metrics. */
public record Applicant(Nik nik, String name, String phone, String email) {

    public Applicant {
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "Applicant[nik=" + nik.masked() + "]";
    }
}
