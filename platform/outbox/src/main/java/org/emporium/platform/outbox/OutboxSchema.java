package org.emporium.platform.outbox;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the outbox table with Flyway, in a history table of its own so the outbox's
 * migrations never interleave with the service's own version numbers.
 */
public final class OutboxSchema {

    private OutboxSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure(OutboxSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table("outbox_schema_history")
                .locations("classpath:db/outbox")
                // the service's own tables are usually there first
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
