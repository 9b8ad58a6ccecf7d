package org.echoic.service;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running batch generation: frames on the model thread, then sound on the compute pool. The UI polls
 * {@link #progress()} and {@link #stage()}; {@link #cancel()} stops it between two frames or inside
 * Griffin-Lim, and the result then completes with a {@link CancellationException}. Thread-safe.
 */
public final class GenerationJob {
    private final CompletableFuture<List<GeneratedItem>> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile double progress;
    private volatile String stage = "Waiting for the model thread";
    private volatile Future<?> computeTask;

    /** Completes with the batch, or exceptionally (a {@link CancellationException} after {@link #cancel()}). */
    public CompletableFuture<List<GeneratedItem>> result() {
        return result;
    }

    /** Fraction done of the current stage, in [0, 1]. */
    public double progress() {
        return progress;
    }

    /** What is running now, for the status line. */
    public String stage() {
        return stage;
    }

    /** Asks the job to stop; harmless after it ended. */
    public void cancel() {
        cancelled.set(true);
        Future<?> f = computeTask;
        if (f != null) {
            f.cancel(true);
        }
        result.completeExceptionally(new CancellationException("generation cancelled"));
    }

    void report(String newStage, double fraction) {
        if (cancelled.get()) {
            throw new CancellationException("generation cancelled");
        }
        stage = newStage;
        progress = fraction;
    }

    void computeTask(Future<?> f) {
        computeTask = f;
        if (cancelled.get()) {
            f.cancel(true);
        }
    }

    void complete(List<GeneratedItem> items) {
        result.complete(items);
    }

    void fail(Throwable e) {
        result.completeExceptionally(e);
    }
}
