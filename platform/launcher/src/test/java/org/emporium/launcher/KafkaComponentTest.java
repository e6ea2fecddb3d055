package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaComponentTest {

    @Test
    void aClusterIdIsAUrlSafeBase64UuidThatNoParserTakesForAnOption() {
        // one id in 64 would start with "-" if drawn once: 10,000 draws all but certainly meet some
        for (int i = 0; i < 10_000; i++) {
            assertThat(KafkaComponent.clusterId()).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
        }
    }

    @Test
    void configuresASingleNodeKraftBrokerOnTheGivenPorts() {
        String properties = KafkaComponent.properties(19092, 19093, Path.of("/data/kafka"));
        assertThat(properties)
                .contains("process.roles=broker,controller")
                .contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .contains("controller.quorum.voters=1@127.0.0.1:19093")
                .contains("log.dirs=/data/kafka")
                .contains("offsets.topic.replication.factor=1");
    }

    @Test
    void withAccessEveryClientSignsInAndTheAuthorizerDeniesWhatNoAclAllows() {
        KafkaAccess access = new KafkaAccess(Map.of("admin", "a1", "orders", "o1"),
                List.of(new Graph.Topic("orders.events.v1", Set.of("orders"), Set.of("notifications"))));
        String properties = KafkaComponent.properties(19092, 19093, Path.of("/data/kafka"), access);
        assertThat(properties)
                .contains("listeners=SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .contains("listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
                .contains("user_orders=\"o1\"")
                .contains("super.users=User:admin")
                .contains("allow.everyone.if.no.acl.found=false")
                .doesNotContainPattern("[=,]PLAINTEXT://");
        assertThat(properties.lines().filter(l -> l.startsWith("listener.name.controller.")).findFirst().orElseThrow())
                .as("the controller's listener takes the broker only").doesNotContain("user_orders");
    }

    @Test
    void theContractGivesAProducerItsTopicsAndAConsumerItsTopicsAndGroups() {
        List<KafkaAccess.Grant> grants = KafkaAccess.grants(
                List.of(new Graph.Topic("orders.events.v1", Set.of("orders"), Set.of("notifications"))));
        assertThat(grants).extracting(g -> g.user() + " " + g.resource() + " " + g.name() + " " + g.pattern() + " " + g.operations())
                .containsExactlyInAnyOrder(
                        "orders TOPIC orders.events.v1 LITERAL [WRITE, DESCRIBE, CREATE]",
                        "notifications TOPIC orders.events.v1 LITERAL [READ, DESCRIBE, CREATE]",
                        "notifications GROUP notifications PREFIXED [READ, DESCRIBE]",
                        "orders TRANSACTIONAL_ID orders PREFIXED [WRITE, DESCRIBE]");
    }
}
