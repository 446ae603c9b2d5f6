package id.mpp.tracker.command.privacy;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.command.application.CommandRefusedException;
import id.mpp.tracker.command.application.Refusal;
import id.mpp.tracker.privacy.DataSubjectErased;
import id.mpp.tracker.privacy.PersonalDataVault;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person whose data the system holds, known only by a pseudonymous id. Each erasure is recorded with the key it
 * erases; the key is shredded once that record is stored, so every copy sealed with it becomes unreadable. A person
 * who applies again afterwards gets a new key, which a later erasure erases in turn.
 */
@Aggregate
public class DataSubject {

    @AggregateIdentifier
    private String dataSubjectId;

    protected DataSubject() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(EraseDataSubject command, Actor actor, PersonalDataVault vault) {
        if (actor == null || !actor.is(Role.ADMIN)) {
            // an erasure reaches the person's applications at every MPP: no single MPP's officer may order it
            throw new CommandRefusedException(Refusal.forbidden(actor, "erase personal data", "only the data protection officer (ADMIN) may"));
        }
        String key = vault.currentKeyId(command.dataSubjectId()).orElseThrow(() -> new CommandRefusedException(
                Refusal.ruleViolation("nothing-to-erase", "No personal data of this person is held: never submitted, or already erased")));
        apply(new DataSubjectErased(command.dataSubjectId(), key, command.reason()));
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> vault.shred(command.dataSubjectId(), key)));
        return command.dataSubjectId();
    }

    @EventSourcingHandler
    void on(DataSubjectErased event) {
        dataSubjectId = event.dataSubjectId();
    }
}
