package org.emporium.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * identity started on its own, beside the shared test context of {@link RunningIdentityServer}: for
 * several instances on one database, restarts, and starts that must fail.
 */
final class StandaloneIdentity {

    private StandaloneIdentity() {
    }

    /**
     * The settings of a start on a new database {@code database}: a random port, cookies for plain HTTP,
     * no tracing, the tests' SMTP server, sign-ups from 127.0.0.1 all but unlimited, the tests'
     * key-encryption key, the generated admin password in a file of its own.
     */
    static Map<String, Object> settings(String database) {
        Map<String, Object> settings = new HashMap<>(TestDatabase.create(database));
        settings.putAll(TestMail.settings());
        settings.put("server.port", "0");
        settings.put("server.servlet.session.cookie.secure", "false");
        settings.put("management.tracing.sampling.probability", "0");
        settings.put("emporium.identity.signup-throttle.ip-max-attempts", "100000");
        settings.put("emporium.identity.key-encryption-key", RunningIdentityServer.KEY_ENCRYPTION_KEY);
        settings.put("emporium.identity.admin-password-file", "target/test-admin-password-" + database);
        return settings;
    }

    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return new SpringApplicationBuilder(IdentityApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** {@code count} instances on the database of {@code settings}, started one after the other. */
    static List<ConfigurableApplicationContext> start(Map<String, Object> settings, int count) {
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instances.add(start(settings));
        }
        return instances;
    }

    static Browser browser(ConfigurableApplicationContext identity) {
        return new Browser(URI.create("http://localhost:" + identity.getEnvironment().getProperty("local.server.port") + "/"));
    }

    /** The database of {@code settings}, to look at while no instance runs. */
    static JdbcClient database(Map<String, Object> settings) {
        return JdbcClient.create(new DriverManagerDataSource(settings.get("spring.datasource.url").toString(),
                settings.get("spring.datasource.username").toString(), settings.get("spring.datasource.password").toString()));
    }
}
