package org.emporium.storefront.web.layout;

import io.quarkus.qute.Escaper;

/** Text made safe for HTML and XML (attribute values included), for markup built outside templates. */
public final class Markup {

    private static final Escaper ESCAPER = Escaper.builder()
            .add('&', "&amp;").add('<', "&lt;").add('>', "&gt;").add('"', "&quot;").add('\'', "&#39;").build();

    private Markup() {
    }

    public static String escape(CharSequence text) {
        return ESCAPER.escape(text);
    }
}
