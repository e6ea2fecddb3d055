package org.emporium.identity.oauth;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks the key-encryption key as soon as the settings are read, before the application context and
 * the database: a missing or malformed one stops the start there, with the one line of
 * {@link KeyEncryptionFailureAnalyzer} (a failure inside the context adds Spring's own warning with the
 * whole exception chain). Last among the listeners, so logging is set up (JSON) by then. Registered in
 * META-INF/spring.factories.
 */
public class KeyEncryptionKeyCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        SigningKeyCipher.fromSetting(event.getEnvironment().getProperty(SigningKeyCipher.PROPERTY));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
