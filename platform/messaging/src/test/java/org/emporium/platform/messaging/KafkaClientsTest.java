package org.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    @Test
    void withoutCredentialsTheConnectionIsPlaintext() {
        assertThat(KafkaClients.connection("127.0.0.1:9092", Optional.empty(), Optional.empty(), "PLAIN"))
                .containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void withCredentialsTheClientSignsInWithTheMechanismsLoginModule() {
        assertThat(KafkaClients.connection("k:9092", Optional.of("orders"), Optional.of("p\"w"), "PLAIN"))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"orders\" password=\"p\\\"w\";");
        assertThat(KafkaClients.connection("k:9092", Optional.of("orders"), Optional.of("pw"), "SCRAM-SHA-512"))
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .hasEntrySatisfying("sasl.jaas.config", c -> assertThat(c.toString())
                        .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required"));
    }
}
