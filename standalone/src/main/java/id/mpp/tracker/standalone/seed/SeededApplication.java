package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.ApplicationCompleted;
import id.mpp.tracker.application.ApplicationDeemedApproved;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationRejected;
import id.mpp.tracker.application.ApplicationResubmitted;
import id.mpp.tracker.application.ApplicationReturnedForCorrection;
import id.mpp.tracker.application.ApplicationRouted;
import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.ApplicationSubmitted;
import id.mpp.tracker.application.ApplicationVerified;
import id.mpp.tracker.application.ApplicationWithdrawn;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.application.DocumentsProvided;
import id.mpp.tracker.application.DocumentsRequested;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.application.OutputCollected;
import id.mpp.tracker.application.ProcessingStarted;
import id.mpp.tracker.application.ServiceRated;
import id.mpp.tracker.application.ServiceStandardBreached;
import id.mpp.tracker.application.TrackingNumber;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.command.application.ServiceApplication;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.Timeliness;
import id.mpp.tracker.standalone.demo.Journey;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulated application while its history is written: what the aggregate keeps for its decisions (status,
 * routing, its service clock), where its hash chain stands, and the steps of its journey still ahead. Each step
 * records the events the aggregate's handler records for that request, and the due-date watch's check records a
 * breach or deemed approval when the due date passes while the clock runs. Nothing else is kept, and the whole
 * object is dropped when its journey ends.
 */
final class SeededApplication extends Chain implements Comparable<SeededApplication> {

    static final long NEVER = Long.MAX_VALUE;
    private static final String TYPE = ServiceApplication.class.getSimpleName();

    private final ApplicationId id;
    private final Mpp mpp;
    private final Service service;
    private final StepsAhead steps;
    private final long order;
    private AgencyCode agency;
    private ApplicationStatus status;
    private ServiceStandard standard;
    private boolean deemedApproval;
    private DueDate due;
    private Instant pausedAt;
    private boolean breached;
    private long dueCheckAt = NEVER;
    private long wakeAt;

    SeededApplication(ApplicationId id, Mpp mpp, Service service, StepsAhead steps, long order) {
        super(TYPE, id.value());
        this.id = id;
        this.mpp = mpp;
        this.service = service;
        this.steps = steps;
        this.order = order;
        this.wakeAt = nextStepAt();
    }

    /** When this application next acts: its next step, or the due-date watch's check if that comes first. */
    long wakeAt() {
        return wakeAt;
    }

    /** Takes what is due at {@link #wakeAt()}; answers whether anything is still ahead. */
    boolean wake(History history) {
        if (dueCheckAt <= nextStepAt()) {
            checkDueDate(history, Instant.ofEpochMilli(dueCheckAt));
        } else {
            take(history, steps.take());
        }
        wakeAt = Math.min(nextStepAt(), dueCheckAt);
        return wakeAt != NEVER;
    }

    private long nextStepAt() {
        return steps.nextAt();
    }

    /** As the aggregate answers the watch's check of a passed due date while the agency holds the application. */
    private void checkDueDate(History history, Instant at) {
        dueCheckAt = NEVER;
        MetaData act = history.acts().bySystem(Acts.DUE_DATE_WATCH);
        if (deemedApproval) {
            history.write(this, new ApplicationDeemedApproved(id, agency, due), act, at);
            status = ApplicationStatus.DEEMED_APPROVED;
            // the journey's next step (a decision, or asking for documents) is refused now, which ends a simulated journey
            steps.stop();
        } else {
            history.write(this, new ServiceStandardBreached(id, agency, due), act, at);
            breached = true;
        }
    }

