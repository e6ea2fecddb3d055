package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of the event contract ({@code contracts/events/asyncapi.yaml}): each channel's address
 * with the partitions and topic configuration of its Kafka binding, the one home of both.
 */
final class ContractTopics {

    /** A topic: its name, partitions, and configuration (Kafka's names; lists joined by commas). */
    record Topic(String name, int partitions, Map<String, String> configuration) {

        boolean compacted() {
            return configuration.getOrDefault("cleanup.policy", "delete").contains("compact");
        }
    }

    private ContractTopics() {
    }

    static List<Topic> read(Path asyncApi) {
        JsonNode document;
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event contract " + asyncApi, e);
        }
        List<Topic> topics = new ArrayList<>();
        document.path("channels").properties().forEach(channel -> {
            JsonNode binding = channel.getValue().at("/bindings/kafka");
            String address = channel.getValue().path("address").asText(channel.getKey());
            if (!binding.path("partitions").canConvertToInt() || binding.path("partitions").asInt() < 1) {
                throw new IllegalStateException("channel " + channel.getKey() + " (" + address
                        + ") has no Kafka binding with its partitions in " + asyncApi);
            }
            Map<String, String> configuration = new LinkedHashMap<>();
            binding.path("topicConfiguration").properties().forEach(setting -> {
                JsonNode value = setting.getValue();
                List<String> values = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(v -> values.add(v.asText()));
                } else {
                    values.add(value.asText());
                }
                configuration.put(setting.getKey(), String.join(",", values));
            });
            topics.add(new Topic(address, binding.path("partitions").asInt(), configuration));
        });
        return topics;
    }
}
