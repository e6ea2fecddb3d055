package org.emporium.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.payments.Fixtures.authorize;
import static org.emporium.payments.Fixtures.awaitStatus;
import static org.emporium.payments.Fixtures.send;
import static org.emporium.payments.Fixtures.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The card number goes to the provider's tokenization and nowhere else: after every test card has
 * been tokenized (also with bad expiries and CVCs) and authorized, no column of any table, no
 * event on the topic and no log line holds a full test card number, however it is written. Runs
 * after the other ITs (Quarkus orders test classes by name within one set of resources), and
 * drives every card itself so it does not depend on that.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class StoredDataAndLogsHoldNoCardNumberIT {

    private static final Path LOG = Path.of("target/payments-test.log");

    @Inject
    DataSource dataSource;

    @Test
    void noTableNoEventAndNoLogLineHoldsACardNumber() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (String number : Fixtures.TEST_CARDS) {
            for (String bad : new String[] {"\"expiry\":\"13/30\",\"cvc\":\"123\"", "\"expiry\":\"12/30\",\"cvc\":\"1\""}) {
                given().contentType(ContentType.JSON).body("{\"cardNumber\":\"" + number + "\"," + bad + "}")
                        .post("/api/payments/cards").then().statusCode(400);
            }
            UUID id = UUID.randomUUID();
            ids.add(id);
            send(authorize(id, tokenize(number), "9.99"));
        }
        for (UUID id : ids) {
            Fixtures.await("payment " + id + " has an outcome", () -> {
                var p = Fixtures.payment(id);
                return p != null && !"AUTHORIZING".equals(p.getString("status"));
            });
        }
        awaitStatus(ids.get(0), "AUTHORIZED");

        List<String> forbidden = new ArrayList<>();
        for (String number : Fixtures.TEST_CARDS) {
            String digits = number.replaceAll("[^0-9]", "");
            forbidden.add(digits);
            forbidden.add(digits.replaceAll("(.{4})(?!$)", "$1 "));
            forbidden.add(digits.replaceAll("(.{4})(?!$)", "$1-"));
        }

        StringBuilder stored = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("payment", "payment_ledger", "outbox_event");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        stored.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        assertThat(stored).as("the tables' rows").contains(ids.get(0).toString());

        StringBuilder events = new StringBuilder();
        for (Map.Entry<String, List<JsonNode>> e : Fixtures.eventsByKey(dataSource).entrySet()) {
            e.getValue().forEach(v -> events.append(v).append('\n'));
        }
        assertThat(events).as("the events").contains(ids.get(0).toString());

        assertThat(LOG).exists();
        String logged = Files.readString(LOG);
        assertThat(logged).as("the log").contains("payment " + ids.get(0));

        for (String number : forbidden) {
            assertThat(stored.toString()).as("the tables' rows").doesNotContain(number);
            assertThat(events.toString()).as("the events").doesNotContain(number);
            assertThat(logged).as("the log").doesNotContain(number);
        }
    }
}
