package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ModelThreadTest {

    @Test
    void tasksSubmittedDuringALongTaskRunBetweenItsBatchesOnTheModelThreadOnce() throws Exception {
        try (ModelThread t = new ModelThread()) {
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean longDone = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> run = t.runLong(() -> {
                started.countDown();
                while (!stop.get()) {
                    t.runPending();
                    Thread.onSpinWait();
                }
                longDone.set(true);
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            AtomicInteger runs = new AtomicInteger();
            CompletableFuture<Boolean> inside = t.submit(() -> {
                runs.incrementAndGet();
                return t.isModelThread() && !longDone.get();
            });
            assertTrue(inside.get(5, TimeUnit.SECONDS), "ran on the model thread while the long task was running");
            stop.set(true);
            run.get(5, TimeUnit.SECONDS);
            Thread.sleep(50);
            assertEquals(1, runs.get(), "each task runs exactly once");
            assertFalse(t.isModelThread());
        }
    }

    @Test
    void afterCloseTasksFailInsteadOfThrowing() {
        ModelThread t = new ModelThread();
        t.close();
        CompletableFuture<Integer> f = t.submit(() -> 1);
        CancellationException e = assertThrows(CancellationException.class, () -> f.get(1, TimeUnit.SECONDS));
        assertTrue(e.getMessage().contains("model thread is closed"), e.getMessage());
        assertTrue(t.runLong(() -> { }).isCompletedExceptionally());
    }

    @Test
    void runPendingOffTheModelThreadIsRefused() throws Exception {
        try (ModelThread t = new ModelThread()) {
            t.submit(() -> 0).get(5, TimeUnit.SECONDS);
            assertThrows(IllegalStateException.class, t::runPending);
        }
    }
}
