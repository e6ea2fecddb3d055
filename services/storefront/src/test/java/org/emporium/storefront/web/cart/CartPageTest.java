package org.emporium.storefront.web.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.cart.Cart;
import org.junit.jupiter.api.Test;

class CartPageTest {

    @Test
    void quantitiesAreWholeNumbersUpTo99() {
        assertThat(CartPage.parseQuantity("1", 1)).isEqualTo(1);
        assertThat(CartPage.parseQuantity(" 99 ", 1)).isEqualTo(99);
        assertThat(CartPage.parseQuantity("0", 0)).isZero();
        assertThat(CartPage.parseQuantity("0", 1)).isNull();
        assertThat(CartPage.parseQuantity("100", 1)).isNull();
        assertThat(CartPage.parseQuantity("-1", 0)).isNull();
        assertThat(CartPage.parseQuantity("1.5", 1)).isNull();
        assertThat(CartPage.parseQuantity("", 1)).isNull();
        assertThat(CartPage.parseQuantity(null, 1)).isNull();
        assertThat(CartPage.parseQuantity("99999999999", 1)).isNull();
    }

    @Test
    void cartViewFormatsLinesAndNotesShortStock() {
        Money usd = new Money("12.5", "USD");
        Cart cart = new Cart("c1", List.of(
                new Cart.Line("AUD-000001", null, "Thing", usd, 2, new Money("25.00", "USD"), 1, true),
                new Cart.Line("AUD-000002", null, null, null, 1, null, null, null)),
                new Money("25.00", "USD"), 3, true);

        CartView view = CartView.of(cart);

        assertThat(view.itemCountLabel()).isEqualTo("3 items");
        assertThat(view.partial()).isTrue();
        assertThat(view.lines().get(0).unitPrice()).isEqualTo("$12.50");
        assertThat(view.lines().get(0).stockNote()).isEqualTo("Only 1 left");
        assertThat(view.lines().get(1).name()).isEqualTo("AUD-000002");
        assertThat(view.lines().get(1).unitPrice()).isEqualTo("\u2014");
        assertThat(view.lines().get(1).stockNote()).isNull();
    }

    @Test
    void miniCartLabelCountsItems() {
        assertThat(new MiniCart(1).label()).isEqualTo("Cart, 1 item");
        assertThat(new MiniCart(0).label()).isEqualTo("Cart, 0 items");
        assertThat(MiniCart.UNKNOWN.label()).isEqualTo("Cart");
        assertThat(MiniCart.current()).isEqualTo(MiniCart.UNKNOWN);
    }
}
