package org.emporium.platform.auth;

/**
 * How long a service waits for the identity provider, for its key set ({@link TokenVerifier}) and
 * for a service token ({@link ServiceTokens}): short, so a request waits for it at most once and
 * never for long. docs/architecture/resilience.md says the same (IdentityCallsTest checks it).
 */
final class IdentityCalls {

    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int READ_TIMEOUT_MILLIS = 2_000;

    private IdentityCalls() {
    }
}
