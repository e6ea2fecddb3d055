package org.emporium.identity.oauth;

import java.time.Duration;
import java.util.Map;
import org.emporium.identity.jdbc.BatchedDelete;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the authorizations none of whose tokens can be used any more. Spring Authorization Server
 * writes one row per sign-in (and per client-credentials token) and never deletes any: the table only
 * grows, and with it every write's index upkeep and the database's size. An authorization goes
 * {@code emporium.identity.authorizations.kept-after-expiry} (1 hour) after the last of its codes and
 * tokens expired; one with no expiry at all (a request still waiting for its code) stays. Every
 * instance runs this ({@link BatchedDelete}: nobody waits on it). The refresh-token rotations of a
 * deleted authorization go with it (ON DELETE CASCADE).
 */
@Component
public class ExpiredAuthorizations {

    private final JdbcClient jdbc;
    private final Duration keptAfterExpiry;

    public ExpiredAuthorizations(JdbcClient jdbc,
                                 @Value("${emporium.identity.authorizations.kept-after-expiry:PT1H}") Duration keptAfterExpiry) {
        this.jdbc = jdbc;
        this.keptAfterExpiry = keptAfterExpiry;
    }

    /** Returns how many authorizations went. */
    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT10M")
    public int forgetExpired() {
        // greatest() skips NULLs: the latest expiry of whatever the authorization holds
        return BatchedDelete.delete(jdbc, "oauth2_authorization", "id", """
                greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
                         oidc_id_token_expires_at, user_code_expires_at, device_code_expires_at)
                <= now() - make_interval(secs => :kept)""", Map.of("kept", (double) keptAfterExpiry.toSeconds()));
    }
}
