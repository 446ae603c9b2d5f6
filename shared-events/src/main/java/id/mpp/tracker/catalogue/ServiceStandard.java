package id.mpp.tracker.catalogue;

/** The service time an agency pledges, counted in working or calendar days. */
public record ServiceStandard(int days, DayUnit unit) {

    public enum DayUnit {
        WORKING_DAYS, CALENDAR_DAYS
    }
}
