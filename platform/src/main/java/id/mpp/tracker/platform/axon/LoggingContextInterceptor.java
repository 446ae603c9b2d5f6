package id.mpp.tracker.platform.axon;

import id.mpp.tracker.application.MetadataKeys;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.util.List;

/** Puts the request and correlation ids of the message being handled into the logging context. */
class LoggingContextInterceptor implements MessageHandlerInterceptor<Message<?>> {

    private static final List<String> KEYS = List.of(MetadataKeys.REQUEST_ID, MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID);

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var metaData = unitOfWork.getMessage().getMetaData();
        var previous = MDC.getCopyOfContextMap();
        try {
            for (String key : KEYS) {
                Object value = metaData.get(key);
                if (value != null) {
                    MDC.put(key, value.toString());
                }
            }
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }
}
