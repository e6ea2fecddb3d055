package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.emporium.identity.oauth.ExpiredAuthorizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Authorizations whose codes and tokens all expired are deleted an hour later; the others stay. */
class ExpiredAuthorizationsIT extends RunningIdentityServer {

    @Autowired
    ExpiredAuthorizations expired;

    @Test
    void anAuthorizationGoesAnHourAfterItsLastTokenExpired() {
        Instant now = Instant.now();
        String longExpired = authorization(now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(2)));
        String justExpired = authorization(now.minus(Duration.ofMinutes(40)), now.minus(Duration.ofMinutes(30)));
        String refreshable = authorization(now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(6)));
        String waitingForItsCode = authorization(null, null);

        assertThat(expired.forgetExpired()).isGreaterThanOrEqualTo(1);

        assertThat(exists(longExpired)).as("every token expired two hours ago").isFalse();
        assertThat(exists(justExpired)).as("expired half an hour ago").isTrue();
        assertThat(exists(refreshable)).as("its refresh token is still good").isTrue();
        assertThat(exists(waitingForItsCode)).as("no expiry yet").isTrue();
    }

    /** A row as Spring Authorization Server writes it, with an access token and a refresh token expiring then. */
    private String authorization(Instant accessExpires, Instant refreshExpires) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                          access_token_value, access_token_expires_at, refresh_token_value, refresh_token_expires_at)
                        VALUES (:id, 'storefront', 'shopper@example.com', 'authorization_code', :access, :accessExpires,
                          :refresh, :refreshExpires)""")
                .param("id", id)
                .param("access", accessExpires == null ? null : "access-" + id)
                .param("accessExpires", accessExpires == null ? null : Timestamp.from(accessExpires))
                .param("refresh", refreshExpires == null ? null : "refresh-" + id)
                .param("refreshExpires", refreshExpires == null ? null : Timestamp.from(refreshExpires))
                .update();
        return id;
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = :id").param("id", id).query(Long.class).single() == 1;
    }
}
