package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.Fault;
import org.emporium.platform.faults.FlagFile;
import org.emporium.platform.faults.Latency;
import org.emporium.platform.faults.Share;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ./emporium chaos on identity (ADR 0013): faults written into the flag file reach it within a
 * second, with no restart: an error status as problem+json, latency; management never meets them.
 */
class FaultInjectionIT extends RunningIdentityServer {

    @AfterEach
    void clear() {
        FlagFile.empty().write(faultsFile());
        eventually(() -> browser().get("/login").statusCode() == 200);
    }

    @Test
    void injectedErrorsAreProblemsWhileManagementTellsTheTruth() {
        FlagFile.read(faultsFile()).with("identity", Fault.ERRORS, Fault.value(new Errors(503, new Share(100, "/", 0))))
                .write(faultsFile());
        eventually(() -> browser().get("/login").statusCode() == 503);

        var refused = browser().get("/login");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).contains("Injected fault", "./emporium chaos");
        assertThat(browser().get("/oauth2/jwks").statusCode()).isEqualTo(503);
        assertThat(browser().get("/actuator/health", "Accept", "application/json").statusCode()).as("management never meets a fault")
                .isEqualTo(200);
    }

    @Test
    void latencyDelaysTheRequestsItMeets() {
        FlagFile.read(faultsFile()).with("identity", Fault.LATENCY, Fault.value(new Latency(400, 400, new Share(100, "/login", 0))))
                .write(faultsFile());
        eventually(() -> timed(() -> browser().get("/login")) >= 400);
        browser().get("/oauth2/jwks"); // once before it is timed: the first call may load classes
        assertThat(timed(() -> browser().get("/oauth2/jwks"))).as("a path the fault does not meet").isLessThan(400);
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static void eventually(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
