package org.emporium.storefront.client.catalog;

/** The catalog answered 404; {@link CatalogClient} turns it into an empty result, it never leaves this package. */
class CatalogNotFoundException extends RuntimeException {

    CatalogNotFoundException(String message) {
        super(message, null, false, false);
    }
}
