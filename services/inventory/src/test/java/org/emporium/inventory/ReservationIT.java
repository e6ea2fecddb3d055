package org.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.Fixtures.PROBLEM;
import static org.emporium.inventory.Fixtures.available;
import static org.emporium.inventory.Fixtures.reservation;
import static org.emporium.inventory.Fixtures.stockedSku;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "inventory"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class ReservationIT {

    private static final String RESERVATIONS = "/api/inventory/reservations";

    @Inject
    DataSource dataSource;

    @Test
    void fiftyConcurrentReservationsForTheLastTenUnitsReserveExactlyTen() throws Exception {
        String sku = stockedSku(10);
        int clients = 50;
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean storming = new AtomicBoolean(true);
        AtomicInteger lowestSeen = new AtomicInteger(Integer.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        try {
            // a watcher reads availability throughout the storm: it must never be negative
            Future<?> watcher = pool.submit(() -> {
                while (storming.get()) {
                    lowestSeen.accumulateAndGet(available(sku), Math::min);
                }
            });
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    String body = reservation(UUID.randomUUID(), sku, 1);
                    ready.countDown();
                    start.await();
                    return Auth.asService().contentType(ContentType.JSON).body(body).post(RESERVATIONS).statusCode();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get(60, TimeUnit.SECONDS));
            }
            storming.set(false);
            watcher.get(10, TimeUnit.SECONDS);

            Map<Integer, Long> byCode = codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(byCode).containsOnly(Map.entry(201, 10L), Map.entry(422, 40L));
            assertThat(lowestSeen.get()).isGreaterThanOrEqualTo(0);
            Auth.asService().get("/api/inventory/" + sku).then().statusCode(200)
                    .body("available", equalTo(0)).body("reserved", equalTo(10));
            assertThat(row(sku)).containsExactly(10, 10);
            assertThat(count("SELECT count(*) FROM reservation WHERE status = 'RESERVED' AND lines @> ?::jsonb",
                    "[{\"sku\":\"" + sku + "\"}]")).isEqualTo(10);
        } finally {
            storming.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void severalLinesAreReservedAllOrNothingAndTheAnswerNamesTheShortSkus() {
        String plenty = stockedSku(5);
        String scarce = stockedSku(1);
        UUID id = UUID.randomUUID();
        Auth.asService().contentType(ContentType.JSON).body(reservation(id, plenty, 2, scarce, 2, "NOPE-404", 1))
                .post(RESERVATIONS).then().statusCode(422).contentType(PROBLEM)
                .body("reservationId", equalTo(id.toString()))
                .body("shortages", hasSize(2))
                .body("shortages.find { it.sku == '" + scarce + "' }.available", equalTo(1))
                .body("shortages.find { it.sku == '" + scarce + "' }.reason", equalTo("INSUFFICIENT_STOCK"))
                .body("shortages.find { it.sku == 'NOPE-404' }.reason", equalTo("UNKNOWN_SKU"))
                .body("detail", containsString(scarce + " (requested 2, available 1)"));
        assertThat(available(plenty)).as("nothing reserved of the line that fit").isEqualTo(5);
        assertThat(available(scarce)).isEqualTo(1);
        Auth.asService().get(RESERVATIONS + "/" + id).then().statusCode(200).body("status", equalTo("REJECTED"));

        UUID fits = UUID.randomUUID();
        Auth.asService().contentType(ContentType.JSON).body(reservation(fits, scarce, 1, plenty, 5)).post(RESERVATIONS)
                .then().statusCode(201).body("status", equalTo("RESERVED")).body("lines.sku", hasSize(2))
                .body("lines[0].sku", equalTo(List.of(plenty, scarce).stream().sorted().findFirst().orElseThrow()));
        assertThat(available(plenty)).isZero();
        assertThat(available(scarce)).isZero();
    }

    @Test
    void retriesWithTheSameIdAreAnsweredAlikeAndReserveCommitOrReleaseOnce() throws Exception {
        String sku = stockedSku(10);
        UUID id = UUID.randomUUID();
        String body = reservation(id, sku, 3);
        ExtractableResponse<Response> first = Auth.asService().contentType(ContentType.JSON).body(body).post(RESERVATIONS)
                .then().statusCode(201).extract();
        ExtractableResponse<Response> again = Auth.asService().contentType(ContentType.JSON).body(body).post(RESERVATIONS)
                .then().statusCode(201).extract();
        assertThat(again.jsonPath().getString("expiresAt")).isEqualTo(first.jsonPath().getString("expiresAt"));
        assertThat(available(sku)).isEqualTo(7);

        Auth.asService().post(RESERVATIONS + "/" + id + "/commit").then().statusCode(200).body("status", equalTo("COMMITTED"));
        Auth.asService().post(RESERVATIONS + "/" + id + "/commit").then().statusCode(200).body("status", equalTo("COMMITTED"));
        assertThat(row(sku)).as("on hand and reserved, after one commit").containsExactly(7, 0);
        Auth.asService().contentType(ContentType.JSON).body(body).post(RESERVATIONS).then().statusCode(201)
                .body("status", equalTo("COMMITTED"));
        assertThat(row(sku)).containsExactly(7, 0);

        UUID other = UUID.randomUUID();
        Auth.asService().contentType(ContentType.JSON).body(reservation(other, sku, 2)).post(RESERVATIONS).then().statusCode(201);
        Auth.asService().post(RESERVATIONS + "/" + other + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        Auth.asService().post(RESERVATIONS + "/" + other + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        assertThat(row(sku)).containsExactly(7, 0);
        assertThat(available(sku)).isEqualTo(7);
    }

    @Test
    void aRetryThatContradictsTheReservationIsAConflict() {
        String sku = stockedSku(10);
        UUID id = UUID.randomUUID();
        Auth.asService().contentType(ContentType.JSON).body(reservation(id, sku, 1)).post(RESERVATIONS).then().statusCode(201);
        Auth.asService().contentType(ContentType.JSON).body(reservation(id, sku, 2)).post(RESERVATIONS).then()
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("other lines"));
        Auth.asService().post(RESERVATIONS + "/" + id + "/release").then().statusCode(200);
        Auth.asService().post(RESERVATIONS + "/" + id + "/commit").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("RELEASED"));

        UUID committed = UUID.randomUUID();
        Auth.asService().contentType(ContentType.JSON).body(reservation(committed, sku, 1)).post(RESERVATIONS).then().statusCode(201);
        Auth.asService().post(RESERVATIONS + "/" + committed + "/commit").then().statusCode(200);
        Auth.asService().post(RESERVATIONS + "/" + committed + "/release").then().statusCode(409).contentType(PROBLEM);
        assertThat(available(sku)).isEqualTo(9);
    }

    @Test
    void anExpiredReservationIsReleasedAndItsUnitsAreAvailableAgain() throws Exception {
        String sku = stockedSku(4);
        UUID id = UUID.randomUUID();
        Auth.asService().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"ttlSeconds\":1,\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}")
                .post(RESERVATIONS).then().statusCode(201);
        assertThat(available(sku)).isEqualTo(1);

        Fixtures.await("the reservation expires", Duration.ofSeconds(30),
                () -> "EXPIRED".equals(Auth.asService().get(RESERVATIONS + "/" + id).path("status")));
        assertThat(available(sku)).isEqualTo(4);
        assertThat(row(sku)).containsExactly(4, 0);
        Auth.asService().post(RESERVATIONS + "/" + id + "/commit").then().statusCode(409).contentType(PROBLEM);
        Auth.asService().post(RESERVATIONS + "/" + id + "/release").then().statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void badReservationsAreClearFourHundreds() {
        String sku = stockedSku(1);
        String id = UUID.randomUUID().toString();
        Map<String, String> bodies = Map.of(
                "{\"id\":\"" + id + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":0}]}", "lines[0].quantity",
                "{\"id\":\"" + id + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":100}]}", "lines[0].quantity",
                "{\"id\":\"" + id + "\",\"lines\":[{\"sku\":\"" + sku + "\"}]}", "lines[0].quantity",
                "{\"id\":\"" + id + "\",\"lines\":[]}", "lines",
                "{\"id\":\"" + id + "\"}", "lines",
                "{\"id\":\"not-a-uuid\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "id",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "id",
                "{\"id\":\"" + id + "\",\"lines\":[{\"sku\":\"a b\",\"quantity\":1}]}", "lines[0].sku",
                "{\"id\":\"" + id + "\",\"ttlSeconds\":0,\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "ttlSeconds",
                "{\"id\":\"" + id + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1},{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "lines[1].sku");
        bodies.forEach((body, field) -> Auth.asService().contentType(ContentType.JSON).body(body).post(RESERVATIONS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field)));
        for (String body : List.of("not json", "[]", "{\"id\":\"" + id + "\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":\"two\"}]}", "{\"id\":\"" + id + "\",\"lines\":[null]}")) {
            Auth.asService().contentType(ContentType.JSON).body(body).post(RESERVATIONS).then().statusCode(400).contentType(PROBLEM);
        }
        Auth.asService().contentType(ContentType.TEXT).body("x").post(RESERVATIONS).then().statusCode(415).contentType(PROBLEM);
        Auth.asService().get(RESERVATIONS + "/nope").then().statusCode(400).contentType(PROBLEM);
        Auth.asService().get(RESERVATIONS + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        Auth.asService().post(RESERVATIONS + "/" + UUID.randomUUID() + "/commit").then().statusCode(404).contentType(PROBLEM);
        Auth.asService().post(RESERVATIONS + "/" + UUID.randomUUID() + "/release").then().statusCode(404).contentType(PROBLEM);
        assertThat(available(sku)).as("no bad request reserved anything").isEqualTo(1);
    }

    private List<Integer> row(String sku) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT on_hand, reserved FROM stock WHERE sku = ?")) {
            s.setString(1, sku);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return List.of(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
