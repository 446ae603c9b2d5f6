package id.mpp.tracker.command;

import id.mpp.tracker.command.application.RefusalInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandHandlingConfiguration {

    /**
     * Applications stay loaded between their commands (as long as memory allows), instead of being sourced from
     * their events for each. Axon updates an entry only when a command's events are committed and drops it when
     * one fails. Sound while one command-side instance handles an application's commands; with several instances
     * and no routing by application, one holding a stale copy would refuse a command with a conflict, so such a
     * deployment turns the cache off ({@code mpp.commands.aggregate-cache=false}).
     */
    @Bean
    Cache serviceApplicationCache(@Value("${mpp.commands.aggregate-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    @Autowired
    void sendRefusalsAsDetails(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RefusalInterceptor());
    }
}
