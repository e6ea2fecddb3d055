package org.emporium.storefront.client.cart;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.emporium.storefront.client.Money;

/**
 * A cart as the cart service shows it: prices are read from the catalog when shown, and
 * {@code partial} says some line's price or name could not be read just now.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cart(String id, List<Line> lines, Money total, int itemCount, boolean partial) {

    public Cart {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One line: a SKU and the options chosen for it ({@code {"size":"M"}}, empty for none);
     * {@code available} is null when stock is unknown.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, Map<String, String> options, String name, Money unitPrice, int quantity, Money lineTotal,
                       Integer available, Boolean inStock) {

        public Line {
            options = options == null ? Map.of() : options;
        }

        public LineKey key() {
            return new LineKey(sku, options);
        }
    }
}
