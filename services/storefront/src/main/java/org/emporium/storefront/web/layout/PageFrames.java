package org.emporium.storefront.web.layout;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.web.cart.MiniCart;
import org.emporium.storefront.web.session.AccountSession;
import org.emporium.storefront.web.session.ReturnPaths;
import org.emporium.storefront.web.session.SessionContext;

/** Builds the {@link PageFrame} every template's layout renders. */
@ApplicationScoped
public class PageFrames {

    /** Written into the htmx webjar by its build; names the version that is actually on the classpath. */
    private static final String HTMX_POM = "META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

    private final String htmxScript;
    private final CategoryNav categoryNav;

    PageFrames(CategoryNav categoryNav) {
        this.categoryNav = categoryNav;
        // the webjar keeps its version in the served path; reading it from the jar itself means the
        // page can never point at a version that isn't there
        this.htmxScript = "/webjars/htmx.org/" + webjarVersion() + "/dist/htmx.min.js";
    }

    public PageFrame frame(String title, List<Category> categories, String currentSlug) {
        return frame(title, categories, currentSlug, "");
    }

    public PageFrame frame(String title, List<Category> categories, String currentSlug, String searchText) {
        CategoryNav.Markup nav = categoryNav.of(categories, currentSlug);
        String fullTitle = title == null || title.isBlank() ? "Emporium" : title + " \u00b7 Emporium";
        AccountSession session = SessionContext.account();
        PageFrame.Account account = session == null ? null
                : new PageFrame.Account(session.email() == null ? "your account" : session.email(), session.csrf());
        String page = SessionContext.current().page();
        String returnQuery = ReturnPaths.HOME.equals(page) ? ""
                : "?return=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8);
        return new PageFrame(fullTitle, nav, htmxScript, searchText == null ? "" : searchText, MiniCart.current(), account,
                returnQuery);
    }

    private static String webjarVersion() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(HTMX_POM)) {
            if (in == null) {
                throw new IllegalStateException("htmx webjar missing from the classpath (" + HTMX_POM + ")");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
