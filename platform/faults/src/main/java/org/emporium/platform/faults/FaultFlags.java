package org.emporium.platform.faults;

import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One service's view of the flag file, through OpenFeature and flagd's in-process file provider
 * (ADR 0013): the provider watches the file, and on every change this evaluates the service's
 * three fault flags once and keeps the result, so a request reads a field instead of evaluating
 * flags ({@link #current()}).
 */
public final class FaultFlags implements AutoCloseable {

    /** How often the provider looks at the file's modification time. */
    private static final int POLL_MILLIS = 250;
    /**
     * How long the provider may take to read the file the first time. Its default, 1 s, is too short
     * for a JVM that starts beside ten others on two cores (seen: services failed to start).
     */
    private static final int FIRST_READ_MILLIS = 30_000;
    private static final Value NOTHING = new Value();

    private final String service;
    private final FlagdProvider provider;
    private final Client client;
    private final Consumer<Faults> changed;
    private volatile Faults current = Faults.NONE;
    /** The faults of this process's watch: for code that no request filter reaches (a Kafka consumer, a pool). */
    private static volatile Faults inForce = Faults.NONE;

    private FaultFlags(String service, FlagdProvider provider, Client client, Consumer<Faults> changed) {
        this.service = service;
        this.provider = provider;
        this.client = client;
        this.changed = changed;
    }

    /**
     * Starts watching the file (written empty if missing, so the provider has something to read)
     * and returns once it was read.
     *
     * @param changed told of each change of this service's faults (a service logs it)
     * @throws RuntimeException when the file cannot be read in time (a service logs it and runs on without faults)
     */
    public static FaultFlags watch(Path file, String service, Consumer<Faults> changed) {
        if (!Files.exists(file)) {
            FlagFile.empty().write(file);
        }
        FlagdProvider provider = new FlagdProvider(FlagdOptions.builder().resolverType(Config.Resolver.FILE)
                .offlineFlagSourcePath(file.toAbsolutePath().toString()).offlinePollIntervalMs(POLL_MILLIS).deadline(FIRST_READ_MILLIS).build());
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        String domain = "emporium-faults-" + service;
        Client client = api.getClient(domain);
        FaultFlags flags = new FaultFlags(service, provider, client, changed);
        client.onProviderConfigurationChanged(details -> flags.refresh());
        api.setProviderAndWait(domain, provider);
        flags.refresh();
        return flags;
    }

    /**
     * This process's faults as its watch last read them ({@link Faults#NONE} without one): what code
     * that is not a CDI bean asks, such as the Kafka consumer loop (a stalled consumer).
     */
    public static Faults inForce() {
        return inForce;
    }

    /** This service's faults as the file last said. */
    public Faults current() {
        return current;
    }

    private void refresh() {
        Faults next = Fault.faults(value(Fault.LATENCY), value(Fault.ERRORS), value(Fault.CUT), value(Fault.STALL));
        if (!next.equals(current)) {
            current = next;
            inForce = next;
            changed.accept(next);
        }
    }

    private Map<String, Object> value(Fault kind) {
        Value value = client.getObjectValue(kind.key(service), NOTHING);
        return value.isStructure() ? value.asStructure().asObjectMap() : Map.of();
    }

    @Override
    public void close() {
        provider.shutdown();
        inForce = Faults.NONE;
    }
}
