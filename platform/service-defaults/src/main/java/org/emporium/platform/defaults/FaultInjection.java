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
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.FaultFlags;
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

    private volatile FaultFlags flags;

    /**
     * Watches the file from a thread of its own: the first read loads the provider's classes and
     * parses the file, which must not delay the start, and a flag file that cannot be read must not
     * stop the service (it runs on with no faults, and says so).
     */
    void start(@Observes StartupEvent started) {
        file.filter(f -> !f.isBlank()).ifPresent(f -> Thread.ofVirtual().name("emporium-faults").start(() -> {
            try {
                flags = FaultFlags.watch(Path.of(f), service, FaultInjection::log);
            } catch (RuntimeException e) {
                LOG.errorf("faults: cannot watch %s, so none can be injected here: %s", f, e.getMessage());
            }
        }));
    }

    void stop(@Observes ShutdownEvent stopping) {
        FaultFlags watching = flags;
        if (watching != null) {
            watching.close();
        }
    }

    /** What is asked of this service now ({@link Faults#NONE} without a flag file). */
    public Faults current() {
        FaultFlags watching = flags;
        return watching == null ? Faults.NONE : watching.current();
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

    private static void log(Faults faults) {
        if (faults.none()) {
            LOG.info("faults: none (all cleared)");
        } else {
            LOG.warnf("faults injected now: %s", faults);
        }
    }
}
