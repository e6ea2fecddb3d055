package org.emporium.platform.auth;

import java.util.Set;

/**
 * The verified caller of a request.
 *
 * @param subject the token's {@code sub}: an account id, or a client id for client-credentials tokens
 * @param email   the account's email, or null (client-credentials tokens have none)
 * @param roles   {@code customer}, {@code admin} or {@code service}
 * @param token   the raw access token, to relay on calls made for this caller
 */
public record Caller(String subject, String email, Set<String> roles, String token) {

    public static final String ADMIN = "admin";
    public static final String CUSTOMER = "customer";
    public static final String SERVICE = "service";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isService() {
        return roles.contains(SERVICE);
    }

    /** Whether this caller may see a resource owned by {@code owner}: the owner, an admin, or a service. */
    public boolean mayAccess(String owner) {
        return subject.equals(owner) || isAdmin() || isService();
    }

    @Override
    public String toString() { // never the token: callers end up in logs
        return "Caller[" + subject + ", " + roles + "]";
    }
}
