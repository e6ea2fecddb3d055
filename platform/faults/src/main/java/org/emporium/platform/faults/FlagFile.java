package org.emporium.platform.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flag file every service watches (flagd's flag definition format, so flagd itself or any
 * OpenFeature provider of it can serve the same file): each fault is a flag {@code <service>.<kind>}
 * with one variant, on. Written whole and moved into place, so a reader never sees half a file.
 */
public final class FlagFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String VARIANT = "on";

    /** flag key → the value of its one variant */
    private final Map<String, Map<String, Object>> flags;

    private FlagFile(Map<String, Map<String, Object>> flags) {
        this.flags = new TreeMap<>(flags);
    }

    public static FlagFile empty() {
        return new FlagFile(Map.of());
    }

    /** The file as it is (none yet: empty). */
    @SuppressWarnings("unchecked")
    public static FlagFile read(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            Map<String, Object> document = JSON.readValue(file.toFile(), new TypeReference<>() { });
            Map<String, Map<String, Object>> flags = new LinkedHashMap<>();
            if (document.get("flags") instanceof Map<?, ?> all) {
                all.forEach((key, flag) -> {
                    if (flag instanceof Map<?, ?> f && f.get("variants") instanceof Map<?, ?> variants
                            && variants.get(VARIANT) instanceof Map<?, ?> value) {
                        flags.put((String) key, (Map<String, Object>) value);
                    }
                });
            }
            return new FlagFile(flags);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flag file " + file + ": " + e.getMessage(), e);
        }
    }

    public FlagFile with(String service, Fault kind, Map<String, Object> value) {
        FlagFile next = new FlagFile(flags);
        next.flags.put(kind.key(service), value);
        return next;
    }

    /** Without the given kind of fault of the service. */
    public FlagFile without(String service, Fault kind) {
        FlagFile next = new FlagFile(flags);
        next.flags.remove(kind.key(service));
        return next;
    }

    /** The value of one fault flag, or an empty map. */
    public Map<String, Object> value(String service, Fault kind) {
        return flags.getOrDefault(kind.key(service), Map.of());
    }

    public Faults faults(String service) {
        return Fault.faults(value(service, Fault.LATENCY), value(service, Fault.ERRORS), value(service, Fault.CUT),
                value(service, Fault.STALL));
    }

    /** Every flag's key and value, in key order. */
    public Map<String, Map<String, Object>> flags() {
        return Map.copyOf(flags);
    }

    public void write(Path file) {
        Map<String, Object> all = new LinkedHashMap<>();
        flags.forEach((key, value) -> all.put(key, Map.of("state", "ENABLED", "variants", Map.of(VARIANT, value),
                "defaultVariant", VARIANT)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            JSON.writeValue(next.toFile(), Map.of("flags", all));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the flag file " + file + ": " + e.getMessage(), e);
        }
    }
}
