package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the dashboards need to remember of one application to count its later events: where it is counted, its
 * status (to move it in the backlog), whether its breach of the standard is recorded (to count it overdue while it
 * is open), the day of its last move in the backlog and when its clock started (for lead times). {@code version} is the sequence
 * number of its last event counted: the counting of an event is finished when it is stored.
 */
@Document(DashboardApplication.COLLECTION)
class DashboardApplication {

    static final String COLLECTION = "dashboard_applications";

    @Id
    String id;
    String mppCode;
    String agencyCode;
    String serviceCode;
    Channel channel;
    ApplicationStatus status;
    Instant verifiedAt;
    boolean breached;
    /** The day its backlog changes were last counted on (ISO): later ones never count on an earlier day. */
    String backlogDay;
    long version;

    /** Open past its due date: the due-date watch recorded the breach and nobody has decided yet. */
    boolean overdue() {
        return breached && !status.closed();
    }
}
