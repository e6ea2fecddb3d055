package org.emporium.storefront.client.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The storefront's own calls to the provider go to its internal address; the browser's do not. */
class BackChannelTest {

    private static final String ISSUER = "https://shop.example.com/identity";

    @Test
    void anEndpointUnderTheIssuerMovesToTheInternalAddress() {
        assertThat(IdentityClient.backChannel(URI.create(ISSUER + "/oauth2/token"), ISSUER, Optional.of("http://identity:8110")))
                .isEqualTo(URI.create("http://identity:8110/oauth2/token"));
    }

    @Test
    void withoutAnInternalAddressOrOutsideTheIssuerTheEndpointStaysAsPublished() {
        URI token = URI.create(ISSUER + "/oauth2/token");
        assertThat(IdentityClient.backChannel(token, ISSUER, Optional.empty())).isEqualTo(token);
        URI elsewhere = URI.create("https://keys.example.com/jwks");
        assertThat(IdentityClient.backChannel(elsewhere, ISSUER, Optional.of("http://identity:8110"))).isEqualTo(elsewhere);
        // a longer host that only starts like the issuer is not under it
        URI lookalike = URI.create(ISSUER + "-other/oauth2/token");
        assertThat(IdentityClient.backChannel(lookalike, ISSUER, Optional.of("http://identity:8110"))).isEqualTo(lookalike);
    }
}
