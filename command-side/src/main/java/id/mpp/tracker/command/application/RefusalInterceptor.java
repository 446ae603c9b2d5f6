package id.mpp.tracker.command.application;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Sends a refusal back as the details of a {@link CommandExecutionException}: the form in which a failure's
 * details survive the trip through Axon Server to the node that sent the command.
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (CommandRefusedException e) {
            throw new CommandExecutionException(e.getMessage(), null, e.refusal());
        } catch (AggregateNotFoundException e) {
            Refusal refusal = Refusal.notFound(String.valueOf(e.getAggregateIdentifier()));
            throw new CommandExecutionException(refusal.detail(), null, refusal);
        }
    }
}
