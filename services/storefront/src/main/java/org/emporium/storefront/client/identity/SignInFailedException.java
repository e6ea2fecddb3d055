package org.emporium.storefront.client.identity;

/**
 * A sign-in or token refresh that can't complete. {@code unavailable} means the provider couldn't be
 * reached or answered an error of its own (try again later); otherwise the provider refused (an
 * expired code, a revoked refresh token) or its answer didn't validate. The message never carries a
 * token or a code.
 */
public class SignInFailedException extends RuntimeException {

    private final boolean unavailable;

    public SignInFailedException(String message, boolean unavailable, Throwable cause) {
        super(message, cause, false, false);
        this.unavailable = unavailable;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
