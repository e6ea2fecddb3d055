package org.emporium.platform.defaults;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.ConnectException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.faults.Faults;

/**
 * Calls to a service this one is cut off from ({@code ./emporium chaos cut storefront
 * recommendations}) fail as a refused connection would, before anything is sent, so the caller's
 * timeouts, breakers and fallbacks meet the real failure. The callee is the REST client's config
 * key ({@code catalog}; {@code orders-events} is orders too), which names it wherever its address
 * points. Runs on every REST client of the service; with no fault asked, one read of a field.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class CutCalls implements ClientRequestFilter {

    private static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    @Inject
    FaultInjection faults;

    @Override
    public void filter(ClientRequestContext request) {
        Faults now = faults.current();
        if (now == Faults.NONE || now.cut().isEmpty()) {
            return;
        }
        String callee = callee(request);
        if (callee != null && now.isCutOffFrom(callee)) {
            throw new ProcessingException(new ConnectException("connection to " + callee
                    + " refused: a fault injected on purpose (./emporium chaos cut)"));
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
