package id.mpp.tracker.command;

import id.mpp.tracker.command.application.RefusalInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandHandlingConfiguration {

    @Autowired
    void sendRefusalsAsDetails(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RefusalInterceptor());
    }
}
