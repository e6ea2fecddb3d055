package org.emporium.identity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The password rules (NIST SP 800-63B style): 12 to 128 characters, not the email, not one of the most
 * common passwords. No composition rules.
 */
public final class PasswordPolicy {

    public static final int MIN = 12;
    public static final int MAX = 128;

    private final Set<String> common;

    public PasswordPolicy(Set<String> common) {
        this.common = common.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static PasswordPolicy withEmbeddedList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the classpath");
            }
            Set<String> words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toSet());
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> check(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN) {
            return Optional.of("must be at least " + MIN + " characters");
        }
        if (length > MAX) {
            return Optional.of("must be at most " + MAX + " characters");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            return Optional.of("must not be the email address");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("is too common; choose another");
        }
        return Optional.empty();
    }
}
