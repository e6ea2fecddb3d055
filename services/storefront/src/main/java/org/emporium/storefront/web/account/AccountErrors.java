package org.emporium.storefront.web.account;

import org.emporium.storefront.web.layout.ErrorView;
import org.emporium.storefront.web.session.ReturnPaths;

/** What the account pages say when signing in or out doesn't work; always with a way to try again. */
final class AccountErrors {

    static final ErrorView FORGED_SIGN_OUT = new ErrorView(403, "That didn\u2019t come from our shop",
            "For your safety, signing out is accepted only from our own pages. Please use the \u201cSign out\u201d button again.",
            "Back to the home page", "/", false);

    private AccountErrors() {
    }

    /** A bad or missing state, an expired login cookie, a refused code or an ID token that didn't validate. */
    static ErrorView expired(String returnPath) {
        return new ErrorView(400, "We couldn\u2019t sign you in",
                "The sign-in took too long or was interrupted. Nothing is lost: please try again.",
                "Try again", retry(returnPath), false);
    }

    static ErrorView cancelled(String returnPath) {
        return new ErrorView(400, "Sign-in was cancelled",
                "You didn\u2019t sign in. You can keep shopping as a guest, or try again.",
                "Try again", retry(returnPath), false);
    }

    /** The provider can't be reached or failed. */
    static ErrorView unavailable(String returnPath) {
        return new ErrorView(502, "Signing in is unavailable right now",
                "We can\u2019t reach our sign-in service just now. Please try again in a few seconds; your cart is kept.",
                "Try again", retry(returnPath), true);
    }

    private static String retry(String returnPath) {
        return ReturnPaths.signInThenBackTo(returnPath);
    }
}
