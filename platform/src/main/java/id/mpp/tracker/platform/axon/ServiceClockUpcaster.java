package id.mpp.tracker.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.application.ApplicationCompleted;
import id.mpp.tracker.application.ApplicationRejected;
import id.mpp.tracker.application.ApplicationVerified;
import id.mpp.tracker.application.DocumentsProvided;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Revision 1 of these events was recorded before applications had a service clock. Revision 2 adds the clock's
 * fields; read from revision 1 they are absent, which the model reads as "no clock ran": no standard, no due
 * date, no timeliness, and no deemed approval.
 */
@Component
@Order(0)
public class ServiceClockUpcaster extends SingleEventUpcaster {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, Map<String, JsonNode>> ADDED_IN_REVISION_2 = Map.of(
            ApplicationVerified.class.getName(),
            Map.of("standard", JSON.nullNode(), "deemedApproval", JSON.booleanNode(false), "due", JSON.nullNode()),
            DocumentsProvided.class.getName(), Map.of("due", JSON.nullNode()),
            ApplicationCompleted.class.getName(), Map.of("timeliness", JSON.nullNode()),
            ApplicationRejected.class.getName(), Map.of("timeliness", JSON.nullNode()));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision())
                && ADDED_IN_REVISION_2.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class, payload -> {
            ((ObjectNode) payload).setAll(ADDED_IN_REVISION_2.get(type));
            return payload;
        });
    }
}
