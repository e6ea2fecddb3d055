package org.emporium.cart.domain;

import java.time.Instant;
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
}
