package org.emporium.storefront.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.emporium.storefront.client.Category;

/**
 * The page templates under {@code src/main/resources/templates/}, checked at build time: a typo in
 * an expression fails the build, not a page view. All of them include {@code layout.html}.
 */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    /** {@code recommended} is empty when there is nothing to recommend (the section is left out). */
    static native TemplateInstance home(PageFrame frame, List<CategoryCard> categories, List<ProductCard> featured,
                                        List<RecommendationCard> recommended);

    static native TemplateInstance category(PageFrame frame, Category category, Listing listing);

    /** Just the results region of the category page: what htmx swaps when the sort or page changes. */
    static native TemplateInstance category$results(Listing listing);

    /** {@code alsoBought} is empty when there is nothing to recommend (the section is left out). */
    static native TemplateInstance product(PageFrame frame, ProductDetails product, List<RecommendationCard> alsoBought);

    static native TemplateInstance search(PageFrame frame, SearchView view);

    /** Just the results region of the search page: what htmx swaps when a filter, the sort or the page changes. */
    static native TemplateInstance search$results(SearchView view);

    /** The list under the search box: what htmx swaps in as the shopper types. */
    static native TemplateInstance suggestions(List<SuggestionLink> suggestions);

    static native TemplateInstance cart(PageFrame frame, CartView view, List<RecommendationCard> recommended);

    /** The cart's lines and totals: what htmx swaps after a quantity change or a removal. */
    static native TemplateInstance cart$contents(CartView view);

    /** The status line under an add-to-cart button ("Added to cart", "Only 2 left"). */
    static native TemplateInstance cartFeedback(String message, boolean ok);

    /** The header's mini-cart as an out-of-band swap, appended to the cart's htmx answers. */
    static native TemplateInstance miniCartSwap(MiniCart cart);

    /** The checkout form; {@code summary} is null when the cart can't be read just now. */
    static native TemplateInstance checkout(PageFrame frame, CheckoutForm form, CartView summary);

    static native TemplateInstance order(PageFrame frame, OrderStatusView view);

    /** The order's status panel: what the live stream and the fallback poll swap in. */
    static native TemplateInstance order$panel(OrderStatusView view);

    static native TemplateInstance error(PageFrame frame, ErrorView error);

    /** "My orders": the signed-in shopper's orders, a page of them. */
    static native TemplateInstance accountOrders(PageFrame frame, MyOrdersPage.AccountOrdersView view);
}
