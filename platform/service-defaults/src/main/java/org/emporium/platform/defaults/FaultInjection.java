package org.emporium.platform.defaults;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.FaultWatch;
import org.emporium.platform.faults.Faults;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Faults injected into this service's incoming requests while it runs (ADR 0013): extra latency
 * and errors on a share of requests, as {@code ./emporium chaos} writes them into the flag file
 * named by {@code EMPORIUM_FAULTS_FILE} (unset: no watch at all). Management paths ({@code /q/*})
 * are not resources and never meet a fault, so probes and scrapes tell the truth. With no fault
 * asked, a request costs one read of a field.
 */
@ApplicationScoped
public class FaultInjection {

    private static final Logger LOG = Logger.getLogger("emporium.faults");

    @ConfigProperty(name = "emporium.faults.file")
    Optional<String> file;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    Vertx vertx;

    private volatile FaultWatch watch = FaultWatch.none();

    void start(@Observes StartupEvent started) {
        watch = FaultWatch.start(file.orElse(""), service, LOG::info, LOG::warn);
    }

    void stop(@Observes ShutdownEvent stopping) {
        watch.close();
    }

    /** What is asked of this service now ({@link Faults#NONE} without a flag file). */
    public Faults current() {
        return watch.current();
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void inject(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        Faults faults = current();
        if (faults == Faults.NONE) {
            return;
        }
        String path = request.getUriInfo().getPath();
        Errors error = faults.error(path);
        if (error != null && error.drops()) {
            http.connection().close();
            request.abortWith(Response.status(503).build()); // nobody reads it: the connection is gone
            return;
        }
        if (error != null) {
            request.abortWith(Problem.of(error.status(), "Injected fault", "this answer is a fault injected on purpose"
                    + " (./emporium chaos); ./emporium chaos clear removes it").toResponse());
            return;
        }
        long delay = faults.delayMillis(path);
        if (delay > 0) {
            request.suspend();
            vertx.setTimer(delay, t -> request.resume());
        }
    }
}
