package org.emporium.identity.oauth;

/**
 * The key-encryption key is missing, malformed, or does not open a stored signing key. Identity
 * cannot sign without it and must not make a new key instead, so it refuses to start; the message is
 * the one line the log shows ({@link KeyEncryptionFailureAnalyzer}) and never holds key material.
 * (No exit code of its own: Spring Boot would publish it as an event into the context that just
 * failed, which logs a stack trace while closing it.)
 */
public class KeyEncryptionException extends IllegalStateException {

    KeyEncryptionException(String message) {
        super(message);
    }
}
