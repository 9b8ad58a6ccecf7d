package org.echoic.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.render.SpectrogramTile;
import org.echoic.render.SpectrogramTileCache;
import org.echoic.render.SpectrogramTileKey;

/**
 * Fills a {@link SpectrogramTileCache} in the background for the views that show spectrograms. Each view states
 * the tiles it wants with {@link #request}; the request replaces the view's previous one ("latest wins"): queued
 * tiles no longer wanted are dropped, tiles being computed for other settings (recording, channel or STFT
 * parameters) are cancelled, and a tile that finishes after its settings went stale is discarded. At most
 * {@code maxInFlight} tiles run at once on the compute executor. Views learn about new tiles by polling
 * {@link #completedTiles()} from their animation timer (no callback per tile). Thread-safe; no JavaFX.
 */
public final class SpectrogramService implements AutoCloseable {
    /** The default memory bound of the cache: 128 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 128L << 20;

    private final ExecutorService executor;
    private final int maxInFlight;
    private final SpectrogramTileCache cache;
    private final Map<Object, Demand> demands = new HashMap<>();
    private final Map<SpectrogramTileKey, Running> running = new HashMap<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private volatile String lastError;
    private boolean closed;

    /** What one view wants: the recording, the settings of its tiles and the tiles still to compute, in order. */
    private static final class Demand {
        final Recording recording;
        final Object recordingKey;
        final int channel;
        final StftParams params;
        final ArrayDeque<SpectrogramTileKey> queue = new ArrayDeque<>();

        Demand(Recording recording, Object recordingKey, int channel, StftParams params) {
            this.recording = recording;
            this.recordingKey = recordingKey;
            this.channel = channel;
            this.params = params;
        }

        boolean sameSettings(SpectrogramTileKey k) {
            return k.recordingKey().equals(recordingKey) && k.channel() == channel && k.params().equals(params);
        }
    }

    /** A tile being computed, for whom. */
    private record Running(Object viewId, Future<?> future) {
    }

    /**
     * @param executor    runs the tile computations (the compute pool)
     * @param maxInFlight most tiles computed at once (e.g. the number of compute threads)
     * @param cacheBytes  memory bound of the tile cache
     */
    public SpectrogramService(ExecutorService executor, int maxInFlight, long cacheBytes) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one tile in flight: " + maxInFlight);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxInFlight = maxInFlight;
        this.cache = new SpectrogramTileCache(cacheBytes);
    }

    /** The cache the views paint from. */
    public SpectrogramTileCache cache() {
        return cache;
    }

    /**
     * Replaces what {@code viewId} wants: the tiles among {@code keys} not cached yet are computed in the given
     * order. All keys must share one recording key, channel and STFT parameters (the view's settings).
     *
     * @param recording the recording the keys' {@code recordingKey} names
     * @param keys      the tiles the view shows now (may be empty: the view wants nothing)
     */
    public synchronized void request(Object viewId, Recording recording, List<SpectrogramTileKey> keys) {
        if (closed) {
            return;
        }
        if (keys.isEmpty()) {
            demands.remove(viewId);
            cancelRunning(viewId, k -> true);
            return;
        }
        SpectrogramTileKey first = keys.get(0);
        Demand d = new Demand(recording, first.recordingKey(), first.channel(), first.params());
        Set<SpectrogramTileKey> wanted = new LinkedHashSet<>(keys);
        for (SpectrogramTileKey k : wanted) {
            if (!d.sameSettings(k)) {
                throw new IllegalArgumentException("one request must share the recording, channel and STFT settings");
            }
            if (cache.get(k) == null && !running.containsKey(k)) {
                d.queue.add(k);
            }
        }
        demands.put(viewId, d);
        cancelRunning(viewId, k -> !d.sameSettings(k));
        startMore();
    }

    /** Stops computing for {@code viewId} (e.g. the view closed). */
    public synchronized void forget(Object viewId) {
        demands.remove(viewId);
        cancelRunning(viewId, k -> true);
    }

    /** Tiles computed and cached since the service started; a view repaints when this changes. */
    public long completedTiles() {
        return completed.get();
    }

    /** Tiles computed and thrown away because their settings went stale before they finished. */
    public long discardedTiles() {
        return discarded.get();
    }

    /** Tiles {@code viewId} still waits for (queued or running). */
    public synchronized int pending(Object viewId) {
        Demand d = demands.get(viewId);
        int n = d == null ? 0 : d.queue.size();
        for (Running r : running.values()) {
            n += r.viewId().equals(viewId) ? 1 : 0;
        }
        return n;
    }

    /** The message of the last failed tile computation (e.g. the file became unreadable), or null. */
    public String lastError() {
        return lastError;
    }

    private void cancelRunning(Object viewId, java.util.function.Predicate<SpectrogramTileKey> which) {
        List<SpectrogramTileKey> stale = new ArrayList<>();
        running.forEach((k, r) -> {
            if (r.viewId().equals(viewId) && which.test(k)) {
                stale.add(k);
            }
        });
        for (SpectrogramTileKey k : stale) {
            running.remove(k).future().cancel(true);
        }
    }

    /** Starts queued tiles while fewer than maxInFlight run. Caller holds the lock. */
    private void startMore() {
        while (running.size() < maxInFlight) {
            Map.Entry<Object, Demand> next = null;
            for (Map.Entry<Object, Demand> e : demands.entrySet()) {
                if (!e.getValue().queue.isEmpty()) {
                    next = e;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            Object viewId = next.getKey();
            Demand d = next.getValue();
            SpectrogramTileKey key = d.queue.poll();
            if (cache.get(key) != null || running.containsKey(key)) {
                continue;
            }
            try {
                Future<?> f = executor.submit(() -> computeTile(viewId, d.recording, key));
                running.put(key, new Running(viewId, f));
            } catch (RejectedExecutionException e) {
                closed = true;
                return;
            }
        }
    }

    private void computeTile(Object viewId, Recording recording, SpectrogramTileKey key) {
        SpectrogramTile tile = null;
        try {
            tile = SpectrogramTileCache.compute(recording, key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            lastError = recording.path() + ": spectrogram tile failed: " + e.getMessage();
        }
        synchronized (this) {
            Running r = running.get(key);
            boolean mine = r != null && r.viewId().equals(viewId);
            if (mine) {
                running.remove(key);
            }
            Demand d = demands.get(viewId);
            if (tile != null && mine && d != null && d.sameSettings(key)) {
                cache.put(tile);
                completed.incrementAndGet();
            } else if (tile != null) {
                discarded.incrementAndGet();
            }
            if (!closed) {
                startMore();
            }
        }
    }

    /** Cancels all work; the executor belongs to the caller. */
    @Override
    public synchronized void close() {
        closed = true;
        demands.clear();
        for (Running r : running.values()) {
            r.future().cancel(true);
        }
        running.clear();
    }
}
