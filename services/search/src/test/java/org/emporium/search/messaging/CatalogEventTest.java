package org.emporium.search.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.search.CatalogEvents;
import org.emporium.search.SeedCatalog;
import org.emporium.search.index.Product;
import org.junit.jupiter.api.Test;

class CatalogEventTest {

    private static CatalogEvent parse(byte[] value) throws MalformedEvent {
        return CatalogEvent.of(Envelope.read(value));
    }

    @Test
    void readsAnUpsertInTheContractFormat() throws Exception {
        Product product = SeedCatalog.products().get(0);
        CatalogEvent event = parse(CatalogEvents.upserted(product));
        assertThat(event).isEqualTo(new CatalogEvent.Upserted(product));
    }

    @Test
    void readsADelete() throws Exception {
        assertThat(parse(CatalogEvents.deleted("p-1", "SKU-1", 7))).isEqualTo(new CatalogEvent.Deleted("p-1", 7));
    }

    @Test
    void passesOverUnknownTypes() throws Exception {
        var data = new ObjectMapper().createObjectNode().put("id", "x");
        assertThat(parse(CatalogEvents.envelope("emporium.catalog.ProductRenamed", "x", data)))
                .isEqualTo(new CatalogEvent.Unknown("emporium.catalog.ProductRenamed"));
    }

    @Test
    void refusesMalformedRecords() {
        for (String bad : new String[] {"", "not json", "[]", "{\"specversion\":\"0.3\"}",
                "{\"specversion\":\"1.0\",\"type\":\"emporium.catalog.ProductDeleted\",\"data\":{\"id\":\"a\"}}",
                "{\"specversion\":\"1.0\",\"type\":\"emporium.catalog.ProductDeleted\",\"data\":{\"id\":\"a\",\"version\":0}}",
                "{\"specversion\":\"1.0\",\"type\":\"emporium.catalog.ProductUpserted\",\"data\":{\"id\":\"a\",\"version\":1}}",
                "{\"specversion\":\"1.0\",\"type\":\"emporium.catalog.ProductUpserted\",\"data\":{\"id\":\"a\",\"sku\":\"s\","
                        + "\"name\":\"n\",\"brand\":\"b\",\"category\":\"c\",\"price\":{\"amount\":\"x\",\"currency\":\"USD\"},\"version\":1}}"}) {
            assertThatThrownBy(() -> parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(MalformedEvent.class);
        }
        assertThatThrownBy(() -> parse(null)).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void toleratesMissingOptionalFields() throws Exception {
        String minimal = "{\"specversion\":\"1.0\",\"type\":\"emporium.catalog.ProductUpserted\",\"data\":{\"id\":\"a\",\"sku\":\"s\","
                + "\"name\":\"n\",\"brand\":\"b\",\"category\":\"c\",\"price\":{\"amount\":\"1.50\",\"currency\":\"USD\"},\"version\":3,"
                + "\"extra\":true}}";
        CatalogEvent.Upserted event = (CatalogEvent.Upserted) parse(minimal.getBytes(StandardCharsets.UTF_8));
        assertThat(event.product().price()).isEqualByComparingTo(new BigDecimal("1.50"));
        assertThat(event.product().description()).isEmpty();
        assertThat(event.product().imageUrl()).isNull();
    }
}
