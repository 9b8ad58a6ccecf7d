package org.echoic.render;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.StftWorker;

/**
 * Level-of-detail cache of spectrogram tiles, bounded in bytes with least-recently-used eviction. Tiles
 * at coarse levels are computed straight from the STFT with max-combining of frames, so nothing in memory
 * grows with the file's length at full resolution and short calls never vanish when zoomed out. The
 * service calls {@link #compute} on a compute thread; views read with {@link #get}. Thread-safe.
 */
public final class SpectrogramTileCache {
    /** Columns per tile. */
    public static final int TILE_COLUMNS = 256;
    /** Floor of values before taking logarithms. */
    private static final double TINY = 1e-30;

    private final long maxBytes;
    private final LinkedHashMap<SpectrogramTileKey, SpectrogramTile> tiles = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** @param maxBytes memory bound of the cached values */
    public SpectrogramTileCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("cache size must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The cached tile or null (marks it recently used). */
    public synchronized SpectrogramTile get(SpectrogramTileKey key) {
        return tiles.get(key);
    }

    /** Adds a tile, evicting the least recently used ones beyond the byte bound. */
    public synchronized void put(SpectrogramTile tile) {
        SpectrogramTile old = tiles.put(tile.key(), tile);
        if (old != null) {
            bytes -= old.bytes();
        }
        bytes += tile.bytes();
        Iterator<Map.Entry<SpectrogramTileKey, SpectrogramTile>> it = tiles.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            SpectrogramTile t = it.next().getValue();
            if (t == tile) {
                continue;
            }
            bytes -= t.bytes();
            it.remove();
        }
    }

    /** Bytes held now (never above the bound except for one tile larger than it). */
    public synchronized long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public synchronized int size() {
        return tiles.size();
    }

    /** Drops every tile of a recording (e.g. when it is closed). */
    public synchronized void evictRecording(Object recordingKey) {
        tiles.entrySet().removeIf(e -> {
            boolean hit = e.getKey().recordingKey().equals(recordingKey);
            if (hit) {
                bytes -= e.getValue().bytes();
            }
            return hit;
        });
    }

    /** Returns the cached tile or computes, caches and returns it on the calling thread. */
    public SpectrogramTile getOrCompute(Recording rec, SpectrogramTileKey key) throws InterruptedException {
        SpectrogramTile t = get(key);
        if (t == null) {
            t = compute(rec, key);
            put(t);
        }
        return t;
    }

    /**
     * Computes a tile on the calling thread (does not cache it). Honours interruption between blocks of
     * STFT frames. Cost: {@code TILE_COLUMNS * 2^level} STFT frames.
     */
    public static SpectrogramTile compute(Recording rec, SpectrogramTileKey key) throws InterruptedException {
        StftParams p = key.params();
        long total = p.frameCount(rec.frames());
        long per = key.framesPerColumn();
        long first = key.firstFrame();
        int columns = (int) Math.max(0, Math.min(TILE_COLUMNS, (total - first + per - 1) / per));
        int bins = p.bins();
        float[] max = new float[columns * bins];
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        StftWorker worker = new StftWorker(p);
        float[] block = new float[StftWorker.BLOCK_FRAMES * bins];
        long end = Math.min(total, first + columns * per);
        for (long f = first; f < end; f += StftWorker.BLOCK_FRAMES) {
            if (Thread.interrupted()) {
                throw new InterruptedException("tile computation interrupted");
            }
            int n = (int) Math.min(StftWorker.BLOCK_FRAMES, end - f);
            worker.compute(rec, key.channel(), 0, f, n, rec.sampleRateHz(), block, null, 0);
            for (int j = 0; j < n; j++) {
                int col = (int) ((f + j - first) / per);
                int o = col * bins;
                int b = j * bins;
                for (int k = 0; k < bins; k++) {
                    if (block[b + k] > max[o + k]) {
                        max[o + k] = block[b + k];
                    }
                }
            }
        }
        double factor = p.mode() == StftParams.Mode.MAGNITUDE ? 20 : 10;
        for (int i = 0; i < max.length; i++) {
            max[i] = (float) (factor * Math.log10(Math.max(TINY, max[i])));
        }
        return new SpectrogramTile(key, columns, bins, max);
    }
}
