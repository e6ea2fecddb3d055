package org.emporium.notifications.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CancellationReasonsTest {

    /** The codes of contracts/events/orders.OrderCancelled.json. */
    private static final List<String> CODES = List.of("OUT_OF_STOCK", "PAYMENT_DECLINED", "PAYMENT_FAILED",
            "PAYMENT_TIMEOUT", "RESERVATION_TIMEOUT", "RESERVATION_EXPIRED");

    @Test
    void everyCodeOfTheContractHasASentenceOfItsOwn() {
        Set<String> sentences = new HashSet<>();
        for (String code : CODES) {
            String sentence = CancellationReasons.explain(code, "operator detail");
            assertThat(sentence).as(code).endsWith(".").doesNotContain("operator detail", "_");
            sentences.add(sentence);
        }
        assertThat(sentences).hasSize(CODES.size());
        assertThat(CancellationReasons.explain("OUT_OF_STOCK", null))
                .isEqualTo("Some of the items you ordered are no longer in stock.");
    }

    @Test
    void anUnknownCodeFallsBackToTheDetailThenToAGenericSentence() {
        assertThat(CancellationReasons.explain("FRAUD_SUSPECTED", "  We could not verify your card. "))
                .isEqualTo("We could not verify your card.");
        assertThat(CancellationReasons.explain("FRAUD_SUSPECTED", " ")).isEqualTo(CancellationReasons.GENERIC);
        assertThat(CancellationReasons.explain(null, null)).isEqualTo(CancellationReasons.GENERIC);
    }
}
