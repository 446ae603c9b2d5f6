package id.mpp.tracker.command.application.web;

import id.mpp.tracker.application.MetadataKeys;
import id.mpp.tracker.command.application.ActorParameterResolverFactory;
import id.mpp.tracker.platform.security.CurrentActor;
import id.mpp.tracker.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command with the metadata of the act behind it (who, through which request and channel) and waits until its events are stored:
 * the caller only answers 2xx for what is durable.
 */
@Component
public class CommandSender {

    public static final String BACK_OFFICE = "BACK_OFFICE";

    private final CommandGateway gateway;
    private final HttpServletRequest request;
    private final Duration timeout;

    public CommandSender(CommandGateway gateway, HttpServletRequest request,
                         @Value("${mpp.commands.timeout:10s}") Duration timeout) {
        this.gateway = gateway;
        this.request = request;
        this.timeout = timeout;
    }

    /** @param channel the channel of the act, or null for an act of a back-office system */
    public <R> R send(Object command, String channel) {
        MetaData metaData = ActorParameterResolverFactory.metaDataOf(CurrentActor.required())
                .and(MetadataKeys.REQUEST_ID, RequestIdFilter.requestIdOf(request))
                .and(MetadataKeys.CHANNEL, channel == null ? BACK_OFFICE : channel);
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
