package org.emporium.platform.messaging;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Creates topics if missing. Producer and consumers of a topic all call it with the same settings,
 * so whichever starts first creates it and neither has to wait for the other.
 */
public final class Topics {

    private static final Logger LOG = Logger.getLogger(Topics.class);

    private Topics() {
    }

    /** Creates each missing topic; one that exists already is left as it is. Fails with a {@link KafkaException}. */
    public static void createIfMissing(String bootstrapServers, List<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        properties.putAll(KafkaClients.connection(bootstrapServers));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(properties)) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                    LOG.infof("created topic %s (%d partitions, %s)", topic.name(), topic.numPartitions(),
                            topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("creating topic " + topic.name() + " failed", e.getCause());
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new KafkaException("creating topics timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }
}
