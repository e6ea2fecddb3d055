package org.emporium.storefront.web.search;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.emporium.storefront.client.search.SearchQuery;

/**
 * Addresses of {@code /search} pages reached from the current one. Each link changes one thing
 * and keeps every other parameter; changing a filter or the order goes back to the first page,
 * since the old page number means nothing in the new result set. Default values are left out,
 * so the plain search for "lamp" is simply {@code /search?q=lamp}.
 */
public record SearchLinks(SearchQuery query) {

    /** One query-string parameter, also rendered as a hidden input of the sort form. */
    record Param(String name, String value) {
    }

    String current() {
        return href(query);
    }

    String page(int page) {
        return href(with(query.q(), query.categories(), query.brands(), query.minPrice(), query.maxPrice(), query.sort(), page));
    }

    String sorted(SearchSort sort) {
        return href(with(query.q(), query.categories(), query.brands(), query.minPrice(), query.maxPrice(), sort.param(), 0));
    }

    String toggleCategory(String slug) {
        return href(with(query.q(), toggled(query.categories(), slug), query.brands(), query.minPrice(), query.maxPrice(),
                query.sort(), 0));
    }

    String toggleBrand(String brand) {
        return href(with(query.q(), query.categories(), toggled(query.brands(), brand), query.minPrice(), query.maxPrice(),
                query.sort(), 0));
    }

    /**
     * The price range as the only price filter, or no price filter if it is the current one. A
     * range from 0 needs no lower bound, and an open-ended one ({@code to} null) no upper bound.
     * A bucket's {@code to} is exclusive but search's {@code maxPrice} is inclusive, so the upper
     * bound is the last cent below it: $50.00 belongs to "$50 – $100", not to "$25 – $50".
     */
    String togglePrice(BigDecimal from, BigDecimal to) {
        BigDecimal min = minPrice(from);
        BigDecimal max = maxPrice(to);
        boolean current = same(min, query.minPrice()) && same(max, query.maxPrice());
        return href(with(query.q(), query.categories(), query.brands(), current ? null : min, current ? null : max,
                query.sort(), 0));
    }

    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    /** The minPrice of a bucket starting at {@code from}: none for a bucket from 0. */
    static BigDecimal minPrice(BigDecimal from) {
        return from == null || from.signum() == 0 ? null : from;
    }

    /** The (inclusive) maxPrice of a bucket ending before {@code to}: none for an open-ended one. */
    static BigDecimal maxPrice(BigDecimal to) {
        return to == null ? null : to.subtract(ONE_CENT);
    }

    /** The same search without any price filter. */
    String withoutPrice() {
        return href(with(query.q(), query.categories(), query.brands(), null, null, query.sort(), 0));
    }

    String withoutFilters() {
        return href(with(query.q(), List.of(), List.of(), null, null, query.sort(), 0));
    }

    /** The same filters and order with other text, e.g. the spelling search suggests instead. */
    String withText(String q) {
        return href(with(q, query.categories(), query.brands(), query.minPrice(), query.maxPrice(), query.sort(), 0));
    }

    /** What the sort form must carry besides the order itself: everything but sort and page. */
    List<Param> formFields() {
        return params(query).stream().filter(p -> !p.name().equals("sort") && !p.name().equals("page")).toList();
    }

    static String href(SearchQuery query) {
        List<Param> params = params(query);
        return params.isEmpty() ? "/search" : params.stream()
                .map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&", "/search?", ""));
    }

    /** Form-style percent-encoding, with spaces as %20 so the value reads the same in a path or a query. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static List<Param> params(SearchQuery query) {
        List<Param> params = new ArrayList<>();
        if (!query.q().isEmpty()) {
            params.add(new Param("q", query.q()));
        }
        query.categories().forEach(c -> params.add(new Param("category", c)));
        query.brands().forEach(b -> params.add(new Param("brand", b)));
        if (query.minPrice() != null) {
            params.add(new Param("minPrice", query.minPrice().toPlainString()));
        }
        if (query.maxPrice() != null) {
            params.add(new Param("maxPrice", query.maxPrice().toPlainString()));
        }
        if (!query.sort().equals(SearchSort.DEFAULT.param())) {
            params.add(new Param("sort", query.sort()));
        }
        if (query.page() > 0) {
            params.add(new Param("page", Integer.toString(query.page())));
        }
        if (query.size() != SearchParams.PAGE_SIZE) {
            params.add(new Param("size", Integer.toString(query.size())));
        }
        return params;
    }

    private SearchQuery with(String q, List<String> categories, List<String> brands, BigDecimal minPrice,
                             BigDecimal maxPrice, String sort, int page) {
        return new SearchQuery(q, categories, brands, minPrice, maxPrice, sort, page, query.size());
    }

    private static List<String> toggled(List<String> values, String value) {
        return values.contains(value)
                ? values.stream().filter(v -> !v.equals(value)).toList()
                : Stream.concat(values.stream(), Stream.of(value)).toList();
    }
}
