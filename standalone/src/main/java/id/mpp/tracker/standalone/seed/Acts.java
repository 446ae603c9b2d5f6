package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.application.MetadataKeys;
import id.mpp.tracker.catalogue.Agency;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.command.application.ActorParameterResolverFactory;
import id.mpp.tracker.command.application.web.CommandSender;
import id.mpp.tracker.command.audit.chain.StreamAnchoring;
import id.mpp.tracker.command.sla.DueDateWatch;
import id.mpp.tracker.standalone.demo.TrafficModel;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata each event carries, as the command path gives it. A request through the API: the caller as the
 * command side describes an actor (principal, role, its MPP or agency), the request id and the channel
 * ({@code BACK_OFFICE} for every action after submission); then, from the command's handling, the causation and
 * correlation ids, both the command's own id since no message came before it. A system act (the due-date watch,
 * stream anchoring) sends its command with only its principal.
 */
final class Acts {

    /** Who the due-date watch acts as. */
    static final String DUE_DATE_WATCH = DueDateWatch.PRINCIPAL;
    /** Who anchors the stream. */
    static final String STREAM_ANCHORING = StreamAnchoring.PRINCIPAL;

    private final Map<String, MetaData> callers = new HashMap<>();
    private final SeedIds ids;

    /** The demo's callers: an officer per MPP, a system per agency, MPP Digital, named as the traffic model names them. */
    Acts(Catalogue catalogue, SeedIds ids) {
        this.ids = ids;
        for (Mpp mpp : catalogue.mpps()) {
            add(Actor.officer(TrafficModel.officerOf(mpp.code()), mpp.code()));
        }
        for (Agency agency : catalogue.agencies()) {
            add(Actor.agencySystem(TrafficModel.systemOf(agency.code()), agency.code()));
        }
        add(Actor.of(TrafficModel.PORTAL, Role.DIGITAL_PORTAL));
    }

    /** A request of the caller through the API; {@code channel} null for an action after submission. */
    MetaData byCaller(String principal, String channel) {
        MetaData caller = callers.get(principal);
        if (caller == null) {
            throw new IllegalStateException("The traffic model acts as " + principal + ", who is not one of the demo's callers");
        }
        String command = ids.next();
        return caller.mergedWith(Map.of(
                MetadataKeys.REQUEST_ID, ids.next(),
                MetadataKeys.CHANNEL, channel == null ? CommandSender.BACK_OFFICE : channel,
                MetadataKeys.CAUSATION_ID, command,
                MetadataKeys.CORRELATION_ID, command));
    }

    MetaData bySystem(String principal) {
        String command = ids.next();
        return MetaData.from(Map.of(MetadataKeys.PRINCIPAL, principal,
                MetadataKeys.CAUSATION_ID, command,
                MetadataKeys.CORRELATION_ID, command));
    }

    /** The one shared instance of the caller's name, so that applications in progress do not each keep a copy. */
    String caller(String principal) {
        MetaData caller = callers.get(principal);
        return caller == null ? principal : caller.get(MetadataKeys.PRINCIPAL).toString();
    }

    private void add(Actor actor) {
        callers.put(actor.id(), ActorParameterResolverFactory.metaDataOf(actor));
    }
}
