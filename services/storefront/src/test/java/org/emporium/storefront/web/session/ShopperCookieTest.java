package org.emporium.storefront.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class ShopperCookieTest {

    @Test
    void aYearLongHttpOnlyLaxCookieSecureUnlessSwitchedOff() {
        NewCookie cookie = ShopperCookie.of("abcdefgh12345678_-XYZ0", true);

        assertThat(cookie.getName()).isEqualTo("emporium_shopper");
        assertThat(cookie.getValue()).isEqualTo("abcdefgh12345678_-XYZ0");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 3600);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.LAX);
        assertThat(ShopperCookie.of("abcdefgh12345678_-XYZ0", false).isSecure()).isFalse();
    }

    @Test
    void onlyIdShapedValuesAreShopperIds() {
        assertThat(ShopperCookie.id("abcdefgh12345678_-XYZ0")).isEqualTo("abcdefgh12345678_-XYZ0");
        assertThat(ShopperCookie.id("abcdefgh")).isEqualTo("abcdefgh");
        assertThat(ShopperCookie.id("short")).isNull();
        assertThat(ShopperCookie.id("x".repeat(65))).isNull();
        assertThat(ShopperCookie.id("has space inside")).isNull();
        assertThat(ShopperCookie.id("dot.ted.value")).isNull();
        assertThat(ShopperCookie.id("")).isNull();
        assertThat(ShopperCookie.id(null)).isNull();
    }
}
