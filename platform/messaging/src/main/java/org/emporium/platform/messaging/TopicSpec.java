package org.emporium.platform.messaging;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A topic the service owns and the relay creates if missing: {@code name[:partitions][:compact]},
 * for example {@code catalog.product.v1:3:compact}. A compacted topic keeps the latest event per
 * key forever, so a consumer can rebuild its state by replaying it.
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public static TopicSpec parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts[0].isBlank()) {
            throw new IllegalArgumentException("empty topic name in '" + text + "'");
        }
        int partitions = 3;
        boolean compacted = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("compact")) {
                compacted = true;
            } else {
                try {
                    partitions = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + parts[i] + "' in topic '" + text
                            + "' is neither a partition count nor 'compact'");
                }
            }
        }
        return new TopicSpec(parts[0], partitions, compacted);
    }

    /** The topic to create: one replica (a single broker here), compaction if asked for. */
    public NewTopic newTopic() {
        return new NewTopic(name, partitions, (short) 1).configs(compacted
                ? Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000") : Map.of());
    }
}
