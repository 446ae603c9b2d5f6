package id.mpp.tracker.platform.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Logs written while handling a command or an event carry that message's request and correlation ids. */
@Configuration(proxyBeanMethods = false)
public class LoggingContextConfiguration {

    @Autowired
    void logWithMessageContext(EventProcessingConfigurer processing, CommandBus commandBus) {
        var interceptor = new LoggingContextInterceptor();
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> interceptor);
        commandBus.registerHandlerInterceptor(interceptor);
    }
}
