package org.emporium.cart.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A cart as stored: its lines in the order they were first added, and its version. {@code owner}
 * is the account it belongs to (null: a guest cart, reachable by its id alone); {@code mergedInto}
 * is set once its lines went into its owner's other cart at sign-in: it is then closed.
 */
public record Cart(UUID id, String owner, UUID mergedInto, List<CartLine> lines, long version, Instant createdAt,
                   Instant updatedAt) {

    /** The line of {@code sku} with exactly these options (none: the line without options). */
    public Optional<CartLine> line(String sku, Map<String, String> options) {
        return lines.stream().filter(l -> l.is(sku, options)).findFirst();
    }

    /** Units of {@code sku} on all its lines (in whatever options) but the one with {@code options}. */
    public int unitsOnOtherLines(String sku, Map<String, String> options) {
        return lines.stream().filter(l -> l.sku().equals(sku) && !l.is(sku, options)).mapToInt(CartLine::quantity).sum();
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public boolean closed() {
        return mergedInto != null;
    }

    /** {@link #withLine(String, Map, int, long, Instant)} for the line without options. */
    public Cart withLine(String sku, int quantity, long version, Instant updatedAt) {
        return withLine(sku, Map.of(), quantity, version, updatedAt);
    }

    /**
     * This cart after one change of its lines, at its new version: the line of {@code sku} with
     * {@code options} holds {@code quantity} units (0: the line is gone), and a new line comes
     * last, as it was added last.
     */
    public Cart withLine(String sku, Map<String, String> options, int quantity, long version, Instant updatedAt) {
        List<CartLine> changed = new ArrayList<>(lines.size() + 1);
        boolean had = false;
        for (CartLine line : lines) {
            if (!line.is(sku, options)) {
                changed.add(line);
                continue;
            }
            had = true;
            if (quantity > 0) {
                changed.add(new CartLine(sku, options, quantity));
            }
        }
        if (!had && quantity > 0) {
            changed.add(new CartLine(sku, options, quantity));
        }
        return new Cart(id, owner, mergedInto, List.copyOf(changed), version, createdAt, updatedAt);
    }

    /** This cart with no lines, at its new version. */
    public Cart emptied(long version, Instant updatedAt) {
        return new Cart(id, owner, mergedInto, List.of(), version, createdAt, updatedAt);
    }
}
