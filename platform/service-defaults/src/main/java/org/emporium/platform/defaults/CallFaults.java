package org.emporium.platform.defaults;

import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.Faults;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;

/**
 * Faults on this service's calls to another ({@code ./emporium chaos cut storefront
 * recommendations}, {@code chaos latency orders 500ms --to payments}, {@code chaos errors cart 50%
 * --to inventory}), applied before anything is sent so the caller's timeouts, breakers and
 * fallbacks meet what a real failure would give them: a refused connection, the callee's error
 * status as a problem+json answer, a connection reset, or a wait (a timer, no thread held). The
 * callee is the REST client's config key ({@code catalog}; {@code orders-events} is orders too),
 * which names it wherever its address points. Runs on every REST client of the service; with no
 * fault asked, one read of a field.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class CallFaults implements ClientRequestFilter {

    private static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    @Inject
    FaultInjection faults;

    @Inject
    Vertx vertx;

    @Override
    public void filter(ClientRequestContext request) {
        Faults now = faults.current();
        if (now == Faults.NONE || !now.onCalls()) {
            return;
        }
        String callee = callee(request);
        if (callee == null) {
            return;
        }
        if (now.isCutOffFrom(callee)) {
            throw new ProcessingException(new ConnectException("connection to " + callee
                    + " refused: a fault injected on purpose (./emporium chaos cut)"));
        }
        Errors error = now.errorTowards(callee);
        if (error != null && error.drops()) {
            throw new ProcessingException(new SocketException("connection to " + callee
                    + " reset: a fault injected on purpose (./emporium chaos errors --to)"));
        }
        if (error != null) {
            request.abortWith(Problem.of(error.status(), "Injected fault", "this answer from " + callee + " is a fault injected on"
                    + " purpose (./emporium chaos errors --to); ./emporium chaos clear removes it").toResponse());
            return;
        }
        long delay = now.delayMillisTowards(callee);
        if (delay > 0 && request instanceof ResteasyReactiveClientRequestContext reactive) {
            reactive.suspend();
            vertx.setTimer(delay, t -> reactive.resume());
        }
    }

    private static String callee(ClientRequestContext request) {
        if (request.getProperty(INVOKED_METHOD) instanceof Method method) {
            RegisterRestClient client = method.getDeclaringClass().getAnnotation(RegisterRestClient.class);
            if (client != null && !client.configKey().isBlank()) {
                String key = client.configKey();
                return key.contains("-") ? key.substring(0, key.indexOf('-')) : key;
            }
        }
        return request.getUri().getHost();
    }
}
