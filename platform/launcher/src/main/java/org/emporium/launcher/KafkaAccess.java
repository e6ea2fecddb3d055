package org.emporium.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may sign in to the local Kafka and what each may do (issue 19). Every client signs in with
 * SASL PLAIN (over loopback only) as a user of its own: the launcher and the broker itself as
 * {@value #ADMIN}, the one super user; each service as its name, with a password generated into
 * .emporium/secrets/kafka-NAME. The broker's StandardAuthorizer then allows a service only what
 * the event contract gives it: to write (and create) the topics it produces, to read (and create)
 * those it consumes, and its own consumer groups (named after it). Everything else is denied.
 */
final class KafkaAccess {

    static final String ADMIN = "admin";
    static final String MECHANISM = "PLAIN";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final Map<String, String> passwords;
    private final Collection<Graph.Topic> topics;
    private volatile boolean granted;

    /**
     * @param passwords user → password; {@value #ADMIN} among them
     * @param topics    the contract's topics with their producers and consumers
     */
    KafkaAccess(Map<String, String> passwords, Collection<Graph.Topic> topics) {
        if (!passwords.containsKey(ADMIN)) {
            throw new IllegalArgumentException("no password for Kafka's " + ADMIN);
        }
        this.passwords = Map.copyOf(passwords);
        this.topics = List.copyOf(topics);
    }

    /** The broker's listeners and sign-in settings, with every user's password (the file is owner-readable only). */
    String brokerProperties(int port, int controllerPort) {
        StringBuilder users = new StringBuilder();
        passwords.forEach((user, password) -> users.append(" user_").append(user).append("=\"").append(password).append('"'));
        String self = " username=\"" + ADMIN + "\" password=\"" + passwords.get(ADMIN) + "\"";
        return """
                listeners=SASL_PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=SASL_PLAINTEXT://127.0.0.1:%1$d
                inter.broker.listener.name=SASL_PLAINTEXT
                listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
                sasl.enabled.mechanisms=%3$s
                sasl.mechanism.inter.broker.protocol=%3$s
                sasl.mechanism.controller.protocol=%3$s
                listener.name.sasl_plaintext.plain.sasl.jaas.config=%4$s required%5$s%6$s;
                # the controller's listener takes only the broker itself
                listener.name.controller.plain.sasl.jaas.config=%4$s required%5$s user_%7$s="%8$s";
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:%7$s
                allow.everyone.if.no.acl.found=false
                """.formatted(port, controllerPort, MECHANISM, PLAIN_LOGIN, self, users, ADMIN, passwords.get(ADMIN));
    }

    /**
     * What a user may do with one resource: a topic by its name, or the consumer groups whose
     * names start with one. Kafka's own operation names (WRITE, READ, DESCRIBE, CREATE).
     */
    record Grant(String user, ResourceType resource, String name, PatternType pattern, List<AclOperation> operations) {
    }

    /**
     * What the contract allows each service: to write (and create) the topics it produces, to
     * read (and create, as its producer would: Topics.createIfMissing) those it consumes, and its
     * own consumer groups, which are its name or start with it ("inventory", "inventory-catalog");
     * and a producer its own transactional ids, named the same way (recommendations publishes its
     * seeded history in one transaction, ADR 0023).
     * The one home of these rules: the local broker's ACLs and Strimzi's KafkaUsers both come from here.
     */
    static List<Grant> grants(Collection<Graph.Topic> topics) {
        List<Grant> grants = new ArrayList<>();
        Set<String> consumers = new TreeSet<>();
        Set<String> producers = new TreeSet<>();
        for (Graph.Topic topic : topics) {
            for (String producer : topic.producers()) {
                grants.add(new Grant(producer, ResourceType.TOPIC, topic.name(), PatternType.LITERAL,
                        List.of(AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE)));
                producers.add(producer);
            }
            for (String consumer : topic.consumers()) {
                grants.add(new Grant(consumer, ResourceType.TOPIC, topic.name(), PatternType.LITERAL,
                        List.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE)));
                consumers.add(consumer);
            }
        }
        consumers.forEach(consumer -> grants.add(new Grant(consumer, ResourceType.GROUP, consumer, PatternType.PREFIXED,
                List.of(AclOperation.READ, AclOperation.DESCRIBE))));
        producers.forEach(producer -> grants.add(new Grant(producer, ResourceType.TRANSACTIONAL_ID, producer, PatternType.PREFIXED,
                List.of(AclOperation.WRITE, AclOperation.DESCRIBE))));
        return grants;
    }

    /** The grants as the broker's ACLs. */
    List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant grant : grants(topics)) {
            ResourcePattern resource = new ResourcePattern(grant.resource(), grant.name(), grant.pattern());
            grant.operations().forEach(operation -> bindings.add(new AclBinding(resource,
                    new AccessControlEntry("User:" + grant.user(), "*", operation, AclPermissionType.ALLOW))));
        }
        return bindings;
    }

    /**
     * Creates the ACLs (again: creating one that exists changes nothing; they live in the broker's
     * metadata log). True once done; false while the broker cannot take them yet.
     */
    boolean grant(String bootstrapServers) {
        if (granted) {
            return true;
        }
        Properties settings = new Properties();
        settings.putAll(client(bootstrapServers, ADMIN, passwords.get(ADMIN)));
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(settings)) {
            admin.createAcls(bindings()).all().get(10, TimeUnit.SECONDS);
            granted = true;
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** A client's sign-in as {@code user}. */
    static Map<String, Object> client(String bootstrapServers, String user, String password) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, PLAIN_LOGIN + " required username=\"" + user + "\" password=\"" + password + "\";");
    }
}
