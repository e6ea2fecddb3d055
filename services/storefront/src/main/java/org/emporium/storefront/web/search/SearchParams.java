package org.emporium.storefront.web.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.emporium.storefront.client.search.SearchQuery;

/**
 * Reads the query string of {@code /search}, which mirrors the search API's. Unlike the category
 * page, which falls back to defaults, a search with a parameter that makes no sense is answered
 * with a 400 page saying what is wrong, the same rules search itself applies. Checking here means
 * such requests never reach search and can't count against its circuit breaker.
 */
final class SearchParams {

    static final int PAGE_SIZE = 24;
    static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 256;
    /** Far past any real result set; keeps offsets sane when someone types page=2000000000. */
    static final int MAX_PAGE = 10_000;
    /** Values per filter; more is no shopper's doing, and would only make unshareable URLs and cache keys. */
    static final int MAX_VALUES = 20;
    private static final int MAX_BRAND = 100;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private SearchParams() {
    }

    static SearchQuery parse(String q, String page, String size, List<String> categories, List<String> brands,
                             String minPrice, String maxPrice, String sort) {
        SearchQuery query = new SearchQuery(q, categories, brands, price(minPrice, "lowest"), price(maxPrice, "highest"),
                SearchSort.fromParam(sort).orElseThrow(() -> new BadSearchException(
                        "We can sort results by relevance, by price (low to high or high to low) or by newest, but not by \u201c"
                                + abbreviated(sort) + "\u201d.")).param(),
                number(page, 0, 0, MAX_PAGE, "The page number"),
                number(size, PAGE_SIZE, 1, MAX_SIZE, "The number of results per page"));
        if (query.q().length() > MAX_TEXT) {
            throw new BadSearchException("Your search is too long. Please use at most " + MAX_TEXT + " characters.");
        }
        if (query.categories().size() > MAX_VALUES || query.brands().size() > MAX_VALUES) {
            throw new BadSearchException("Too many filters at once. Please choose at most " + MAX_VALUES + " categories and "
                    + MAX_VALUES + " brands.");
        }
        if (!query.categories().stream().allMatch(c -> SLUG.matcher(c).matches())) {
            throw new BadSearchException("One of the categories in the address doesn\u2019t exist.");
        }
        if (!query.brands().stream().allMatch(b -> b.length() <= MAX_BRAND)) {
            throw new BadSearchException("A brand name in the address is too long.");
        }
        if (query.minPrice() != null && query.maxPrice() != null && query.minPrice().compareTo(query.maxPrice()) > 0) {
            throw new BadSearchException("The lowest price can\u2019t be more than the highest price.");
        }
        return query;
    }

    private static int number(String value, int missing, int min, int max, String what) {
        if (value == null || value.isBlank()) {
            return missing;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new BadSearchException(what + " must be a whole number from " + min + " to " + String.format(java.util.Locale.US, "%,d", max) + ".");
    }

    private static BigDecimal price(String value, String which) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // at most cents, and short: "1e-999999" is a number too, but not one worth a million-digit URL
            BigDecimal price = new BigDecimal(value.strip()).stripTrailingZeros();
            if (value.strip().length() <= 20 && price.signum() >= 0 && price.compareTo(MAX_PRICE) <= 0 && price.scale() <= 2) {
                return price;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadSearchException("The " + which + " price must be an amount such as 25 or 19.99.");
    }

    /** Enough of a bad value to recognise it, not enough to fill the page with it. */
    private static String abbreviated(String value) {
        String v = value.strip();
        return v.length() <= 20 ? v : v.substring(0, 20) + "\u2026";
    }
}
