package org.emporium.recommendations.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.emporium.platform.defaults.ProblemException;

/**
 * Checks the path and query parameters, answering 400 problem+json that names the parameter for
 * anything malformed. Unknown and repeated query parameters are refused rather than ignored, as
 * search does.
 */
final class RecommendationParameters {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 50;
    // the catalog owns the SKU format (contracts/openapi/catalog.yaml, ProductRequest.sku): same pattern
    static final Pattern SKU = Pattern.compile("^[A-Z0-9][A-Z0-9-]{2,31}$");
    static final Pattern SHOPPER = Pattern.compile("^[A-Za-z0-9_:-]{8,80}$");
    private static final Set<String> KNOWN = Set.of("size", "cart");

    /** The query of either endpoint: how many items, and the cart whose items to leave out (null: none). */
    record Query(int size, String cartId) {
    }

    private RecommendationParameters() {
    }

    static String sku(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw ProblemException.invalid("sku", "must match " + SKU.pattern());
        }
        return sku;
    }

    static String shopper(String id) {
        if (id == null || !SHOPPER.matcher(id).matches()) {
            throw ProblemException.invalid("id", "must match " + SHOPPER.pattern());
        }
        return id;
    }

    static Query query(MultivaluedMap<String, String> params) {
        for (String name : params.keySet().stream().sorted().toList()) {
            if (!KNOWN.contains(name)) {
                throw ProblemException.invalid(name, "unknown parameter; known are " + KNOWN.stream().sorted().toList());
            }
            if (params.get(name).size() > 1) {
                throw ProblemException.invalid(name, "must be given at most once");
            }
        }
        return new Query(size(params.getFirst("size")), cart(params.getFirst("cart")));
    }

    private static int size(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("size", "must be an integer");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return size;
    }

    private static String cart(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.strip().length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cart", "must be a UUID");
        }
    }
}
