package org.emporium.gateway.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code process_resident_memory_bytes}, as every Quarkus service has it (platform/service-defaults
 * ProcessMemory): the resident set, which the JVM memory families do not add up to. Read from
 * /proc/self/status at each scrape; NaN where there is none (not Linux).
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    static MeterBinder binder() {
        return registry -> Gauge.builder("process.resident.memory", ProcessMemory::residentBytes)
                .description("Resident set size of the process (VmRSS)")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }

    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024d;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
