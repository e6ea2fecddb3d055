package org.emporium.storefront.web.session;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.storefront.client.identity.IdentityClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Before every page and form (not the static assets, images, health or the mobile API): opens the
 * {@code emporium_session} cookie. A cookie that doesn't open (tampered with, another key, garbage)
 * means signed out, and the response clears it. An access token that has expired, or will within
 * 30 s, is refreshed first (parallel requests share one refresh), and the response sets the cookie
 * with the new tokens; a refresh that fails signs the shopper out. After the resource, the response
 * sets or clears the cookie as the request's {@link SessionContext} says.
 */
public class SessionFilter {

    private static final Logger LOG = Logger.getLogger(SessionFilter.class);
    static final long REFRESH_MARGIN_SECONDS = 30;
    private static final String CONTEXT = "storefront.session-context";

    private final SealedCookies sealer;
    private final IdentityClient identity;
    private final boolean secureCookie;

    SessionFilter(SealedCookies sealer, IdentityClient identity,
                  @ConfigProperty(name = "storefront.cart-cookie.secure", defaultValue = "true") boolean secureCookie) {
        this.sealer = sealer;
        this.identity = identity;
        this.secureCookie = secureCookie;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> open(ContainerRequestContext request) {
        if (!applies(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        SessionContext context = SessionContext.current();
        context.install();
        request.setProperty(CONTEXT, context);
        if ("GET".equals(request.getMethod())) {
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            context.page(request.getUriInfo().getRequestUri().getRawPath() + (query == null ? "" : "?" + query));
        }
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Optional<AccountSession> opened = SessionCookie.open(sealer, cookie.getValue());
        if (opened.isEmpty()) {
            LOG.debug("a session cookie that doesn't open: signed out");
            context.signOut();
            return Uni.createFrom().voidItem();
        }
        AccountSession session = opened.get();
        if (!session.expiresWithin(Instant.now(), REFRESH_MARGIN_SECONDS)) {
            context.restore(session);
            return Uni.createFrom().voidItem();
        }
        if (session.refreshToken() == null) {
            context.signOut();
            return Uni.createFrom().voidItem();
        }
        return identity.refresh(session.refreshToken())
                .invoke(tokens -> context.signIn(session.withTokens(tokens.accessToken(), tokens.refreshToken(),
                        tokens.expiresAt(), tokens.idToken())))
                .onFailure().invoke(failure -> {
                    LOG.debugf("refresh failed, signed out: %s", failure.getMessage());
                    context.signOut();
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @ServerResponseFilter
    public void write(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CONTEXT) instanceof SessionContext context)) {
            return;
        }
        switch (context.action()) {
            case SET -> response.getHeaders().add(HttpHeaders.SET_COOKIE,
                    SessionCookie.of(SessionCookie.seal(sealer, context.session()), secureCookie));
            case CLEAR -> response.getHeaders().add(HttpHeaders.SET_COOKIE, SessionCookie.expired(secureCookie));
            case KEEP -> {
            }
        }
        if (context.action() != SessionContext.CookieAction.KEEP || context.session() != null) {
            // personal pages are never stored by shared caches
            response.getHeaders().putSingle("Cache-Control", "no-store");
            response.getHeaders().add("Vary", "Cookie");
        }
    }

    /** Pages, forms, the order updates: not static assets, generated images, health and metrics, or the mobile API. */
    static boolean applies(String path) {
        return !path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/webjars/")
                && !path.startsWith("/images/") && !path.startsWith("/q/") && !path.startsWith("/api/")
                && !path.equals("/favicon.ico") && !path.equals("/favicon.svg");
    }
}
