package org.emporium.storefront.web.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.search.SearchQuery;
import org.emporium.storefront.client.search.SearchResults;
import org.emporium.storefront.web.catalog.ProductCard;
import org.emporium.storefront.web.catalog.SortOrder;
import org.emporium.storefront.web.layout.PageFrame;
import org.emporium.storefront.web.layout.Pagination;
import org.emporium.storefront.web.layout.PriceFormat;

/**
 * Everything the results page shows: the hits as product cards, the facets as links that add or
 * remove a filter, the sort choices and the pages, each link keeping the rest of the search.
 *
 * @param browse the categories, linked, for when nothing matched
 */
public record SearchView(SearchQuery query, Pagination pagination, List<ProductCard> products,
                         List<FacetLink> categoryFacets, List<FacetLink> brandFacets, List<FacetLink> priceFacets,
                         String didYouMean, List<PageFrame.NavLink> browse) {

    /** Price buckets carry no currency; the site shows US dollars throughout. */
    static final String CURRENCY = "USD";

    static SearchView of(SearchQuery query, SearchResults results, List<Category> categories) {
        SearchLinks links = new SearchLinks(query);
        Map<String, String> names = categories.stream()
                .collect(Collectors.toMap(Category::slug, Category::name, (a, b) -> a));
        SearchResults.Facets facets = results.facets();
        String didYouMean = results.didYouMean() == null || results.didYouMean().isBlank()
                || results.didYouMean().strip().equalsIgnoreCase(query.q()) ? null : results.didYouMean().strip();
        return new SearchView(query, new Pagination(query.page(), query.size(), results.total()),
                results.items().stream().map(ProductCard::of).toList(),
                valueFacets(facets.category(), query.categories(), slug -> names.getOrDefault(slug, slug), links::toggleCategory),
                valueFacets(facets.brand(), query.brands(), Function.identity(), links::toggleBrand),
                priceFacets(facets.price(), query, links),
                didYouMean,
                categories.stream().map(c -> new PageFrame.NavLink(c.name(), "/c/" + c.slug(), false)).toList());
    }

    public String heading() {
        if (noResults()) {
            return query.q().isEmpty() ? "No products match these filters" : "No results for \u201c" + query.q() + "\u201d";
        }
        return query.q().isEmpty() ? "All products" : "Results for \u201c" + query.q() + "\u201d";
    }

    public boolean noResults() {
        return pagination.total() == 0;
    }

    public String summary() {
        return pagination.summary();
    }

    public boolean hasFacets() {
        return !categoryFacets.isEmpty() || !brandFacets.isEmpty() || !priceFacets.isEmpty();
    }

    public List<SortOrder.Choice> sortChoices() {
        return SearchSort.fromParam(query.sort()).orElse(SearchSort.DEFAULT).choices();
    }

    /** The sort form's hidden inputs: the rest of the search, so changing the order keeps it. */
    public List<SearchLinks.Param> formFields() {
        return links().formFields();
    }

    public String didYouMeanHref() {
        return didYouMean == null ? null : links().withText(didYouMean);
    }

    public String clearFiltersHref() {
        return query.filtered() ? links().withoutFilters() : null;
    }

    public List<Pagination.PageLink> pageLinks() {
        return pagination.links(links()::page);
    }

    public String previousHref() {
        return pagination.hasPrevious() ? links().page(Math.min(pagination.page(), pagination.totalPages()) - 1) : null;
    }

    public String nextHref() {
        return pagination.hasNext() ? links().page(pagination.page() + 1) : null;
    }

    public boolean paged() {
        return pagination.totalPages() > 1 || pagination.beyondEnd();
    }

    public String firstPageHref() {
        return links().page(0);
    }

    private SearchLinks links() {
        return new SearchLinks(query);
    }

    /**
     * Search's values in its order (by count), each adding its filter or removing it when selected.
     * A selected value search didn't list still appears first, so every filter in force can be removed.
     */
    private static List<FacetLink> valueFacets(List<SearchResults.Value> values, List<String> selected,
                                               Function<String, String> label, Function<String, String> toggle) {
        List<FacetLink> links = new ArrayList<>();
        selected.stream()
                .filter(s -> values.stream().noneMatch(v -> s.equals(v.value())))
                .forEach(s -> links.add(new FacetLink(label.apply(s), null, toggle.apply(s), true)));
        values.stream().filter(v -> v.value() != null && !v.value().isBlank()).forEach(v -> links.add(new FacetLink(
                label.apply(v.value()), count(v.count()), toggle.apply(v.value()), selected.contains(v.value()))));
        return links;
    }

    private static List<FacetLink> priceFacets(List<SearchResults.PriceRange> ranges, SearchQuery query, SearchLinks links) {
        List<FacetLink> facets = new ArrayList<>();
        boolean matched = false;
        for (SearchResults.PriceRange r : ranges) {
            boolean selected = SearchLinks.same(SearchLinks.minPrice(r.from()), query.minPrice())
                    && SearchLinks.same(SearchLinks.maxPrice(r.to()), query.maxPrice());
            matched |= selected;
            facets.add(new FacetLink(priceLabel(r.from(), r.to()), count(r.count()), links.togglePrice(r.from(), r.to()), selected));
        }
        if (!matched && (query.minPrice() != null || query.maxPrice() != null)) {
            // a range typed into the address rather than picked from the buckets
            facets.addFirst(new FacetLink(priceLabel(query.minPrice(), query.maxPrice()), null,
                    links.withoutPrice(), true));
        }
        return facets;
    }

    /** "Under $25", "$25 – $50", "$1,000 and up". */
    static String priceLabel(BigDecimal from, BigDecimal to) {
        boolean noFloor = from == null || from.signum() == 0;
        if (to == null) {
            return noFloor ? "Any price" : amount(from) + " and up";
        }
        return noFloor ? "Under " + amount(to) : amount(from) + " \u2013 " + amount(to);
    }

    private static String amount(BigDecimal value) {
        String formatted = PriceFormat.format(value.toPlainString(), CURRENCY);
        // bucket bounds are round numbers: "$25" reads better than "$25.00"
        return formatted.endsWith(".00") ? formatted.substring(0, formatted.length() - 3) : formatted;
    }

    private static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }
}
