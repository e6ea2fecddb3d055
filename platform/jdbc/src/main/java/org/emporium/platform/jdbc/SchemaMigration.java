package org.emporium.platform.jdbc;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the service's schema up to date before anything else touches the database: Flyway as a
 * plain library (the quarkus-flyway extension does not resolve here), migrations under the
 * service's {@code db/migration}, at startup priority 1 (the outbox creates its table at 2, jobs and
 * consumers start later). Several instances may start at once: Flyway serialises them with a lock.
 */
@ApplicationScoped
public class SchemaMigration {

    void migrate(@Observes @Priority(1) StartupEvent event, DataSource dataSource) {
        // the context class loader is the application's, which sees the service's migrations
        // even when this library is loaded by a parent loader (dev and test modes)
        Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
