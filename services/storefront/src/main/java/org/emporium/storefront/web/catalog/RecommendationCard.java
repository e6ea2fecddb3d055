package org.emporium.storefront.web.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.recommendations.Recommendation;
import org.emporium.storefront.web.layout.PriceFormat;
import org.emporium.storefront.web.search.SearchLinks;

/**
 * A recommended product as its small card shows it: picture, name, price, link, and why it is
 * recommended in words ({@code reason} is null for a reason the storefront doesn't know yet).
 */
public record RecommendationCard(String sku, String name, String price, String imageUrl, String href, String reason) {

    /** At most this many cards per section: one row on a wide screen. */
    static final int MAX = 6;

    /**
     * The cards for a section, in the service's order, without {@code exclude} (the product being
     * viewed) or repeats; {@code categories} name the category of "Popular in …".
     */
    public static List<RecommendationCard> of(List<Recommendation> items, List<Category> categories, String exclude) {
        Set<String> seen = new LinkedHashSet<>();
        if (exclude != null) {
            seen.add(exclude);
        }
        return items.stream()
                .filter(r -> seen.add(r.sku()))
                .limit(MAX)
                .map(r -> new RecommendationCard(r.sku(), r.name(), PriceFormat.format(r.price()),
                        ProductImage.url(r.imageUrl(), r.sku()), "/p/" + SearchLinks.encode(r.sku()), reason(r, categories)))
                .toList();
    }

    static String reason(Recommendation r, List<Category> categories) {
        if (r.reason() == null) {
            return null;
        }
        return switch (r.reason()) {
            case "bought-together" -> "Bought together";
            case "similar-to-viewed" -> "Similar to what you viewed";
            // like the product by its catalog data (category, brand, attributes): no shopper did anything yet
            case "similar-product" -> "Similar product";
            case "popular-in-category" -> categories.stream()
                    .filter(c -> c.slug().equals(r.category()))
                    .map(c -> "Popular in " + c.name())
                    .findFirst()
                    .orElse("Popular");
            default -> null;
        };
    }
}
