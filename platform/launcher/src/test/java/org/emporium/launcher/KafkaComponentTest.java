package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
