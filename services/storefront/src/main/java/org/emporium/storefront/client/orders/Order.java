package org.emporium.storefront.client.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.emporium.storefront.client.Money;

/**
 * An order as the orders service shows it (GET and the event stream): status {@code PENDING},
 * {@code CONFIRMED} or {@code CANCELLED}, with a reason code and words ({@code detail}) when
 * cancelled; what was bought, where it goes, and what may be shown of the card.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(String id, String status, String reason, String detail, String email, List<Line> lines,
                    Money total, Address shippingAddress, Card payment, String createdAt, String confirmedAt,
                    String cancelledAt) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Whether the order has reached its end: CONFIRMED or CANCELLED (no more changes follow). */
    public boolean finished() {
        return "CONFIRMED".equals(status) || "CANCELLED".equals(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, java.util.Map<String, String> options, String name, int quantity, Money unitPrice,
                       Money lineTotal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String name, String line1, String line2, String city, String region, String postalCode,
                          String country) {
    }

    /** The card as the payment provider lets it be shown: brand and last four digits only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Card(String brand, String last4) {
    }
}
