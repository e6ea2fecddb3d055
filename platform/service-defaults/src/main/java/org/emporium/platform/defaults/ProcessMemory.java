package org.emporium.platform.defaults;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code process_resident_memory_bytes}: the process's resident set (heap, metaspace, code cache,
 * thread stacks, direct buffers, the class data archive), which the JVM memory families do not add up
 * to. Read from /proc/self/status at each scrape; NaN where there is none (not Linux).
 */
public class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Produces
    @Singleton
    MeterBinder residentMemory() {
        return registry -> Gauge.builder("process.resident.memory", ProcessMemory::residentBytes)
                .description("Resident set size of the process (VmRSS)")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }

    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:	  123456 kB"
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024d;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
