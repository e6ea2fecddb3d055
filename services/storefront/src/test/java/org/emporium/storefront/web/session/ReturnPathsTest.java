package org.emporium.storefront.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnPathsTest {

    @Test
    void localPathsAreKept() {
        assertThat(ReturnPaths.safe("/cart")).isEqualTo("/cart");
        assertThat(ReturnPaths.safe("/c/headphones-audio?page=2&sort=price")).isEqualTo("/c/headphones-audio?page=2&sort=price");
        assertThat(ReturnPaths.safe("/account/orders")).isEqualTo("/account/orders");
    }

    @Test
    void anythingThatCouldLeaveTheShopGoesHome() {
        for (String evil : new String[] {null, "", "https://evil.example/", "//evil.example", "/\\evil.example",
                "javascript:alert(1)", "evil.example/x", "/ok\r\nSet-Cookie: x=y", "/\tx", "/a\\b", "/" + "a".repeat(600),
                "/login?return=/x", "/signup", "/logout"}) {
            assertThat(ReturnPaths.safe(evil)).as(String.valueOf(evil)).isEqualTo("/");
        }
    }
}
