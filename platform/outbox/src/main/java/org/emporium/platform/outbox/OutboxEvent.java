package org.emporium.platform.outbox;

import java.util.Objects;

/**
 * An event a service wants published: the Kafka topic, the aggregate id as key (all events of one
 * aggregate share a partition and so keep their order), the CloudEvents type and the data, which
 * is serialised as JSON.
 */
public record OutboxEvent(String topic, String key, String type, Object data) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
