package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises a chaos run checks, on orders as the orders service answers them: each names what breaks it. */
class InvariantsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private static JsonNode order(UUID id, String status, String reason, String sku, int quantity, String total) throws Exception {
        return JSON.readTree("""
                {"id":"%s","status":"%s","reason":%s,"email":"%s@example.com","total":{"amount":"%s","currency":"USD"},
                 "lines":[{"sku":"%s","quantity":%d}]}""".formatted(id, status, reason == null ? "null" : "\"" + reason + "\"",
                id, total, sku, quantity));
    }

    private static Invariants.Ended ended() throws Exception {
        return new Invariants.Ended(List.of(order(A, "CONFIRMED", null, "SKU-1", 2, "20.00"),
                order(B, "CANCELLED", "RESERVATION_TIMEOUT", "SKU-1", 1, "10.00"),
                order(C, "CANCELLED", "PAYMENT_DECLINED", "SKU-2", 1, "15.00")));
    }

    @Test
    void stockIsInitialMinusConfirmedUnitsAndAMismatchNamesTheSku() throws Exception {
        assertThat(Invariants.stock(Map.of("SKU-1", 100, "SKU-2", 50), ended(), Map.of("SKU-1", 98, "SKU-2", 50)).holds()).isTrue();

        Invariants.Check lost = Invariants.stock(Map.of("SKU-1", 100, "SKU-2", 50), ended(), Map.of("SKU-1", 97, "SKU-2", 50));
        assertThat(lost.holds()).isFalse();
        assertThat(lost.offenders()).containsExactly("SKU-1 on hand 97, expected 98");
    }

    @Test
    void capturesMatchConfirmedTotalsOnceEachAndOffendersAreOrderIds() throws Exception {
        Map<UUID, List<BigDecimal>> right = Map.of(A, List.of(new BigDecimal("20.00")), B, List.of(), C, List.of());
        assertThat(Invariants.captured(ended(), right).holds()).isTrue();
        assertThat(Invariants.capturedOnce(right).holds()).isTrue();

        Map<UUID, List<BigDecimal>> wrong = Map.of(A, List.of(new BigDecimal("20.00"), new BigDecimal("20.00")),
                B, List.of(new BigDecimal("10.00")), C, List.of());
        Invariants.Check captured = Invariants.captured(ended(), wrong);
        assertThat(captured.holds()).isFalse();
        assertThat(captured.offenders()).containsExactly(A + " (CONFIRMED) captured 40.00, expected 20.00",
                B + " (CANCELLED) captured 10.00, expected 0");
        assertThat(Invariants.capturedOnce(wrong).offenders()).containsExactly(A + " captured 2 times");
    }

    @Test
    void oneMailPerEndedOrderOfTheRightKind() throws Exception {
        Map<String, List<String>> right = Map.of(A + "@example.com", List.of("Your Emporium order is confirmed"),
                B + "@example.com", List.of("Your Emporium order was cancelled"),
                C + "@example.com", List.of("Your Emporium order was cancelled"));
        assertThat(Invariants.oneEmailEach(ended(), right).holds()).isTrue();

        Map<String, List<String>> wrong = Map.of(A + "@example.com", List.of("Your Emporium order is confirmed", "Your Emporium order is confirmed"),
                B + "@example.com", List.of("Your Emporium order is confirmed"));
        assertThat(Invariants.oneEmailEach(ended(), wrong).offenders()).containsExactly(
                A + " (CONFIRMED): 2 mails, 2 confirmed", B + " (CANCELLED): 1 mails, 0 cancelled", C + " (CANCELLED): 0 mails, 0 cancelled");
    }

    @Test
    void goodOrdersCancelledByAFaultCountAgainstTheBoundRefusalsDoNot() throws Exception {
        // A and B paid with an approved card; C's card was declined: a refusal, not a fault
        Invariants.Check check = Invariants.fewGoodOrdersCancelled(ended(), Set.of(A, B), 1);
        assertThat(check.holds()).isFalse();
        assertThat(check.summary()).isEqualTo("1 of 2 (50 %)");
        assertThat(check.offenders()).containsExactly(B + " RESERVATION_TIMEOUT");

        assertThat(Invariants.fewGoodOrdersCancelled(ended(), Set.of(A, C), 1).holds()).isTrue();
    }

    @Test
    void searchShowsTheCatalogsPriceOrNamesTheProduct() {
        assertThat(Invariants.searchable(Map.of("SKU-9", "12.50"), Map.of("SKU-9", Optional.of("12.5"))).holds()).isTrue();
        Invariants.Check stale = Invariants.searchable(Map.of("SKU-9", "12.50", "SKU-8", "3.00"),
                Map.of("SKU-9", Optional.of("11.00")));
        assertThat(stale.offenders()).containsExactly("SKU-8: catalog 3.00, search does not find it", "SKU-9: catalog 12.50, search 11.00");
    }

    @Test
    void pendingOrdersAreNamed() {
        Invariants.Check check = Invariants.settled(3, List.of(B), "within 30 s");
        assertThat(check.holds()).isFalse();
        assertThat(check.summary()).isEqualTo("2 of 3 ended");
        assertThat(check.offenders()).containsExactly(B.toString());
    }
}
