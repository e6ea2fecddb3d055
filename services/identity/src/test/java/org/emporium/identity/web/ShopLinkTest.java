package org.emporium.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShopLinkTest {

    @Test
    void theSettingWins() {
        assertThat(ShopLink.url(" https://shop.example.com/ ", List.of("http://localhost:8080/")))
                .isEqualTo("https://shop.example.com/");
    }

    @Test
    void withoutItTheStorefrontsFirstPostLogoutRedirectUri() {
        assertThat(ShopLink.url("", List.of("https://shop.emporium.example/", "http://localhost:8080/")))
                .isEqualTo("https://shop.emporium.example/");
        assertThat(ShopLink.url(null, List.of("http://localhost:8080/"))).isEqualTo("http://localhost:8080/");
    }

    @Test
    void onlyAnAbsoluteHttpUrlIsTaken() {
        for (String bad : List.of("javascript:alert(1)", "/relative", "shop.example.com", "ftp://shop.example.com/", "http://")) {
            assertThatThrownBy(() -> ShopLink.url(bad, List.of())).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("EMPORIUM_IDENTITY_SHOP_URL");
        }
        assertThatThrownBy(() -> ShopLink.url("", List.of())).isInstanceOf(IllegalStateException.class);
    }
}
