package org.emporium.storefront.web.layout;

/** The htmx request headers the pages react to. */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    public static final String HISTORY_RESTORE = "HX-History-Restore-Request";
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {
    }

    /**
     * Whether to answer with just the swapped fragment. A history restore (back button after the
     * snapshot expired) comes from htmx too but replaces the whole body, so it needs the full page.
     */
    public static boolean wantsFragment(String request, String historyRestore) {
        return "true".equals(request) && !"true".equals(historyRestore);
    }

    /**
     * A fragment, and {@code message} put into the page's live region ({@code #announcer} in the
     * layout, which stays in the page) by an out-of-band swap of its content: a screen reader says
     * "24 products" after a filter, which it would not for text inside the replaced fragment.
     */
    public static io.smallrye.mutiny.Uni<String> announcing(io.quarkus.qute.TemplateInstance fragment, String message) {
        return fragment.createUni().map(html -> html + "<div id=\"announcer\" hx-swap-oob=\"innerHTML\">"
                + Markup.escape(message) + "</div>");
    }
}
