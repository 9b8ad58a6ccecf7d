package org.echoic.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of the workbench's worker threads: a compute pool ("echoic-compute-N": summaries, tiles,
 * segmentation), one I/O thread ("echoic-io": opening and decoding, saving) and a timer
 * ("echoic-timer": periodic triggers such as autosave) and the one model thread ("echoic-training", see
 * {@link ModelThread}). All threads are daemons, so a
 * forgotten executor never keeps the JVM alive. Thread-safe.
 */
public final class AppExecutors implements AutoCloseable {
    private final ExecutorService compute;
    private final ExecutorService io;
    private final ScheduledExecutorService timer;
    private final ModelThread model = new ModelThread();

    /** Executors with {@code computeThreads} compute threads. */
    public AppExecutors(int computeThreads) {
        if (computeThreads < 1) {
            throw new IllegalArgumentException("at least one compute thread: " + computeThreads);
        }
        compute = Executors.newFixedThreadPool(computeThreads, named("echoic-compute-", true));
        io = Executors.newSingleThreadExecutor(named("echoic-io", false));
        timer = Executors.newSingleThreadScheduledExecutor(named("echoic-timer", false));
    }

    /** Executors sized for this machine: as many compute threads as cores, at least two. */
    public AppExecutors() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    private static ThreadFactory named(String name, boolean numbered) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, numbered ? name + count.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }

    /** CPU-bound work. */
    public ExecutorService compute() {
        return compute;
    }

    /** File reading and writing, one task at a time. */
    public ExecutorService io() {
        return io;
    }

    /** Periodic triggers (autosave); tasks only hand work to {@link #io()} or {@link #compute()}. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** The one thread that touches the model's ND4J arrays: training, inspection, generation. */
    public ModelThread model() {
        return model;
    }

    /** Interrupts running tasks and waits briefly for them to end. */
    @Override
    public void close() {
        compute.shutdownNow();
        io.shutdownNow();
        timer.shutdownNow();
        model.close();
        try {
            compute.awaitTermination(2, TimeUnit.SECONDS);
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
