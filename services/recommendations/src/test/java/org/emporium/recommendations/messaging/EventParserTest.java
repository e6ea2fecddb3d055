package org.emporium.recommendations.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.recommendations.ContractEvents;
import org.emporium.recommendations.domain.Event;
import org.junit.jupiter.api.Test;

/** Events as the contracts describe them (ContractEvents checks each against its schema). */
class EventParserTest {

    private static final String P1 = ContractEvents.productId("SKU-1");
    private static final String CART = "6f1c1a52-3a8e-4d0e-9a57-0c8b1f3f9d11";
    private static final String ORDER = "0b9d5a8e-8d3b-4f47-a6f4-8a8f3f1f2b22";

    @Test
    void readsEveryTypeTheModelUses() throws MalformedEvent {
        assertThat(parse(ContractEvents.productUpserted(P1, "SKU-1", "books", "Paper", 3)))
                .isInstanceOfSatisfying(Event.ProductUpserted.class, e -> {
                    assertThat(e.productId()).isEqualTo(P1);
                    assertThat(e.version()).isEqualTo(3);
                    assertThat(e.product().category()).isEqualTo("books");
                    assertThat(e.product().amount()).isEqualTo("12.00");
                    assertThat(e.product().imageUrl()).isEqualTo("/images/SKU-1.jpg");
                    assertThat(e.product().attributes()).containsExactlyEntriesOf(java.util.Map.of("colour", "blue"));
                    assertThat(e.id()).hasSize(36);
                    assertThat(e.time()).isPositive();
                });
        assertThat(parse(ContractEvents.productDeleted(P1, "SKU-1", 4)))
                .isInstanceOfSatisfying(Event.ProductDeleted.class, e -> assertThat(e.version()).isEqualTo(4));
        assertThat(parse(ContractEvents.stockLevelChanged("SKU-1", 0, 2)))
                .isInstanceOfSatisfying(Event.StockChanged.class, e -> assertThat(e.available()).isZero());
        assertThat(parse(ContractEvents.itemAdded(CART, "SKU-1", 1)))
                .isInstanceOfSatisfying(Event.ItemAdded.class, e -> assertThat(e.cartId()).isEqualTo(CART));
        assertThat(parse(ContractEvents.itemRemoved(CART, "SKU-1", 2))).isInstanceOf(Event.ItemRemoved.class);
        assertThat(parse(ContractEvents.orderPlaced(ORDER, CART, "SKU-1")))
                .isInstanceOfSatisfying(Event.OrderPlaced.class, e -> assertThat(e.cartId()).isEqualTo(CART));
        assertThat(parse(ContractEvents.orderConfirmed(ORDER, "SKU-1", "SKU-2")))
                .isInstanceOfSatisfying(Event.OrderConfirmed.class, e -> assertThat(e.skus()).isEqualTo(List.of("SKU-1", "SKU-2")));
        assertThat(parse(ContractEvents.productViewed("shopper-01", null, "SKU-1")))
                .isInstanceOfSatisfying(Event.ProductViewed.class, e -> assertThat(e.cartId()).isNull());
        assertThat(parse(ContractEvents.productViewed("shopper-01", CART, "SKU-1")))
                .isInstanceOfSatisfying(Event.ProductViewed.class, e -> assertThat(e.cartId()).isEqualTo(CART));
    }

    @Test
    void returnsNoEventForTypesItDoesNotUse() throws MalformedEvent {
        EventParser.Parsed parsed = EventParser.parse(Envelope.read(ContractEvents.unknownType("orders")));
        assertThat(parsed.event()).isNull();
        assertThat(parsed.type()).isEqualTo("emporium.orders.SomethingNew");
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        for (String junk : List.of("{not json", "[1]", "{\"specversion\": \"0.3\"}",
                "{\"specversion\": \"1.0\", \"type\": \"emporium.storefront.ProductViewed\", \"data\": {}}",
                "{\"specversion\": \"1.0\", \"type\": \"emporium.orders.OrderConfirmed\", \"data\": {\"orderId\": \"o\","
                        + " \"confirmedAt\": \"2026-01-01T00:00:00Z\", \"lines\": []}}")) {
            assertThatThrownBy(() -> EventParser.parse(Envelope.read(junk.getBytes(StandardCharsets.UTF_8))))
                    .as(junk).isInstanceOf(MalformedEvent.class);
        }
        assertThatThrownBy(() -> EventParser.parse(Envelope.read(null))).isInstanceOf(MalformedEvent.class);
    }

    private static Event parse(byte[] value) throws MalformedEvent {
        return EventParser.parse(Envelope.read(value)).event();
    }
}
