package org.emporium.storefront.web.session;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * This request's signed-in shopper (or none), and what the response must do with the session
 * cookie: nothing, set it (signed in, or tokens refreshed) or clear it (signed out, or a cookie that
 * didn't open). {@link SessionFilter} creates it before the resource runs and writes the cookie
 * after; pages read and change it through the request's Vert.x context.
 */
public final class SessionContext {

    private static final String KEY = "storefront.session";

    enum CookieAction { KEEP, SET, CLEAR }

    private volatile AccountSession session;
    private volatile CookieAction action = CookieAction.KEEP;
    private volatile String page = ReturnPaths.HOME;

    AccountSession session() {
        return session;
    }

    CookieAction action() {
        return action;
    }

    /** Signed in with this session (a new sign-in or new tokens): the response sets the cookie. */
    public void signIn(AccountSession newSession) {
        this.session = newSession;
        this.action = CookieAction.SET;
    }

    /** Read from a valid cookie: nothing to send back. */
    void restore(AccountSession existing) {
        this.session = existing;
    }

    /** Signed out: the response clears the cookie. */
    public void signOut() {
        this.session = null;
        this.action = CookieAction.CLEAR;
    }

    /** The page being shown (path and query of a GET), where "Sign in" and "Sign up" bring the shopper back to. */
    void page(String pathAndQuery) {
        this.page = ReturnPaths.safe(pathAndQuery);
    }

    public String page() {
        return page;
    }

    void install() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, this);
        }
    }

    /** This request's context, or a detached one (outside a request, nothing is remembered). */
    public static SessionContext current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return new SessionContext();
        }
        return ContextLocals.<SessionContext>get(KEY).orElseGet(() -> {
            SessionContext fresh = new SessionContext();
            ContextLocals.put(KEY, fresh);
            return fresh;
        });
    }

    /** The signed-in shopper of this request, or null. */
    public static AccountSession account() {
        return current().session();
    }

    /** The {@code Authorization} header for calls made for this request's shopper, or null when signed out. */
    public static String bearer() {
        AccountSession session = account();
        return session == null ? null : session.bearer();
    }
}
