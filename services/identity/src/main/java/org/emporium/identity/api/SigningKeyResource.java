package org.emporium.identity.api;

import java.security.Principal;
import org.emporium.identity.oauth.SigningKeyStore.Rotation;
import org.emporium.identity.oauth.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotation of the JWT signing key, for an admin or the services client (SecurityConfiguration): a new
 * key becomes the active one and the old one is retired, staying published until its tokens expired.
 */
@RestController
public class SigningKeyResource {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyResource.class);

    private final SigningKeys keys;

    public SigningKeyResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** {@code {"kid": "<new>", "retired": ["<old>"]}}. */
    @PostMapping(path = "/api/signing-keys/rotation", produces = "application/json")
    public Rotation rotate(Principal caller) {
        Rotation rotation = keys.rotate();
        LOG.info("signing key {} is the active one, retired {}; rotation asked by {}", rotation.kid(),
                rotation.retired(), caller.getName());
        return rotation;
    }
}
