package org.echoic.service;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that touches the model's ND4J arrays ("echoic-training"). Short model tasks
 * (inspection, generation, loading a checkpoint) are {@link #submit submitted}; while a long task (a
 * training run) occupies the thread it must call {@link #runPending()} at every batch boundary, so that
 * submitted tasks run between batches instead of waiting for the run to end. Each submitted task runs
 * exactly once. After {@link #close()} new tasks complete at once with a {@link CancellationException}.
 * Thread-safe.
 */
public final class ModelThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "echoic-training");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private volatile Thread owner;

    /** Runs a long task (e.g. training) on the model thread; it must call {@link #runPending()} often. */
    public CompletableFuture<Void> runLong(Runnable task) {
        try {
            return CompletableFuture.runAsync(() -> {
                owner = Thread.currentThread();
                task.run();
            }, thread);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closed());
        }
    }

    /**
     * Runs {@code task} on the model thread: between two batches of a running long task, or as soon as the
     * thread is free. The future completes with the result or the exception.
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pending.add(() -> {
            if (f.isDone()) {
                return;
            }
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            thread.execute(this::runPending);
        } catch (RejectedExecutionException e) {
            pending.clear();
            f.completeExceptionally(closed());
        }
        return f;
    }

    private static CancellationException closed() {
        return new CancellationException("the model thread is closed (the workbench is shutting down)");
    }

    /** Runs the submitted tasks now; call only from the model thread (a long task's batch boundary). */
    public void runPending() {
        if (owner == null) {
            owner = Thread.currentThread();
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("runPending() called off the model thread");
        }
        Runnable r;
        while ((r = pending.poll()) != null) {
            r.run();
        }
    }

    /** True on the model thread. */
    public boolean isModelThread() {
        return Thread.currentThread() == owner;
    }

    /** Interrupts the thread and waits briefly for it to end. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
