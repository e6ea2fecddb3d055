package org.emporium.identity;

import java.util.Map;

/**
 * Starts an embedded PostgreSQL with an {@code identity} database and prints its JDBC URL, for trying
 * the service by hand (or measuring it) without a launcher. Stops when the process is killed.
 */
public final class DevPostgres {

    private DevPostgres() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> settings = TestDatabase.create("identity");
        System.out.println("EMPORIUM_IDENTITY_DB_URL=" + settings.get("spring.datasource.url"));
        System.out.flush();
        Thread.currentThread().join();
    }
}
