package org.emporium.storefront.web.cart;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.emporium.storefront.web.catalog.RecommendationCard;
import org.emporium.storefront.web.layout.PageFrame;

/** The cart page's templates and its htmx answers' pieces, under {@code src/main/resources/templates/}, checked at build time. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    static native TemplateInstance cart(PageFrame frame, CartView view, List<RecommendationCard> recommended);

    /** The cart's lines and totals: what htmx swaps after a quantity change or a removal. */
    static native TemplateInstance cart$contents(CartView view);

    /** The status line under an add-to-cart button ("Added to cart", "Only 2 left"). */
    static native TemplateInstance cartFeedback(String message, boolean ok);

    /** The header's mini-cart as an out-of-band swap, appended to the cart's htmx answers. */
    static native TemplateInstance miniCartSwap(MiniCart cart);
}
