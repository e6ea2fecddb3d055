package org.emporium.identity.faults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.FaultWatch;
import org.emporium.platform.faults.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Faults injected into identity's requests while it runs ({@code ./emporium chaos latency identity
 * 500ms}, {@code chaos errors identity 20%}; ADR 0013), from the same flag file and through the same
 * library as every other service: extra latency (the request's virtual thread waits), or an error
 * status as problem+json. A servlet container cannot drop a connection unanswered, so {@code --drop}
 * is refused for identity by the command. Management paths never meet a fault. With no fault asked,
 * a request reads one field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FaultInjection extends OncePerRequestFilter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("emporium.faults");

    private final FaultWatch watch;

    public FaultInjection(@Value("${EMPORIUM_FAULTS_FILE:}") String file) {
        this.watch = FaultWatch.start(file, "identity", LOG::info, LOG::warn);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Faults faults = watch.current();
        String path = request.getRequestURI();
        if (faults == Faults.NONE || path.startsWith("/actuator") || path.startsWith("/q/")) {
            chain.doFilter(request, response);
            return;
        }
        Errors error = faults.error(path);
        if (error != null) {
            response.setStatus(error.status());
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Injected fault\",\"status\":" + error.status()
                    + ",\"detail\":\"this answer is a fault injected on purpose (./emporium chaos); ./emporium chaos clear removes it\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        long delay = faults.delayMillis(path);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        watch.close();
    }
}
