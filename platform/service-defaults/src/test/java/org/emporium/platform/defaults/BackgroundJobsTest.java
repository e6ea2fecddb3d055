package org.emporium.platform.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    private final BackgroundJobs jobs = new BackgroundJobs();
    // threads of their own: the common pool may have a single thread on a small machine
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Test
    void noRoundStartsOnceShutdownHasBegun() {
        AtomicInteger rounds = new AtomicInteger();
        jobs.round(rounds::incrementAndGet);
        assertFalse(jobs.stopping());

        jobs.stop(null);

        jobs.round(rounds::incrementAndGet);
        assertTrue(jobs.stopping());
        assertEquals(1, rounds.get(), "rounds run");
    }

    @Test
    void shutdownWaitsForTheRoundInFlightWhichStopsBetweenBatches() throws Exception {
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch finishBatch = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        CompletableFuture<Void> round = CompletableFuture.runAsync(() -> jobs.round(() -> {
            do {
                batches.incrementAndGet();
                inBatch.countDown();
                await(finishBatch);
            } while (!jobs.stopping());
        }), threads);
        assertTrue(inBatch.await(5, TimeUnit.SECONDS));

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> jobs.stop(null), threads);
        Thread.sleep(300);
        assertFalse(shutdown.isDone(), "shutdown waits for the batch in flight");

        finishBatch.countDown();
        shutdown.get(5, TimeUnit.SECONDS);
        round.get(5, TimeUnit.SECONDS);
        assertEquals(1, batches.get(), "batches");
        threads.shutdown();
    }

    @Test
    void fullBatchesRepeatAtOnceUntilOneComesBackShort() {
        int[] backlog = {7};

        int total = jobs.inBatches(3, () -> {
            int done = Math.min(3, backlog[0]);
            backlog[0] -= done;
            return done;
        });

        assertEquals(7, total, "items handled");
        assertEquals(0, backlog[0], "backlog left");
    }

    @Test
    void noFurtherBatchOnceShutdownHasBegun() {
        AtomicInteger batches = new AtomicInteger();

        int total = jobs.inBatches(3, () -> {
            if (batches.incrementAndGet() == 2) {
                jobs.stop(null);
            }
            return 3;
        });

        assertEquals(2, batches.get(), "batches run");
        assertEquals(6, total, "items handled");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
