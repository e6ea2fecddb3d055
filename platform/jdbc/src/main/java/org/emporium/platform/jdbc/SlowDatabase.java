package org.emporium.platform.jdbc;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import org.emporium.platform.faults.FaultFlags;

/**
 * A slow database on purpose ({@code ./emporium chaos latency orders 200ms 50% --to postgres};
 * ADR 0013): a share of the connections the service takes from its pool wait that long first, so
 * every transaction that meets the fault takes that much longer, its connection held meanwhile, as
 * with a database that answers slowly. Quarkus applies every such interceptor bean to the default
 * datasource. With no fault asked, one read of a field per connection taken.
 */
@ApplicationScoped
public class SlowDatabase implements AgroalPoolInterceptor {

    /** The database's name as a downstream, for {@code --to}. */
    public static final String DOWNSTREAM = "postgres";

    @Override
    public void onConnectionAcquire(Connection connection) {
        long delay = FaultFlags.inForce().delayMillisTowards(DOWNSTREAM);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
