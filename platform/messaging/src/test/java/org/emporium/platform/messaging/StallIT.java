package org.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.messaging.KafkaTestSupport.await;
import static org.emporium.platform.messaging.KafkaTestSupport.producer;
import static org.emporium.platform.messaging.KafkaTestSupport.send;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.faults.Fault;
import org.emporium.platform.faults.FaultFlags;
import org.emporium.platform.faults.FlagFile;
import org.emporium.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./emporium chaos stall: a consumer whose service is stalled consumes nothing and keeps its
 * partitions (its lag grows); cleared, it consumes what waited, in order.
 */
class StallIT {

    @TempDir
    Path folder;

    @Test
    void aStalledConsumerConsumesNothingKeepsItsPartitionsAndCatchesUpWhenCleared() throws Exception {
        Path file = folder.resolve("flags.json");
        String topic = "stall.orders.v1";
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             FaultFlags ignoredWatch = FaultFlags.watch(file, "notifications", faults -> { });
             KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers());
             ConsumerLoop loop = ConsumerLoop.start(new ConsumerLoop.Settings("stall-test", kafka.bootstrapServers(), "stall-test",
                     List.of(topic), 10), event -> seen.add(event.key()))) {
            send(producer, topic, "before", "emporium.test.Stalled", "{}");
            await(() -> seen.contains("before"));

            FlagFile.read(file).with("notifications", Fault.STALL, Fault.stall(0)).write(file);
            await(loop::stalled); // read before a poll, and from then on every partition is paused
            send(producer, topic, "during-1", "emporium.test.Stalled", "{}");
            send(producer, topic, "during-2", "emporium.test.Stalled", "{}");
            await(() -> loop.lag().values().stream().mapToLong(Long::longValue).sum() == 2);
            assertThat(seen).as("nothing consumed while stalled").containsExactly("before");
            assertThat(loop.lag().keySet()).as("its partitions stay with it").contains(new TopicPartition(topic, 0));

            FlagFile.empty().write(file);
            await(() -> !loop.stalled());
            await(() -> seen.containsAll(List.of("during-1", "during-2")));
            await(() -> loop.lag().values().stream().mapToLong(Long::longValue).sum() == 0);
        }
    }
}
