package org.emporium.storefront.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void secFetchSiteDecidesWhenSent() {
        assertThat(SameOrigin.allows("same-origin", null, "shop.example", null)).isTrue();
        assertThat(SameOrigin.allows("none", null, "shop.example", null)).isTrue();
        assertThat(SameOrigin.allows("same-site", "https://shop.example", "shop.example", null)).isFalse();
        assertThat(SameOrigin.allows("cross-site", "https://shop.example", "shop.example", null)).isFalse();
    }

    @Test
    void otherwiseOriginMustNameThisHost() {
        assertThat(SameOrigin.allows(null, "https://shop.example", "shop.example", null)).isTrue();
        assertThat(SameOrigin.allows(null, "http://localhost:8102", "localhost:8102", null)).isTrue();
        assertThat(SameOrigin.allows(null, "https://shop.example", "storefront:8102", "shop.example, gw")).isTrue();
        assertThat(SameOrigin.allows(null, "https://evil.example", "shop.example", null)).isFalse();
        assertThat(SameOrigin.allows(null, "null", "shop.example", null)).isFalse();
        assertThat(SameOrigin.allows(null, "ht tp://bad", "shop.example", null)).isFalse();
    }

    @Test
    void neitherHeaderIsNotABrowserAndIsLetThrough() {
        assertThat(SameOrigin.allows(null, null, "shop.example", null)).isTrue();
    }
}
