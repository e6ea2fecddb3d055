package org.emporium.identity.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email syntax (a pragmatic subset of RFC 5321) and normalisation to lower case. */
public final class EmailAddress {

    private static final Pattern SYNTAX = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {
    }

    /** The normalised address, or empty when the syntax is invalid. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !SYNTAX.matcher(email).matches() || email.contains("..")
                || email.startsWith(".") || email.contains(".@")) {
            return Optional.empty();
        }
        return Optional.of(email);
    }
}
