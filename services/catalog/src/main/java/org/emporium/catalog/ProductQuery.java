package org.emporium.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A validated product listing request: filters, order and page. */
public record ProductQuery(String category, String brand, BigDecimal minPrice, BigDecimal maxPrice,
                           ProductSort sort, int page, int size) {

    /** The WHERE clause (empty or starting with " WHERE") and its parameters, in order. */
    public Filter filter() {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (category != null) {
            conditions.add("category = ?");
            params.add(category);
        }
        if (brand != null) {
            conditions.add("lower(brand) = lower(?)");
            params.add(brand);
        }
        if (minPrice != null) {
            conditions.add("price_amount >= ?");
            params.add(minPrice);
        }
        if (maxPrice != null) {
            conditions.add("price_amount <= ?");
            params.add(maxPrice);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Filter(where, List.copyOf(params));
    }

    public long offset() {
        return (long) page * size;
    }

    public record Filter(String where, List<Object> params) {
    }
}
