package org.emporium.search.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.search.StockEvents;
import org.emporium.search.index.StockLevel;
import org.junit.jupiter.api.Test;

class StockEventTest {

    private static StockEvent parse(byte[] value) throws MalformedEvent {
        return StockEvent.of(Envelope.read(value));
    }

    @Test
    void readsAStockLevelChangedInTheContractFormat() throws Exception {
        assertThat(parse(StockEvents.levelChanged("AUD-000026", 7, 3)))
                .isEqualTo(new StockEvent.LevelChanged(new StockLevel("AUD-000026", 7, 3)));
        StockEvent.LevelChanged soldOut = (StockEvent.LevelChanged) parse(StockEvents.levelChanged("BOK-1", 0, 9));
        assertThat(soldOut.level().inStock()).isFalse();
    }

    @Test
    void passesOverTheReservationEventsThatShareTheTopic() throws Exception {
        assertThat(parse(StockEvents.reserved("r-1", "AUD-000026")))
                .isEqualTo(new StockEvent.Other("emporium.inventory.StockReserved"));
    }

    @Test
    void toleratesFieldsItDoesNotRead() throws Exception {
        String extra = "{\"specversion\":\"1.0\",\"type\":\"emporium.inventory.StockLevelChanged\",\"future\":1,"
                + "\"data\":{\"sku\":\"S-1\",\"available\":4,\"version\":2}}";
        assertThat(parse(extra.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new StockEvent.LevelChanged(new StockLevel("S-1", 4, 2)));
    }

    @Test
    void refusesMalformedRecords() {
        String type = "{\"specversion\":\"1.0\",\"type\":\"emporium.inventory.StockLevelChanged\",\"data\":";
        for (String bad : new String[] {"", "not json", "[]", "{\"specversion\":\"0.3\"}",
                type + "{\"available\":1,\"version\":1}}",                         // no sku
                type + "{\"sku\":\"S-1\",\"version\":1}}",                         // no available
                type + "{\"sku\":\"S-1\",\"available\":-1,\"version\":1}}",        // negative
                type + "{\"sku\":\"S-1\",\"available\":1.5,\"version\":1}}",       // not whole
                type + "{\"sku\":\"S-1\",\"available\":\"3\",\"version\":1}}",     // text
                type + "{\"sku\":\"S-1\",\"available\":1}}",                       // no version
                type + "{\"sku\":\"S-1\",\"available\":1,\"version\":0}}",
                type + "{\"sku\":\"S-1\",\"available\":1,\"version\":99999999999999999999}}"}) {
            assertThatThrownBy(() -> parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(MalformedEvent.class);
        }
        assertThatThrownBy(() -> parse(null)).isInstanceOf(MalformedEvent.class);
    }
}
