package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** What a dashboard request names, checked against the catalogue, with the period's defaults and limits. */
@Component
public class DashboardRequests {

    static final int MAX_DAYS = 366;
    private static final int DEFAULT_DAYS = 30;
    /** The date "today" is taken in when no period is given: western Indonesia, where most MPPs are. */
    private static final ZoneId TODAY_IN = ZoneId.of("Asia/Jakarta");

    private final Catalogue catalogue;
    private final Clock clock;

    DashboardRequests(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** An MPP's scope, or that of one agency within it. */
    public DashboardScope mpp(String mppCode, String agencyCode) {
        MppCode mpp = MppCode.of(mppCode);
        if (catalogue.mpp(mpp).isEmpty()) {
            throw new NotFoundException("No MPP " + mpp + " in the catalogue");
        }
        return new DashboardScope(mpp, agencyCode == null ? null : agencyCode(agencyCode));
    }

    public DashboardScope agency(String agencyCode) {
        return DashboardScope.agency(agencyCode(agencyCode));
    }

    /** The period {@code from}–{@code to}, both included: by default the 30 days up to today. */
    public FindDashboard find(DashboardScope scope, LocalDate from, LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), TODAY_IN);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidValueException("from", "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidValueException("from", "must be at most " + MAX_DAYS + " days before to (" + last + ")");
        }
        return new FindDashboard(scope, first, last);
    }

    private AgencyCode agencyCode(String agencyCode) {
        AgencyCode agency = AgencyCode.of(agencyCode);
        if (catalogue.agency(agency).isEmpty()) {
            throw new NotFoundException("No agency " + agency + " in the catalogue");
        }
        return agency;
    }
}
