package org.emporium.storefront.client.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last category list the catalog gave us: the nav still renders while the catalog is down. A
 * bean of its own rather than a field of {@link GuardedCatalog}, whose every method is under the
 * fault tolerance policy (a plain read of what is known must not be).
 */
@ApplicationScoped
class KnownCategories {

    private final AtomicReference<List<Category>> last = new AtomicReference<>(List.of());

    void remember(List<Category> categories) {
        last.set(categories);
    }

    List<Category> get() {
        return last.get();
    }
}
