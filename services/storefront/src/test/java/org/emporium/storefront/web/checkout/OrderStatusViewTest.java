package org.emporium.storefront.web.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.orders.Order;
import org.junit.jupiter.api.Test;

class OrderStatusViewTest {

    private static Order order(String status, String reason, String detail) {
        return new Order("id", status, reason, detail, "ada@example.com",
                List.of(new Order.Line("AUD-000001", null, "Headphones", 2, new Money("12.50", "USD"), new Money("25.00", "USD"))),
                new Money("25.00", "USD"),
                new Order.Address("Ada", "Main St 1", null, "Springfield", "IL", "62701", "US"),
                new Order.Card("Visa", "4242"), null, null, null);
    }

    @Test
    void aConfirmedOrderIsFormatted() {
        OrderStatusView view = OrderStatusView.of("id", order("CONFIRMED", null, null));

        assertThat(view.confirmed()).isTrue();
        assertThat(view.pending()).isFalse();
        assertThat(view.total()).isEqualTo("$25.00");
        assertThat(view.lines()).singleElement().satisfies(l -> {
            assertThat(l.unitPrice()).isEqualTo("$12.50");
            assertThat(l.quantity()).isEqualTo(2);
        });
        assertThat(view.address()).containsExactly("Ada", "Main St 1", "62701 Springfield, IL", "United States");
        assertThat(view.card()).isEqualTo("Visa ending in 4242");
        assertThat(view.polling(true).polling()).isFalse(); // a finished order never polls
    }

    @Test
    void aCancelledOrderSaysWhyInWords() {
        assertThat(OrderStatusView.of("id", order("CANCELLED", "PAYMENT_DECLINED", "the card was declined")).reasonText())
                .isEqualTo("The card was declined.");
        assertThat(OrderStatusView.reasonText("OUT_OF_STOCK", " ")).contains("ran out of stock");
        assertThat(OrderStatusView.reasonText("SOMETHING_NEW", null)).isEqualTo("We couldn\u2019t complete the order.");
    }

    @Test
    void aPendingOrderMayPoll() {
        OrderStatusView view = OrderStatusView.of("id", order("PENDING", null, null));
        assertThat(view.pending()).isTrue();
        assertThat(view.polling(true).polling()).isTrue();
        assertThat(OrderStatusView.placing("id").pending()).isTrue();
    }
}
