package org.emporium.storefront.web.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.emporium.storefront.web.layout.PageFrame;

/** The account pages' template under {@code src/main/resources/templates/}, checked at build time. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    /** "My orders": the signed-in shopper's orders, a page of them. */
    static native TemplateInstance accountOrders(PageFrame frame, MyOrdersPage.AccountOrdersView view);
}
