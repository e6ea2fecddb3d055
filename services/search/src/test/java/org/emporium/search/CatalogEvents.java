package org.emporium.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.emporium.search.index.Product;

/** Catalog events in the contract's format (contracts/events/catalog.Product*.json), as catalog publishes them. */
public final class CatalogEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogEvents() {
    }

    public static byte[] upserted(Product p) {
        ObjectNode data = JSON.createObjectNode()
                .put("id", p.id()).put("sku", p.sku()).put("name", p.name()).put("description", p.description())
                .put("brand", p.brand()).put("category", p.category());
        data.putObject("price").put("amount", p.price().setScale(2).toPlainString()).put("currency", p.currency());
        data.put("imageUrl", p.imageUrl());
        ObjectNode attributes = data.putObject("attributes");
        p.attributes().forEach(attributes::put);
        data.put("createdAt", p.createdAt().toString()).put("updatedAt", p.createdAt().toString()).put("version", p.version());
        return envelope("emporium.catalog.ProductUpserted", p.id(), data);
    }

    public static byte[] deleted(String id, String sku, long version) {
        ObjectNode data = JSON.createObjectNode().put("id", id).put("sku", sku).put("version", version);
        return envelope("emporium.catalog.ProductDeleted", id, data);
    }

    public static byte[] envelope(String type, String subject, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/emporium/catalog")
                .put("type", type).put("subject", subject).put("time", "2025-06-01T12:00:00Z")
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Product withVersion(Product p, long version, String name, String price) {
        return new Product(p.id(), p.sku(), name, p.description(), p.brand(), p.category(),
                new java.math.BigDecimal(price), p.currency(), p.imageUrl(), p.attributes(), p.createdAt(), version);
    }
}
