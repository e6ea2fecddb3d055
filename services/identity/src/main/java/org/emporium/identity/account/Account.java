package org.emporium.identity.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as stored; {@code passwordHash} never leaves this service. */
public record Account(UUID id, String email, String name, String passwordHash, List<String> roles, Instant createdAt) {

    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";
}
