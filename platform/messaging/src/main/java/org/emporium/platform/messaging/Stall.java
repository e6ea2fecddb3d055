package org.emporium.platform.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.emporium.platform.faults.FaultFlags;
import org.jboss.logging.Logger;

/**
 * A consumer stalled on purpose ({@code ./emporium chaos stall notifications 30s}; ADR 0013): before
 * each poll, while the service's faults ask for it, every partition the consumer holds is paused and
 * the poll returns nothing, so the consumer stays in its group (its partitions stay with it) and their
 * lag grows, as with a consumer stuck in its handler; lifted, it resumes where it was. One per
 * consumer, applied from its polling thread.
 */
final class Stall {

    private static final Logger LOG = Logger.getLogger(Stall.class);

    private final String consumer;
    private volatile boolean active;

    Stall(String consumer) {
        this.consumer = consumer;
    }

    /** Whether the consumer is stalled now (partitions assigned meanwhile are to be paused too). */
    boolean active() {
        return active;
    }

    void applyTo(Consumer<?, ?> c) {
        if (FaultFlags.inForce().stalls(System.currentTimeMillis())) {
            if (!active) {
                LOG.warnf("%s: consuming stalled on purpose (./emporium chaos stall)", consumer);
                active = true;
            }
            c.pause(c.assignment());
        } else if (active) {
            c.resume(c.paused());
            active = false;
            LOG.infof("%s: consuming again after a stall on purpose", consumer);
        }
    }
}
