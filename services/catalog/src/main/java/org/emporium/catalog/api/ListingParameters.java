package org.emporium.catalog.api;

import java.math.BigDecimal;
import org.emporium.catalog.ProductQuery;
import org.emporium.catalog.ProductSort;
import org.emporium.platform.defaults.ProblemException;

/**
 * Turns the raw query parameters of a product listing into a {@link ProductQuery}, answering
 * 400 with the parameter's name for anything malformed. Parameters arrive as strings so a
 * non-number gets a clear message instead of the framework's generic 404.
 */
final class ListingParameters {

    static final int MAX_SIZE = 100;

    private ListingParameters() {
    }

    static ProductQuery parse(String page, String size, String category, String brand,
                              String minPrice, String maxPrice, String sort) {
        int pageNumber = integer("page", page, 0);
        if (pageNumber < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (pageNumber > 10_000) {
            throw ProblemException.invalid("page", "must be at most 10000");
        }
        int pageSize = integer("size", size, 20);
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        BigDecimal min = price("minPrice", minPrice);
        BigDecimal max = price("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.invalid("minPrice", "must not be greater than maxPrice");
        }
        ProductSort order = blank(sort) ? ProductSort.NAME : ProductSort.fromKey(sort.trim())
                .orElseThrow(() -> ProblemException.invalid("sort", "must be one of " + ProductSort.keys()));
        return new ProductQuery(text("category", category), text("brand", brand), min, max, order, pageNumber, pageSize);
    }

    private static int integer(String name, String value, int fallback) {
        if (blank(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer");
        }
    }

    private static BigDecimal price(String name, String value) {
        if (blank(value)) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a decimal number");
        }
        if (amount.signum() < 0) {
            throw ProblemException.invalid(name, "must not be negative");
        }
        return amount;
    }

    private static String text(String name, String value) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > 80) {
            throw ProblemException.invalid(name, "must be at most 80 characters");
        }
        Text.requirePrintable(name, value);
        return value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
