package org.echoic.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.echoic.audio.Recording;
import org.echoic.audio.SummaryPyramid;

/**
 * A recording open in the workspace with its summary pyramids, one per channel asked for (each channel or the
 * mean), built in the background on first request. Thread-safe: the pyramids are readable while they fill, the
 * progress is polled.
 */
public final class OpenRecording {
    private final Recording recording;
    private final ExecutorService compute;
    private final Map<Integer, Build> builds = new ConcurrentHashMap<>();
    private int runningBuilds;
    private boolean closed;

    /** A pyramid being built (or built) with its progress and any error. */
    private static final class Build {
        final SummaryPyramid pyramid;
        volatile double progress;
        volatile String error;
        volatile Future<?> future;

        Build(SummaryPyramid pyramid) {
            this.pyramid = pyramid;
        }
    }

    OpenRecording(Recording recording, ExecutorService compute) {
        this.recording = recording;
        this.compute = compute;
    }

    public Recording recording() {
        return recording;
    }

    /** The file name shown to users. */
    public String name() {
        return recording.path().getFileName() == null ? recording.path().toString()
                : recording.path().getFileName().toString();
    }

    /** The channel shown first: the only channel of a mono file, the mean of several. */
    public int defaultChannel() {
        return recording.channels() == 1 ? 0 : Recording.MEAN_CHANNEL;
    }

    /** The pyramid of {@code channel} (or the mean), starting its build on the compute pool if it is new. */
    public SummaryPyramid pyramid(int channel) {
        return builds.computeIfAbsent(channel, c -> {
            Build b = new Build(SummaryPyramid.create(recording, c));
            b.future = compute.submit(() -> build(b));
            return b;
        }).pyramid;
    }

    private void build(Build b) {
        synchronized (this) {
            if (closed) {
                return;
            }
            runningBuilds++;
        }
        try {
            b.pyramid.run(f -> b.progress = f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            b.error = recording.path() + ": reading failed while summarising: " + e.getMessage();
        } finally {
            synchronized (this) {
                runningBuilds--;
                if (closed && runningBuilds == 0) {
                    recording.close();
                }
            }
        }
    }

    /** Fraction of {@code channel}'s pyramid built, in [0, 1]; 0 if it was never asked for. */
    public double buildProgress(int channel) {
        Build b = builds.get(channel);
        return b == null ? 0 : b.pyramid.isComplete() ? 1 : b.progress;
    }

    /** Why {@code channel}'s pyramid build failed, or null. */
    public String buildError(int channel) {
        Build b = builds.get(channel);
        return b == null ? null : b.error;
    }

    /** Cancels the builds and releases the recording once no build reads it any more. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Build b : builds.values()) {
            b.future.cancel(true);
        }
        if (runningBuilds == 0) {
            recording.close();
        }
    }
}
