package id.mpp.tracker.command.application;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.application.MetadataKeys;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Optional;

/**
 * Gives command handlers the {@link Actor} who sent the command, read from the command's metadata; a command
 * without one resolves to {@code null} and is refused by the handler.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        return parameters[index].getType() == Actor.class ? new ActorResolver() : null;
    }

    /** The metadata that describes an actor, for the sender of a command. */
    public static MetaData metaDataOf(Actor actor) {
        MetaData metaData = MetaData.with(MetadataKeys.PRINCIPAL, actor.id()).and(MetadataKeys.ROLE, actor.role().name());
        if (actor.mppCode() != null) {
            metaData = metaData.and(MetadataKeys.PRINCIPAL_MPP, actor.mppCode().value());
        }
        if (actor.agencyCode() != null) {
            metaData = metaData.and(MetadataKeys.PRINCIPAL_AGENCY, actor.agencyCode().value());
        }
        return metaData;
    }

    private static final class ActorResolver implements ParameterResolver<Actor> {

        @Override
        public Actor resolveParameterValue(Message<?> message) {
            MetaData metaData = message.getMetaData();
            Object id = metaData.get(MetadataKeys.PRINCIPAL);
            Object role = metaData.get(MetadataKeys.ROLE);
            if (id == null || role == null) {
                return null;
            }
            try {
                return new Actor(id.toString(), Role.valueOf(role.toString()),
                        Optional.ofNullable(metaData.get(MetadataKeys.PRINCIPAL_MPP)).map(Object::toString).map(MppCode::of).orElse(null),
                        Optional.ofNullable(metaData.get(MetadataKeys.PRINCIPAL_AGENCY)).map(Object::toString).map(AgencyCode::of).orElse(null));
            } catch (IllegalArgumentException inconsistent) {
                // metadata that describes no valid actor identifies no one: the handler refuses the command
                return null;
            }
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    }
}
