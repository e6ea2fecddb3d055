package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service graph as a reader sees it: who calls whom, who uses which store, and who publishes
 * and consumes which topic. Calls and stores come from the {@link Topology}; topics from the
 * event contract ({@code contracts/events/asyncapi.yaml}, its operations' {@code x-producer} and
 * {@code x-consumers}), which is their one home.
 */
public final class Graph {

    /** The event contract, relative to the checkout. */
    public static final String EVENT_CONTRACT = "contracts/events/asyncapi.yaml";

    /** A topic with the services that write and read it. */
    public record Topic(String name, Set<String> producers, Set<String> consumers) {
    }

    private final List<Node> nodes;
    private final Map<String, Topic> topics;

    public Graph(List<Node> nodes, Map<String, Topic> topics) {
        this.nodes = nodes;
        this.topics = topics;
    }

    public static Graph of(Path asyncApi) {
        return new Graph(Topology.GRAPH, topics(asyncApi));
    }

    public Map<String, Topic> topics() {
        return topics;
    }

    /** Reads each channel's address and the services the contract names as its producers and consumers. */
    static Map<String, Topic> topics(Path asyncApi) {
        JsonNode document;
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event contract " + asyncApi, e);
        }
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("operations").fields(); it.hasNext(); ) {
            JsonNode operation = it.next().getValue();
            String channel = operation.path("channel").path("$ref").asText().replace("#/channels/", "");
            String address = document.path("channels").path(channel).path("address").asText(channel);
            Topic topic = topics.computeIfAbsent(address, a -> new Topic(a, new LinkedHashSet<>(), new LinkedHashSet<>()));
            if (operation.hasNonNull("x-producer")) {
                topic.producers().add(operation.get("x-producer").asText());
            }
            operation.path("x-consumers").forEach(consumer -> topic.consumers().add(consumer.asText()));
        }
        return topics;
    }

    /** One paragraph per component: its port, what it calls, uses, publishes and consumes. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            out.append(String.format("%-16s :%d%s%n", node.name(), Topology.port(node.name()),
                    node.isService() ? "" : "  (infrastructure)"));
            line(out, "calls", node.calls());
            List<String> uses = new ArrayList<>();
            if (node.usesDatabase()) {
                uses.add("postgres (database " + node.name() + ")");
            }
            if (node.usesRedis()) {
                uses.add("redis");
            }
            if (node.usesMail()) {
                uses.add("mail (SMTP)");
            }
            if (node.usesAuth()) {
                uses.add("identity (verifies its tokens" + (node.usesServiceTokens() ? ", fetches service tokens)" : ")"));
            }
            line(out, "uses", uses);
            line(out, "publishes", topics.values().stream().filter(t -> t.producers().contains(node.name())).map(Topic::name).toList());
            line(out, "consumes", topics.values().stream().filter(t -> t.consumers().contains(node.name())).map(Topic::name).toList());
            line(out, "starts after", node.startsAfter());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, List<String> items) {
        if (!items.isEmpty()) {
            out.append(String.format("  %-13s %s%n", label, String.join(", ", items)));
        }
    }

    /**
     * A Mermaid flowchart: services as boxes, stores as cylinders, topics as flags; solid arrows
     * are HTTP calls, arrows through a topic are events, dotted ones are token checks.
     */
    public String mermaid() {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        out.append("  browser([browser]) --> gateway\n");
        for (Node node : nodes) {
            if (!node.isService()) {
                out.append("  ").append(id(node.name())).append("[(").append(node.name()).append(")]\n");
            }
        }
        for (Topic topic : topics.values()) {
            out.append("  ").append(id(topic.name())).append(">").append(topic.name()).append("]\n");
        }
        for (Node node : nodes) {
            for (String called : node.calls()) {
                out.append("  ").append(id(node.name())).append(" --> ").append(id(called)).append('\n');
            }
            for (String store : node.stores()) {
                out.append("  ").append(id(node.name())).append(" --- ").append(id(store)).append('\n');
            }
            if (node.usesAuth()) {
                out.append("  ").append(id(node.name())).append(" -.-> identity\n");
            }
        }
        for (Topic topic : topics.values()) {
            topic.producers().forEach(p -> out.append("  ").append(id(p)).append(" --> ").append(id(topic.name())).append('\n'));
            topic.consumers().forEach(c -> out.append("  ").append(id(topic.name())).append(" --> ").append(id(c)).append('\n'));
        }
        return out.toString();
    }

    private static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
