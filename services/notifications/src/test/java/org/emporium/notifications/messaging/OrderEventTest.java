package org.emporium.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.emporium.notifications.message.Money;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.junit.jupiter.api.Test;

class OrderEventTest {

    private static final String LINES = """
            [{"sku":"MUG-1","name":"Blue mug","quantity":2,"unitPrice":{"amount":"12.50","currency":"EUR"},
              "lineTotal":{"amount":"25.00","currency":"EUR"}}]""";

    static String event(UUID id, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/emporium/orders","type":"emporium.orders.%s",
                 "subject":"%s","time":"2026-01-01T10:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(id, type, UUID.randomUUID(), data);
    }

    private static OrderEvent parse(String text) throws MalformedEvent {
        return OrderEvent.of(Envelope.read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAConfirmation() throws Exception {
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        OrderEvent event = parse(event(id, "OrderConfirmed", """
                {"orderId":"%s","email":"ada@example.com","lines":%s,"total":{"amount":"25.00","currency":"EUR"},
                 "shippingAddress":{"name":"Ada","line1":"1 Row","line2":null,"city":"London","postalCode":"N1",
                 "country":"GB"},"last4":"4242","confirmedAt":"2026-01-01T10:00:00Z"}""".formatted(order, LINES)));

        assertThat(event).isInstanceOfSatisfying(OrderEvent.Confirmed.class, c -> {
            assertThat(c.eventId()).isEqualTo(id);
            assertThat(c.order().orderId()).isEqualTo(order);
            assertThat(c.order().lines()).singleElement().satisfies(l -> {
                assertThat(l.name()).isEqualTo("Blue mug");
                assertThat(l.quantity()).isEqualTo(2);
                assertThat(l.lineTotal()).isEqualTo(new Money("25.00", "EUR"));
            });
            assertThat(c.order().shippingAddress().line2()).isNull();
            assertThat(c.order().last4()).isEqualTo("4242");
        });
    }

    @Test
    void readsACancellationAndIgnoresAPlacedOrder() throws Exception {
        OrderEvent cancelled = parse(event(UUID.randomUUID(), "OrderCancelled", """
                {"orderId":"%s","email":"ada@example.com","lines":%s,"total":{"amount":"25.00","currency":"EUR"},
                 "reason":"OUT_OF_STOCK","detail":"MUG-1 short","cancelledAt":"2026-01-01T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), LINES)));
        assertThat(cancelled).isInstanceOfSatisfying(OrderEvent.Cancelled.class,
                c -> assertThat(c.order().reason()).isEqualTo("OUT_OF_STOCK"));

        assertThat(parse(event(UUID.randomUUID(), "OrderPlaced", "{\"anything\":true}")))
                .isInstanceOf(OrderEvent.Ignored.class);
    }

    @Test
    void refusesWhatItCannotMail() {
        String confirmed = """
                {"orderId":"%s","email":"%s","lines":%s,"total":{"amount":"25.00","currency":"EUR"},
                 "shippingAddress":{"name":"Ada","line1":"1 Row","city":"London","postalCode":"N1","country":"GB"},
                 "last4":"4242","confirmedAt":"2026-01-01T10:00:00Z"}""";
        UUID order = UUID.randomUUID();
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> parse(event(UUID.randomUUID(), "OrderShipped", "{}")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> parse(event(UUID.randomUUID(), "OrderConfirmed",
                confirmed.formatted(order, "Ada <ada@example.com>", LINES))))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("email");
        assertThatThrownBy(() -> parse(event(UUID.randomUUID(), "OrderConfirmed",
                confirmed.formatted(order, "ada@example.com", "[]"))))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("lines");
        assertThatThrownBy(() -> parse(event(UUID.randomUUID(), "OrderConfirmed",
                confirmed.formatted(order, "ada@example.com", LINES.replace("12.50", "12.5")))))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> parse(event(UUID.randomUUID(), "OrderConfirmed",
                confirmed.formatted("nope", "ada@example.com", LINES))))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("orderId");
    }
}
