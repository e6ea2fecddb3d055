package org.emporium.storefront.mobile;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.client.recommendations.Recommendation;

/**
 * The product screen in one answer. {@code partial} is true when a part couldn't be had within the
 * deadline; {@code missing} then names it ({@code stock}, {@code recommendations}), and the part is
 * null (stock) or empty (recommendations). The product itself is never missing: without it the
 * answer is an error. The app's own types, not the clients' DTOs: the contract
 * (contracts/openapi/mobile.yaml) changes only when this API does.
 */
public record MobileProduct(ProductDetails product,
                            @Schema(nullable = true, description = "null when inventory doesn't track the SKU, or when missing")
                            StockLevel stock,
                            List<RecommendedItem> recommendations,
                            boolean partial,
                            @Schema(description = "the parts that failed or missed the deadline: stock, recommendations")
                            List<String> missing) {

    /** What the product page shows of a product; {@code imageUrl} is always usable (a placeholder when the catalog has none). */
    public record ProductDetails(String sku, String name, String brand, String description, String category, Price price,
                                 String imageUrl, Map<String, Object> attributes) {

        static ProductDetails of(Product p) {
            return new ProductDetails(p.sku(), p.name(), p.brand(), p.description(), p.category(), Price.of(p.price()),
                    pictureUrl(p.imageUrl(), p.sku()), p.attributes());
        }
    }

    /** Units that can be sold now. */
    public record StockLevel(int available, boolean inStock) {

        static StockLevel of(int available) {
            return new StockLevel(available, available > 0);
        }
    }

    /** A decimal string, never a floating-point number, and an ISO 4217 code. */
    public record Price(@Schema(examples = "12.00") String amount, @Schema(examples = "EUR") String currency) {

        static Price of(Money money) {
            return money == null ? null : new Price(money.amount(), money.currency());
        }
    }

    /** A "customers also bought" item, as the recommendations service ranks it. */
    public record RecommendedItem(String sku, String name, String brand, String category, Price price, String imageUrl,
                                  @Schema(nullable = true, description = "units in stock; null when unknown") Integer available,
                                  double score,
                                  @Schema(description = "bought-together, similar-to-viewed, similar-product or popular-in-category") String reason) {

        static RecommendedItem of(Recommendation r) {
            return new RecommendedItem(r.sku(), r.name(), r.brand(), r.category(), Price.of(r.price()),
                    pictureUrl(r.imageUrl(), r.sku()), r.available(), r.score(), r.reason());
        }
    }

    /** The catalog's picture when it is a site-relative path, else the storefront's generated one (as on the web pages). */
    private static String pictureUrl(String url, String sku) {
        if (url != null && url.startsWith("/") && !url.startsWith("//")) {
            return url;
        }
        return "/images/products/" + sku + ".svg";
    }
}
