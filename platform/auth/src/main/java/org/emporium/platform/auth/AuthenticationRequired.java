package org.emporium.platform.auth;

/** No valid bearer token on a request that needs one: answered 401 with {@code WWW-Authenticate}. */
public class AuthenticationRequired extends RuntimeException {

    private final boolean invalidToken;

    private AuthenticationRequired(String detail, boolean invalidToken) {
        super(detail, null, false, false);
        this.invalidToken = invalidToken;
    }

    public static AuthenticationRequired missing(String detail) {
        return new AuthenticationRequired(detail, false);
    }

    public static AuthenticationRequired invalid(String detail) {
        return new AuthenticationRequired(detail, true);
    }

    /** The RFC 6750 challenge: {@code error="invalid_token"} only when a token was sent. */
    public String challenge() {
        return invalidToken ? "Bearer error=\"invalid_token\", error_description=\"" + getMessage().replace('"', '\'') + "\""
                : "Bearer";
    }
}
