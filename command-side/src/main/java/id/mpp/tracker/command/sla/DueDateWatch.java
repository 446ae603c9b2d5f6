package id.mpp.tracker.command.sla;

import id.mpp.tracker.application.MetadataKeys;
import id.mpp.tracker.command.application.CheckDueDate;
import id.mpp.tracker.command.application.DueDateCheck;
import id.mpp.tracker.command.sla.DueDateIndex.DueEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Finds the applications whose due date has passed and has each one record what that means (a breach or a deemed
 * approval). Only the holder of the lease scans, so several instances do not all send the same checks; and were two
 * ever to check one application at once, the application records its breach only once.
 */
public class DueDateWatch {

    /** Who acted, in the metadata of the events the watch causes. */
    public static final String PRINCIPAL = "system:due-date-watch";

    private static final Logger log = LoggerFactory.getLogger(DueDateWatch.class);

    private final DueDateIndex index;
    private final CommandGateway commands;
    private final Lease lease;
    private final Clock clock;
    private final int batchSize;
    private final Counter scans;

    DueDateWatch(DueDateIndex index, CommandGateway commands, Lease lease, Clock clock, int batchSize, MeterRegistry meters) {
        this.index = index;
        this.commands = commands;
        this.lease = lease;
        this.clock = clock;
        this.batchSize = batchSize;
        this.scans = Counter.builder("mpp_sla_watch_scans").description("Scans for passed due dates by this instance")
                .register(meters);
    }

    /** One round, if this instance holds the lease; answers how many applications fell due in it. */
    public int watch() {
        if (!lease.acquire()) {
            return 0;
        }
        scans.increment();
        int recorded = 0;
        List<DueEntry> due = index.dueAt(clock.instant(), batchSize);
        log.debug("{} applications found due", due.size());
        for (DueEntry entry : due) {
            try {
                recorded += check(entry);
            } catch (RuntimeException e) {
                // the entry stays: the next round checks it again
                log.warn("Checking the due date of application {} failed: {}", entry.applicationId(), e.toString());
            }
        }
        return recorded;
    }

    void stop() {
        lease.release();
    }

    private int check(DueEntry entry) {
        var command = GenericCommandMessage.asCommandMessage(new CheckDueDate(entry.applicationId()))
                .andMetaData(MetaData.with(MetadataKeys.PRINCIPAL, PRINCIPAL));
        DueDateCheck result = commands.sendAndWait(command);
        switch (result.finding()) {
            case NOT_YET_DUE -> index.moved(entry, result.dueAt());
            case BREACHED, DEEMED_APPROVED -> {
                index.settled(entry);
                log.info("Application {} fell due at {}: {}", entry.applicationId(), entry.dueAt(), result.finding());
                return 1;
            }
            case NOTHING_DUE -> index.settled(entry);
        }
        return 0;
    }
}
