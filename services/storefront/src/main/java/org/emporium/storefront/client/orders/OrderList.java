package org.emporium.storefront.client.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.emporium.storefront.client.Money;

/**
 * A page of the signed-in caller's orders, as {@code GET /api/orders?page=&size=} answers:
 * {@code {"items":[...],"page":0,"size":20,"total":N}}, newest first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderList(List<Summary> items, int page, int size, long total) {

    public OrderList {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One order in the list; what the orders service calls the order's summary. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String id, String status, String reason, Money total, String createdAt, Integer itemCount) {
    }
}
