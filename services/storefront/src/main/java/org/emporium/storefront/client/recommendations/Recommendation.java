package org.emporium.storefront.client.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.Sku;

/**
 * One recommended product as the recommendations service sends it. {@code available} is null when
 * the service didn't say; {@code reason} is one of {@code bought-together},
 * {@code similar-to-viewed}, {@code similar-product}, {@code popular-in-category} (or something newer, shown without a label).
 */
public record Recommendation(String sku, String name, String brand, String category, Money price, String imageUrl,
                             Integer available, double score, String reason) {

    /**
     * The items of an answer, in its order. An item without a valid SKU, a name or a price is
     * skipped: recommendations are an extra, so a half-broken answer still shows what it can.
     */
    public static List<Recommendation> from(JsonNode answer) {
        JsonNode items = answer == null ? null : answer.get("items");
        if (items == null || !items.isArray()) {
            return List.of();
        }
        List<Recommendation> result = new ArrayList<>();
        for (JsonNode item : items) {
            of(item).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    static Optional<Recommendation> of(JsonNode item) {
        if (item == null || !item.isObject()) {
            return Optional.empty();
        }
        String sku = text(item, "sku");
        String name = text(item, "name");
        JsonNode price = item.get("price");
        String amount = price == null ? null : text(price, "amount");
        String currency = price == null ? null : text(price, "currency");
        if (!Sku.isValid(sku) || name == null || name.isBlank() || amount == null || currency == null) {
            return Optional.empty();
        }
        JsonNode available = item.get("available");
        JsonNode score = item.get("score");
        return Optional.of(new Recommendation(sku, name, text(item, "brand"), text(item, "category"),
                new Money(amount, currency), text(item, "imageUrl"),
                available != null && available.canConvertToInt() && available.isIntegralNumber() ? available.intValue() : null,
                score != null && score.isNumber() ? score.doubleValue() : 0.0, text(item, "reason")));
    }

    /** A text field, or null when absent or not text (a number where a string belongs is a wrong shape). */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
