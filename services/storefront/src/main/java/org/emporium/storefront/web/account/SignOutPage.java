package org.emporium.storefront.web.account;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.storefront.client.identity.IdentityClient;
import org.emporium.storefront.web.cart.CartCookie;
import org.emporium.storefront.web.session.AccountSession;
import org.emporium.storefront.web.session.SameOrigin;
import org.emporium.storefront.web.session.SessionContext;
import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code POST /logout}, the header's "Sign out" form: accepted only from our own pages
 * ({@link SameOrigin}) and with the session's CSRF token (field {@code csrf}), else a 403 page.
 * Clears the session and the cart cookie (the next person at this browser must not see the
 * account's cart), then sends the browser to the provider's end-session endpoint with the ID token
 * as hint, which comes back to the shop; without an ID token, straight home.
 */
@Path("/logout")
public class SignOutPage {

    static final String CSRF_FIELD = "csrf";

    private final IdentityClient identity;
    private final AccountPages signIn;
    private final boolean secureCookie;

    SignOutPage(IdentityClient identity, AccountPages signIn,
                @ConfigProperty(name = "storefront.cart-cookie.secure", defaultValue = "true") boolean secureCookie) {
        this.identity = identity;
        this.signIn = signIn;
        this.secureCookie = secureCookie;
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> logout(@RestForm(CSRF_FIELD) String csrf, HttpHeaders headers) {
        AccountSession session = SessionContext.account();
        boolean sameOrigin = SameOrigin.allows(headers.getHeaderString("Sec-Fetch-Site"), headers.getHeaderString("Origin"),
                headers.getHeaderString("Host"), headers.getHeaderString("X-Forwarded-Host"));
        if (session == null) {
            // nothing to end (already signed out, or the session expired): home. The cart cookie is
            // left alone: this post proves nothing about where it came from. A cookie still naming
            // an account's cart opens nothing without the account's token.
            SessionContext.current().signOut();
            return Uni.createFrom().item(Response.seeOther(URI.create("/")).header("Cache-Control", "no-store").build());
        }
        if (!sameOrigin || csrf == null || !AccountPages.constantTimeEquals(csrf, session.csrf())) {
            return signIn.errorPage(AccountErrors.FORGED_SIGN_OUT, null);
        }
        SessionContext.current().signOut();
        // the next visitor on this browser must not see the account's cart
        return identity.endSessionUrl(session.idToken())
                .map(url -> Response.seeOther(url).header("Cache-Control", "no-store")
                        .cookie(CartCookie.expired(secureCookie)).build());
    }
}
