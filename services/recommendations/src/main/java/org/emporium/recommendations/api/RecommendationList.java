package org.emporium.recommendations.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.emporium.recommendations.domain.Recommendation;
import org.emporium.recommendations.domain.Recommendations;

/** The answer of both endpoints. */
@Schema(name = "RecommendationList")
public record RecommendationList(
        @Schema(description = "the SKU or the shopper id asked about") String subject,
        @Schema(description = "best first; fewer than asked when the catalog has too few candidates") List<Item> items,
        @Schema(description = "how many events the model had applied when it answered") long modelVersion) {

    public record Item(String sku, String name, String brand,
                       @Schema(description = "the category's slug") String category,
                       Money price,
                       @Schema(nullable = true) String imageUrl,
                       @Schema(nullable = true, description = "units available; null when inventory has not said") Integer available,
                       @Schema(description = "0 to 1, relative to the first item") double score,
                       @Schema(enumeration = {"bought-together", "similar-to-viewed", "similar-product", "popular-in-category"},
                               description = "bought-together and similar-to-viewed are learnt from what shoppers did; "
                                       + "similar-product (like the product by category, brand and attributes) and "
                                       + "popular-in-category fill when that is too little")
                       String reason) {
    }

    public record Money(@Schema(description = "decimal as text", example = "12.00") String amount,
                        @Schema(example = "EUR") String currency) {
    }

    static RecommendationList of(Recommendations answer) {
        List<Item> items = new java.util.ArrayList<>(answer.items().size());
        for (Recommendation r : answer.items()) {
            var p = r.product();
            items.add(new Item(p.sku(), p.name(), p.brand(), p.category(), new Money(p.amount(), p.currency()),
                    p.imageUrl(), r.available(), Math.round(r.score() * 10_000) / 10_000.0, r.reason().slug()));
        }
        return new RecommendationList(answer.subject(), items, answer.modelVersion());
    }
}
