package org.emporium.storefront.web.layout;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The error page, {@code src/main/resources/templates/error.html}, checked at build time like each
 * area's {@code Templates}: every area renders it for the failures it handles itself.
 */
@CheckedTemplate
public final class ErrorTemplates {

    private ErrorTemplates() {
    }

    public static native TemplateInstance error(PageFrame frame, ErrorView error);
}
