package org.emporium.search.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.search.index.ProductSearch;
import org.emporium.search.index.SearchRequest;
import org.emporium.search.index.SearchSort;

/**
 * Turns raw query parameters into a {@link SearchRequest}, answering 400 problem+json that names
 * the parameter for anything malformed. Numbers arrive as text so a non-number gets a clear
 * message. An unknown parameter is refused rather than ignored: a misspelt facet ("colour=red")
 * would otherwise silently return unfiltered results.
 */
final class SearchParameters {

    static final int MAX_TEXT = 256;
    static final int MAX_SIZE = 100;
    static final int MAX_SUGGESTIONS = 20;
    private static final int MAX_FILTER_VALUES = 20;
    private static final int MAX_FILTER_LENGTH = 80;
    private static final Set<String> SEARCH = Set.of("q", "page", "size", "category", "brand", "minPrice", "maxPrice", "inStock",
            "sort");
    private static final Set<String> REPEATABLE = Set.of("category", "brand");
    private static final Set<String> SUGGEST = Set.of("q", "size");

    private SearchParameters() {
    }

    static SearchRequest search(MultivaluedMap<String, String> params) {
        known(params, SEARCH);
        String text = text(params, "q");
        int size = integer(params, "size", 20);
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        int page = integer(params, "page", 0);
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if ((long) page * size > ProductSearch.MAX_DEPTH) {
            throw ProblemException.invalid("page", "page * size must be at most " + ProductSearch.MAX_DEPTH
                    + "; narrow the search instead");
        }
        BigDecimal min = price(params, "minPrice");
        BigDecimal max = price(params, "maxPrice");
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.invalid("minPrice", "must not be greater than maxPrice");
        }
        String sortKey = single(params, "sort");
        SearchSort sort = blank(sortKey) ? SearchSort.RELEVANCE : SearchSort.fromKey(sortKey.strip())
                .orElseThrow(() -> ProblemException.invalid("sort", "must be one of " + SearchSort.keys()));
        return new SearchRequest(text, filter(params, "category"), filter(params, "brand"), min, max,
                bool(params, "inStock"), sort, page, size);
    }

    /** The text and size of a suggestion request. */
    record Suggest(String text, int size) {
    }

    static Suggest suggest(MultivaluedMap<String, String> params) {
        known(params, SUGGEST);
        int size = integer(params, "size", 8);
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SUGGESTIONS);
        }
        String q = single(params, "q");
        if (q != null) {
            check("q", q, MAX_TEXT);
        }
        return new Suggest(q == null ? "" : q, size);
    }

    private static void known(MultivaluedMap<String, String> params, Set<String> allowed) {
        for (String name : params.keySet().stream().sorted().toList()) {
            if (!allowed.contains(name)) {
                throw ProblemException.invalid(name, "unknown parameter; known are " + allowed.stream().sorted().toList());
            }
            if (!REPEATABLE.contains(name) && params.get(name).size() > 1) {
                throw ProblemException.invalid(name, "must be given at most once");
            }
        }
    }

    private static String text(MultivaluedMap<String, String> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return "";
        }
        check(name, value, MAX_TEXT);
        return value.strip();
    }

    private static List<String> filter(MultivaluedMap<String, String> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > MAX_FILTER_VALUES) {
            throw ProblemException.invalid(name, "at most " + MAX_FILTER_VALUES + " values");
        }
        for (String value : values) {
            check(name, value, MAX_FILTER_LENGTH);
        }
        return values.stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    }

    private static void check(String name, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw ProblemException.invalid(name, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid(name, "must not contain control characters");
        }
    }

    private static int integer(MultivaluedMap<String, String> params, String name, int fallback) {
        String value = single(params, name);
        if (blank(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer");
        }
    }

    /** {@code true} or {@code false} (any case); absent or blank is false. Anything else is refused, not guessed. */
    private static boolean bool(MultivaluedMap<String, String> params, String name) {
        String value = single(params, name);
        if (blank(value)) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    private static BigDecimal price(MultivaluedMap<String, String> params, String name) {
        String value = single(params, name);
        if (blank(value)) {
            return null;
        }
        BigDecimal amount;
        try {
            if (value.length() > 20) {
                throw new NumberFormatException();
            }
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a decimal number");
        }
        if (amount.signum() < 0) {
            throw ProblemException.invalid(name, "must not be negative");
        }
        return amount;
    }

    private static String single(MultivaluedMap<String, String> params, String name) {
        return params.getFirst(name);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
