package org.emporium.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.cart.Fixtures.PROBLEM;
import static org.emporium.cart.Fixtures.add;
import static org.emporium.cart.Fixtures.newCart;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.emporium.platform.defaults.FaultInjection;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.Fault;
import org.emporium.platform.faults.FlagFile;
import org.emporium.platform.faults.Latency;
import org.emporium.platform.faults.Share;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults written into the flag file reach the running service within a second, with no restart
 * (ADR 0013): errors and latency on its own requests, and on its calls to catalog: refused, answered
 * with an error, or delayed.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cart"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandInsResource.class)
@QuarkusTestResource(FaultInjectionIT.FlagFileResource.class)
class FaultInjectionIT {

    @Inject
    FaultInjection faults;

    /** A flag file of the test's own, empty at the start. */
    public static class FlagFileResource implements QuarkusTestResourceLifecycleManager {
        static volatile Path file;

        @Override
        public Map<String, String> start() {
            try {
                file = Files.createTempDirectory("cart-faults").resolve("flags.json");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            FlagFile.empty().write(file);
            return Map.of("EMPORIUM_FAULTS_FILE", file.toString());
        }

        @Override
        public void stop() {
        }
    }

    @AfterEach
    void clear() {
        FlagFile.empty().write(FlagFileResource.file);
        eventually(() -> given().post("/api/carts").statusCode() == 201);
    }

    @Test
    void injectedErrorsAnswerAShareOfRequestsWithAProblemWhileProbesStillTellTheTruth() {
        inject("cart", Fault.ERRORS, Fault.value(new Errors(503, new Share(100, "/api/carts", 0))));
        eventually(() -> given().post("/api/carts").statusCode() == 503);
        given().post("/api/carts").then().statusCode(503).contentType(PROBLEM)
                .body("title", equalTo("Injected fault")).body("detail", containsString("./emporium chaos"));
        given().get("/q/health/ready").then().statusCode(200);

        inject("cart", Fault.ERRORS, Fault.value(new Errors(503, new Share(0, "/api/carts", 0))));
        eventually(() -> given().post("/api/carts").statusCode() == 201);
    }

    @Test
    void aDroppedConnectionGetsNoAnswerAtAll() {
        inject("cart", Fault.ERRORS, Fault.value(new Errors(Errors.DROP, new Share(100, "/api/carts", 0))));
        eventually(() -> {
            try {
                given().post("/api/carts");
                return false;
            } catch (Exception e) { // RestAssured throws the client's IOException unchecked
                return true;
            }
        });
        assertThatThrownBy(() -> given().post("/api/carts")).isInstanceOf(Exception.class);
    }

    @Test
    void injectedLatencyDelaysRequestsAndEndsWhenItsTimeIsUp() {
        long until = System.currentTimeMillis() + 20_000;
        inject("cart", Fault.LATENCY, Fault.value(new Latency(400, 400, new Share(100, "/api/carts", until))));
        eventually(() -> timed(() -> given().post("/api/carts").then().statusCode(201)) >= 400);
        assertThat(timed(() -> given().get("/q/health/ready").then().statusCode(200))).as("probes are not delayed").isLessThan(400);
    }

    @Test
    void aCallToACutOffServiceFailsAsARefusedConnection() {
        String cart = newCart();
        add(cart, "AUD-000001", 1).statusCode(200);
        inject("cart", Fault.CUT, Map.of("catalog", ""));
        eventually(() -> add(cart, "AUD-000001", 1).extract().statusCode() == 503);
        add(cart, "AUD-000001", 1).statusCode(503).contentType(PROBLEM);
        given().get("/api/carts/" + cart).then().statusCode(200).body("partial", equalTo(true));
    }

    @Test
    void errorsOnCallsToOneDownstreamReachTheCallerAsThatServicesErrorAnswers() {
        String cart = newCart();
        add(cart, "AUD-000001", 1).statusCode(200);
        inject("cart", Fault.ERRORS, Fault.value(new Errors(503, new Share(100, "/", 0, "catalog"))));
        eventually(() -> add(cart, "AUD-000001", 1).extract().statusCode() == 503);
        add(cart, "AUD-000001", 1).statusCode(503).contentType(PROBLEM);
        // the fault is on cart's calls, not on the requests cart receives
        given().post("/api/carts").then().statusCode(201);
    }

    @Test
    void latencyOnCallsToOneDownstreamDelaysThemAndNotTheRest() {
        String cart = newCart();
        inject("cart", Fault.LATENCY, Fault.value(new Latency(600, 600, new Share(100, "/", 0, "catalog"))));
        eventually(() -> timed(() -> add(cart, "AUD-000001", 1).statusCode(200)) >= 600);
        assertThat(timed(() -> given().post("/api/carts").then().statusCode(201))).as("cart's own requests").isLessThan(600);
    }

    @Test
    void anotherServicesFaultsDoNotReachThisOne() {
        inject("catalog", Fault.ERRORS, Fault.value(new Errors(503, new Share(100, "/", 0))));
        inject("payments", Fault.CUT, Map.of("catalog", ""));
        // a fault of cart's own on a path no request takes, to know when the file with the others was read
        inject("cart", Fault.LATENCY, Fault.value(new Latency(5_000, 5_000, new Share(100, "/nowhere", 0))));
        eventually(() -> faults.current().latency() != null);
        assertThat(faults.current().errors()).isNull();
        assertThat(faults.current().cut()).isEmpty();
        given().post("/api/carts").then().statusCode(201);
        add(newCart(), "AUD-000001", 1).statusCode(200);
    }

    private static void inject(String service, Fault kind, Map<String, Object> value) {
        FlagFile.read(FlagFileResource.file).with(service, kind, value).write(FlagFileResource.file);
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (Exception | AssertionError e) {
            return false; // an error answer too: a breaker another test opened may still be waiting out its delay
        }
    }

    private static long timed(Runnable call) {
        long begin = System.nanoTime();
        call.run();
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /** Until the condition holds (a failed request counts as not yet: a fault may still be on its way out). */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!holds(condition)) {
            assertThat(System.nanoTime()).as("within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
