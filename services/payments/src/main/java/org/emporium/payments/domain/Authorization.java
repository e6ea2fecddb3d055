package org.emporium.payments.domain;

/** The provider's answer to an authorization. A decline is a normal answer, not an error. */
public sealed interface Authorization {

    /** The amount is held; the code identifies the hold at the provider. */
    record Approved(String authorizationCode) implements Authorization {
    }

    /** The issuer said no (e.g. card_declined). */
    record Declined(String code, String reason) implements Authorization {
    }

    /** The provider could not process it (e.g. processing_error); nothing is held. */
    record Failed(String code, String reason) implements Authorization {
    }
}
