package org.emporium.identity.mail;

/** An address as the log shows it: the first character of the local part and the domain, {@code a***@example.com}. */
final class MaskedEmail {

    private MaskedEmail() {
    }

    static String of(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
