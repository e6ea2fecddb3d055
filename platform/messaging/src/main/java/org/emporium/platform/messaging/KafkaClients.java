package org.emporium.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How every Kafka client of a service reaches the broker: its address and, when the service has
 * credentials ({@code emporium.kafka.username}/{@code password}, which the launcher and the
 * manifests always set), a SASL sign-in with them. The broker's ACLs then let the service write
 * only the topics it produces and read only those it consumes (the event contract says which).
 * Without credentials (a test's own broker) the connection is plaintext.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** The connection settings of a producer, consumer or admin client, to which each adds its own. */
    public static Map<String, Object> connection(String bootstrapServers) {
        var config = ConfigProvider.getConfig();
        return connection(bootstrapServers, config.getOptionalValue("emporium.kafka.username", String.class),
                config.getOptionalValue("emporium.kafka.password", String.class),
                config.getOptionalValue("emporium.kafka.sasl-mechanism", String.class).orElse("PLAIN"));
    }

    static Map<String, Object> connection(String bootstrapServers, Optional<String> username, Optional<String> password,
                                          String mechanism) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (username.isPresent() && password.isPresent()) {
            settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            settings.put(SaslConfigs.SASL_MECHANISM, mechanism);
            String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            settings.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + quoted(username.get())
                    + "\" password=\"" + quoted(password.get()) + "\";");
        }
        return settings;
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
