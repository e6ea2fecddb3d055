package org.emporium.storefront.web.account;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.storefront.client.cart.Cart;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.identity.IdentityClient;
import org.emporium.storefront.client.identity.SignInFailedException;
import org.emporium.storefront.web.cart.CartCookie;
import org.emporium.storefront.web.layout.ErrorTemplates;
import org.emporium.storefront.web.layout.ErrorView;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.session.AccountSession;
import org.emporium.storefront.web.session.ReturnPaths;
import org.emporium.storefront.web.session.SealedCookies;
import org.emporium.storefront.web.session.SessionContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Signing in (the authorization code flow with the OpenID provider) and the callback that starts the
 * session and adopts the guest cart.
 *
 * <ul>
 *   <li>{@code GET /login?return=/path} (and {@link SignUpPage}'s {@code GET /signup?return=/path}): a new state, nonce and
 *       PKCE verifier in the sealed {@code emporium_login} cookie, then 303 to the provider's
 *       authorization endpoint ({@code prompt=create} for sign-up).</li>
 *   <li>{@code GET /login/callback?code&state}: checks the state, exchanges the code, validates the
 *       ID token, sets the session, merges the guest cart into the account's (the cart cookie then
 *       names the account's cart) and goes back to the return path. Failures are a page with "Try
 *       again" (400, or 502 when the provider can't be reached), never a stack trace.</li>
 * </ul>
 * Signing out is {@link SignOutPage}, "My orders" {@link MyOrdersPage}.
 */
@Path("/login")
@jakarta.inject.Singleton
public class AccountPages {

    private static final Logger LOG = Logger.getLogger(AccountPages.class);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final IdentityClient identity;
    private final SealedCookies sealer;
    private final CartClient cart;
    private final CatalogClient catalog;
    private final PageFrames frames;
    private final boolean secureCookie;

    AccountPages(IdentityClient identity, SealedCookies sealer, CartClient cart,
                 CatalogClient catalog, PageFrames frames,
                 @ConfigProperty(name = "storefront.cart-cookie.secure", defaultValue = "true") boolean secureCookie) {
        this.identity = identity;
        this.sealer = sealer;
        this.cart = cart;
        this.catalog = catalog;
        this.frames = frames;
        this.secureCookie = secureCookie;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> login(@RestQuery("return") String returnPath) {
        return start(returnPath, false);
    }

    /** Sends the browser to the provider; {@code signup} asks for its registration page ({@code prompt=create}). */
    Uni<Response> start(String requested, boolean signup) {
        String returnPath = ReturnPaths.safe(requested);
        LoginCookie login = new LoginCookie(IdentityClient.newState(), IdentityClient.newNonce(),
                IdentityClient.newVerifier(), returnPath, Instant.now().getEpochSecond());
        return identity.authorizationUrl(login.state(), login.nonce(), login.verifier(), signup)
                .map(url -> Response.seeOther(url).header("Cache-Control", "no-store")
                        .cookie(LoginCookie.of(login.seal(sealer), secureCookie)).build())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("sign-in can't start: %s", failure.getMessage());
                    return errorPage(AccountErrors.unavailable(returnPath), null);
                });
    }

    @GET
    @Path("callback")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> callback(@RestQuery String code, @RestQuery String state, @RestQuery String error,
                                  @RestCookie(LoginCookie.NAME) String loginCookie,
                                  @RestCookie(CartCookie.NAME) String cartCookie) {
        Optional<LoginCookie> started = loginCookie == null ? Optional.empty()
                : LoginCookie.open(sealer, loginCookie, Instant.now());
        String returnPath = started.map(LoginCookie::returnPath).orElse(ReturnPaths.HOME);
        NewCookie forgetLogin = LoginCookie.expired(secureCookie);
        if (started.isEmpty() || state == null || !constantTimeEquals(state, started.get().state())) {
            return errorPage(AccountErrors.expired(returnPath), forgetLogin);
        }
        if (error != null) {
            // access_denied (the shopper cancelled) or anything else the provider says went wrong
            LOG.infof("the provider ended the sign-in with %s", error.length() > 64 ? error.substring(0, 64) : error);
            return errorPage("access_denied".equals(error) ? AccountErrors.cancelled(returnPath)
                    : AccountErrors.expired(returnPath), forgetLogin);
        }
        if (code == null || code.isBlank()) {
            return errorPage(AccountErrors.expired(returnPath), forgetLogin);
        }
        LoginCookie login = started.get();
        return identity.exchange(code, login.verifier(), login.nonce())
                .flatMap(signedIn -> {
                    AccountSession session = new AccountSession(signedIn.subject(), signedIn.email(), signedIn.name(),
                            signedIn.accessToken(), signedIn.refreshToken(), signedIn.expiresAt(), signedIn.idToken(),
                            AccountSession.newCsrf());
                    SessionContext.current().signIn(session);
                    return adoptCart(session, cartCookie).map(adopted -> {
                        Response.ResponseBuilder answer = Response.seeOther(URI.create(login.returnPath()))
                                .header("Cache-Control", "no-store").cookie(forgetLogin);
                        if (adopted != null) {
                            answer.cookie(adopted);
                        }
                        return answer.build();
                    });
                })
                .onFailure(SignInFailedException.class).recoverWithUni(failure -> {
                    SignInFailedException failed = (SignInFailedException) failure;
                    LOG.warnf("sign-in failed: %s", failed.getMessage());
                    return errorPage(failed.unavailable() ? AccountErrors.unavailable(returnPath)
                            : AccountErrors.expired(returnPath), forgetLogin);
                });
    }

    /**
     * The cart cookie after sign-in: the account's cart with the guest cart merged in (or the
     * account's latest cart when there was no guest cart); unchanged when the cart service can't
     * answer now (the sign-in still succeeds; the guest cart stays the guest's).
     */
    private Uni<NewCookie> adoptCart(AccountSession session, String cartCookie) {
        String guest = CartCookie.id(cartCookie);
        return cart.adopt(session.bearer(), guest)
                .map(found -> found.filter(c -> CartCookie.id(c.id()) != null)
                        .map(Cart::id).map(id -> CartCookie.of(id, secureCookie)).orElse(null))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("the guest cart wasn't merged at sign-in: %s", failure.getMessage());
                    return null;
                });
    }

    Uni<Response> errorPage(ErrorView view, NewCookie cookie) {
        return catalog.categories().onFailure().recoverWithItem(List.<Category>of())
                .flatMap(categories -> ErrorTemplates.error(frames.frame(view.heading(), categories, null), view).createUni())
                .map(html -> {
                    Response.ResponseBuilder answer = Response.status(view.status()).type(HTML).entity(html)
                            .header("Cache-Control", "no-store");
                    if (cookie != null) {
                        answer.cookie(cookie);
                    }
                    return answer.build();
                });
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
