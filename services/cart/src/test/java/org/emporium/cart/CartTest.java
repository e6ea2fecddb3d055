package org.emporium.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;
import org.junit.jupiter.api.Test;

/** A cart after one change of its lines, as the repository answers it without reading it again. */
class CartTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-12-06T18:00:00Z");

    private final Cart cart = new Cart(UUID.randomUUID(), "owner", null,
            List.of(new CartLine("AUD-000001", 2), new CartLine("KIT-000001", 1)), 4, CREATED, CREATED);

    @Test
    void aNewLineComesLastAndTheVersionAndTimeAreTheChanges() {
        Cart changed = cart.withLine("APP-000001", 3, 5, CHANGED);

        assertThat(changed.lines()).containsExactly(new CartLine("AUD-000001", 2), new CartLine("KIT-000001", 1),
                new CartLine("APP-000001", 3));
        assertThat(changed.version()).isEqualTo(5);
        assertThat(changed.updatedAt()).isEqualTo(CHANGED);
        assertThat(changed.createdAt()).isEqualTo(CREATED);
        assertThat(changed.owner()).isEqualTo("owner");
    }

    @Test
    void aLineTheCartHoldsKeepsItsPlace() {
        assertThat(cart.withLine("AUD-000001", 7, 5, CHANGED).lines())
                .containsExactly(new CartLine("AUD-000001", 7), new CartLine("KIT-000001", 1));
    }

    @Test
    void noUnitsIsNoLine() {
        assertThat(cart.withLine("AUD-000001", 0, 5, CHANGED).lines()).containsExactly(new CartLine("KIT-000001", 1));
        assertThat(cart.emptied(5, CHANGED).lines()).isEmpty();
        assertThat(cart.emptied(5, CHANGED).version()).isEqualTo(5);
    }
}
