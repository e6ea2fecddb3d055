package org.emporium.identity.account;

/**
 * A valid sign-up for {@code email} was taken: {@code created} tells whether it made a new account or the
 * email already had one. Only the mail may tell the difference, never the answer (see {@code SignupMails}).
 */
public record SignupAttempted(String email, boolean created) {
}
