package org.echoic.service;

import java.util.concurrent.Future;

import org.echoic.segment.AutoTune;

/**
 * A running auto-tune ({@link SegmentationSession#autoTune()}): its progress (0–1) for a view to poll, and its
 * future, which completes with the best parameters or is cancelled. Thread-safe.
 */
public final class AutoTuneJob {
    private volatile double progress;
    private volatile Future<AutoTune.Result> future;

    void setProgress(double fraction) {
        progress = fraction;
    }

    void setFuture(Future<AutoTune.Result> f) {
        future = f;
    }

    /** Fraction done, 0–1. */
    public double progress() {
        return progress;
    }

    /** The search; {@code get()} gives the result, {@code cancel(true)} stops it. */
    public Future<AutoTune.Result> future() {
        return future;
    }

    /** Stops the search. */
    public void cancel() {
        future.cancel(true);
    }
}