    private void take(History history, Journey.Step step) {
        Instant at = step.at();
        Map<?, ?> body = step.body() instanceof Map<?, ?> map ? map : Map.of();
        if (step.action().equals("submit")) {
            submit(history, step, body, at);
            return;
        }
        MetaData act = history.acts().byCaller(step.principal(), null);
        switch (step.action()) {
            case "withdraw" -> {
                history.write(this, new ApplicationWithdrawn(id, text(body, "reason")), act, at);
                status = ApplicationStatus.WITHDRAWN;
                dueCheckAt = NEVER;
            }
            case "return-for-correction" -> {
                List<String> missing = texts(body, "missingDocuments");
                history.write(this, new ApplicationReturnedForCorrection(id, text(body, "reason"),
                        missing == null ? List.of() : missing), act, at);
                status = ApplicationStatus.RETURNED_FOR_CORRECTION;
            }
            case "resubmit" -> {
                history.write(this, new ApplicationResubmitted(id, text(body, "note")), act, at);
                status = ApplicationStatus.SUBMITTED;
            }
            case "verify" -> {
                standard = service.standard();
                deemedApproval = service.deemedApproval();
                due = history.serviceClock().due(at, mpp.zone(), standard);
                history.write(this, new ApplicationVerified(id, standard, deemedApproval, due), act, at);
                agency = service.agency();
                history.write(this, new ApplicationRouted(id, agency), act, at);
                status = ApplicationStatus.ROUTED;
                watchDueDate(history, at);
            }
            case "start-processing" -> {
                history.write(this, new ProcessingStarted(id, agency), act, at);
                status = ApplicationStatus.IN_PROCESS;
            }
            case "request-documents" -> {
                history.write(this, new DocumentsRequested(id, texts(body, "documents"), text(body, "reason")), act, at);
                status = ApplicationStatus.AWAITING_DOCUMENTS;
                pausedAt = at;
                dueCheckAt = NEVER;
            }
            case "provide-documents" -> {
                due = due == null ? null : history.serviceClock().resume(due, pausedAt, at, standard.unit());
                history.write(this, new DocumentsProvided(id, texts(body, "documents"), due), act, at);
                status = ApplicationStatus.IN_PROCESS;
                pausedAt = null;
                watchDueDate(history, at);
            }
            case "complete" -> {
                history.write(this, new ApplicationCompleted(id, agency, text(body, "outputReference"), timeliness(history, at)), act, at);
                status = ApplicationStatus.COMPLETED;
                dueCheckAt = NEVER;
            }
            case "reject" -> {
                history.write(this, new ApplicationRejected(id, agency, text(body, "reason"), timeliness(history, at)), act, at);
                status = ApplicationStatus.REJECTED;
                dueCheckAt = NEVER;
            }
            case "collect" -> {
                history.write(this, new OutputCollected(id), act, at);
                status = ApplicationStatus.COLLECTED;
            }
            case "rate" -> history.write(this, new ServiceRated(id, ((Number) body.get("score")).intValue(),
                    text(body, "comment")), act, at);
            default -> throw new IllegalStateException("The traffic model takes a step the seed does not know: " + step.action());
        }
    }

    /** As the API takes a submission: the applicant's data sealed, a tracking number claimed, the channel as given. */
    private void submit(History history, Journey.Step step, Map<?, ?> body, Instant at) {
        Channel channel = Channel.valueOf(text(body, "channel"));
        Map<?, ?> person = (Map<?, ?>) body.get("applicant");
        var applicant = new Applicant(Nik.parse(text(person, "nik")), text(person, "name").strip(), null, null);
        TrackingNumber number = history.trackingNumbers().issueFor(id, at);
        agency = service.agency();
        history.write(this, new ApplicationSubmitted(id, number, mpp.code(), service.code(), agency, channel,
                history.vault().seal(applicant)), history.acts().byCaller(step.principal(), channel.name()), at);
        status = ApplicationStatus.SUBMITTED;
    }

    /**
     * The watch finds a passed due date at its first round after it passed, or, when the clock runs again already past
     * its moved due date, at its first round after that.
     */
    private void watchDueDate(History history, Instant now) {
        if (due == null || breached) {
            dueCheckAt = NEVER;
            return;
        }
        long from = Math.max(due.dueAt().toEpochMilli(), now.toEpochMilli());
        dueCheckAt = from + history.watchDelay();
    }

    private Timeliness timeliness(History history, Instant at) {
        return due == null ? null : history.serviceClock().timeliness(due, at, standard.unit());
    }

    private static String text(Map<?, ?> body, String key) {
        Object value = body.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Map<?, ?> body, String key) {
        return (List<String>) body.get(key);
    }

    @Override
    public int compareTo(SeededApplication other) {
        int byTime = Long.compare(wakeAt, other.wakeAt);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
}
