package org.emporium.notifications.persistence;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database (Flyway, migrations
 * under db/migration). Several instances may start at once: Flyway serialises them with a lock.
 */
@ApplicationScoped
public class SchemaMigration {

    void migrate(@Observes @Priority(1) StartupEvent event, DataSource dataSource) {
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
