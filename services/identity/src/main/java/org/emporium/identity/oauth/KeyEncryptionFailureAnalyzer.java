package org.emporium.identity.oauth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start stopped by {@link KeyEncryptionException} is reported as its message alone: Spring Boot then
 * logs one event (one JSON line) instead of the exception with its stack trace, which would bury the
 * setting to fix. Registered in META-INF/spring.factories.
 */
public class KeyEncryptionFailureAnalyzer extends AbstractFailureAnalyzer<KeyEncryptionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyEncryptionException cause) {
        return new FailureAnalysis(cause.getMessage(), null, cause);
    }
}
