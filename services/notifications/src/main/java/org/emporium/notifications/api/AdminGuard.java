package org.emporium.notifications.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.defaults.ProblemException;

/**
 * Guards the admin listing with a shared admin key (the X-Admin-Key header) until identity
 * brings roles. With no key configured, the listing is refused rather than open: it shows
 * shoppers' email addresses.
 */
@ApplicationScoped
public class AdminGuard {

    private final Optional<String> adminKey;

    public AdminGuard(@ConfigProperty(name = "emporium.admin-key") Optional<String> adminKey) {
        this.adminKey = adminKey.filter(k -> !k.isBlank());
    }

    public void check(String presented) {
        if (adminKey.isEmpty()) {
            throw ProblemException.forbidden("the admin API is disabled: no admin key is configured");
        }
        if (presented == null || presented.isBlank()) {
            throw ProblemException.unauthorized("send the admin key in the X-Admin-Key header");
        }
        // constant-time comparison: the key must not leak through response timing
        if (!MessageDigest.isEqual(adminKey.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("the admin key is wrong");
        }
    }
}
