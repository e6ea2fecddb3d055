package org.emporium.storefront.web.checkout;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.emporium.storefront.web.cart.CartView;
import org.emporium.storefront.web.layout.PageFrame;

/** The checkout form's and the order page's templates under {@code src/main/resources/templates/}, checked at build time. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    /** The checkout form; {@code summary} is null when the cart can't be read just now. */
    static native TemplateInstance checkout(PageFrame frame, CheckoutForm form, CartView summary);

    static native TemplateInstance order(PageFrame frame, OrderStatusView view);

    /** The order's status panel: what the live stream and the fallback poll swap in. */
    static native TemplateInstance order$panel(OrderStatusView view);
}
