package org.emporium.cart.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A cart as stored: its lines in the order they were first added, and its version. {@code owner}
 * is the account it belongs to (null: a guest cart, reachable by its id alone); {@code mergedInto}
 * is set once its lines went into its owner's other cart at sign-in: it is then closed.
 */
public record Cart(UUID id, String owner, UUID mergedInto, List<CartLine> lines, long version, Instant createdAt,
                   Instant updatedAt) {

    public Optional<CartLine> line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public boolean closed() {
        return mergedInto != null;
    }

    /**
     * This cart after one change of its lines, at its new version: the line of {@code sku} holds
     * {@code quantity} units (0: the line is gone), and a new line comes last, as it was added last.
     */
    public Cart withLine(String sku, int quantity, long version, Instant updatedAt) {
        List<CartLine> changed = new ArrayList<>(lines.size() + 1);
        boolean had = false;
        for (CartLine line : lines) {
            if (!line.sku().equals(sku)) {
                changed.add(line);
                continue;
            }
            had = true;
            if (quantity > 0) {
                changed.add(new CartLine(sku, quantity));
            }
        }
        if (!had && quantity > 0) {
            changed.add(new CartLine(sku, quantity));
        }
        return new Cart(id, owner, mergedInto, List.copyOf(changed), version, createdAt, updatedAt);
    }

    /** This cart with no lines, at its new version. */
    public Cart emptied(long version, Instant updatedAt) {
        return new Cart(id, owner, mergedInto, List.of(), version, createdAt, updatedAt);
    }
}
