package org.emporium.payments.domain;

/**
 * The card provider could not be reached or answered with an error: nothing is known to have
 * happened there, and the operation may be asked again (the provider is idempotent by payment id).
 */
public final class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message) {
        super(message, null, false, false);
    }
}
