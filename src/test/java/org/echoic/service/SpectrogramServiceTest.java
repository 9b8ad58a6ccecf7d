package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.render.SpectrogramTileCache;
import org.echoic.render.SpectrogramTileKey;
import org.junit.jupiter.api.Test;

/** The tile service: computes what a view wants, drops queued tiles scrolled away, discards stale settings. */
class SpectrogramServiceTest {
    private static final StftParams A = StftParams.DEFAULT;
    private static final StftParams B = new StftParams(512, 256, 512, WindowFunction.HANN, StftParams.Detrend.NONE,
            StftParams.Scaling.DENSITY, StftParams.Mode.PSD);

    /** An executor that runs nothing until told: the test decides the interleaving. */
    private static final class ManualExecutor extends AbstractExecutorService {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable command) {
            tasks.add(command);
        }

        int runAll() {
            int n = 0;
            while (true) {
                Runnable r;
                synchronized (this) {
                    r = tasks.poll();
                }
                if (r == null) {
                    return n;
                }
                r.run();
                n++;
            }
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private static ArrayRecording tone(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 8000.0);
        }
        return new ArrayRecording(Path.of("tone.wav"), 8000, x);
    }

    private static SpectrogramTileKey key(StftParams p, long tile) {
        return new SpectrogramTileKey("tone", 0, p, 0, tile);
    }

    @Test
    void computesRequestedTilesEqualToDirectComputationAndCountsThem() throws Exception {
        ArrayRecording rec = tone(200_000);
        ManualExecutor ex = new ManualExecutor();
        SpectrogramService s = new SpectrogramService(ex, 2, 64L << 20);
        Object view = new Object();
        s.request(view, rec, List.of(key(A, 0), key(A, 1), key(A, 2)));
        assertEquals(2, ex.tasks.size(), "at most maxInFlight tiles run at once");
        assertEquals(3, s.pending(view));
        ex.runAll();
        assertEquals(3, s.completedTiles());
        assertEquals(0, s.pending(view));
        assertArrayEquals(SpectrogramTileCache.compute(rec, key(A, 1)).db(), s.cache().get(key(A, 1)).db());
        s.request(view, rec, List.of(key(A, 0), key(A, 1)));
        assertEquals(0, ex.tasks.size(), "cached tiles are not computed again");
    }

    @Test
    void queuedTilesScrolledAwayAreDropped() {
        ArrayRecording rec = tone(400_000);
        ManualExecutor ex = new ManualExecutor();
        SpectrogramService s = new SpectrogramService(ex, 1, 64L << 20);
        Object view = new Object();
        s.request(view, rec, List.of(key(A, 0), key(A, 1), key(A, 2), key(A, 3), key(A, 4)));
        s.request(view, rec, List.of(key(A, 4), key(A, 5)));
        ex.runAll();
        assertNotNull(s.cache().get(key(A, 0)), "the tile already running with the same settings is kept");
        assertNull(s.cache().get(key(A, 1)), "queued tiles no longer visible are dropped");
        assertNull(s.cache().get(key(A, 2)));
        assertNull(s.cache().get(key(A, 3)));
        assertNotNull(s.cache().get(key(A, 4)));
        assertNotNull(s.cache().get(key(A, 5)));
        assertEquals(3, s.completedTiles());
    }

    @Test
    void newSettingsCancelQueuedAndRunningTilesOfTheOldOnes() {
        ArrayRecording rec = tone(200_000);
        ManualExecutor ex = new ManualExecutor();
        SpectrogramService s = new SpectrogramService(ex, 2, 64L << 20);
        Object view = new Object();
        s.request(view, rec, List.of(key(A, 0), key(A, 1), key(A, 2)));
        s.request(view, rec, List.of(key(B, 0)));
        ex.runAll();
        for (int t = 0; t < 3; t++) {
            assertNull(s.cache().get(key(A, t)), "tile " + t + " of the old settings");
        }
        assertNotNull(s.cache().get(key(B, 0)));
        assertEquals(1, s.completedTiles());
    }

    /** Delegates to a recording; the first read waits (ignoring interrupts) until released. */
    private static final class BlockingRecording implements Recording {
        private final Recording base;
        private final CountDownLatch entered;
        private final CountDownLatch release;
        private volatile boolean first = true;

        BlockingRecording(Recording base, CountDownLatch entered, CountDownLatch release) {
            this.base = base;
            this.entered = entered;
            this.release = release;
        }

        @Override
        public Path path() {
            return base.path();
        }

        @Override
        public String container() {
            return base.container();
        }

        @Override
        public org.echoic.audio.SampleEncoding encoding() {
            return base.encoding();
        }

        @Override
        public int channels() {
            return base.channels();
        }

        @Override
        public double sampleRateHz() {
            return base.sampleRateHz();
        }

        @Override
        public long frames() {
            return base.frames();
        }

        @Override
        public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
            if (first) {
                first = false;
                entered.countDown();
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // keep waiting: the tile must finish after its settings went stale
                    }
                }
            }
            base.read(startFrame, frameCount, channel, dst, dstOffset);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aTileFinishingAfterItsSettingsWentStaleIsDiscarded() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ArrayRecording base = tone(200_000);
        Recording blocking = new BlockingRecording(base, entered, release);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            SpectrogramService s = new SpectrogramService(ex, 1, 64L << 20);
            Object view = new Object();
            s.request(view, blocking, List.of(key(A, 0)));
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            s.request(view, blocking, List.of(key(B, 0)));
            release.countDown();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((s.pending(view) > 0 || s.completedTiles() < 1) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(0, s.pending(view));
            assertNull(s.cache().get(key(A, 0)), "the stale tile is not cached");
            assertEquals(1, s.discardedTiles(), "the stale tile was computed and thrown away");
            assertNotNull(s.cache().get(key(B, 0)));
            s.close();
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void oneRequestMustShareItsSettingsAndViewsAreIndependent() {
        ArrayRecording rec = tone(200_000);
        ManualExecutor ex = new ManualExecutor();
        SpectrogramService s = new SpectrogramService(ex, 4, 64L << 20);
        assertThrows(IllegalArgumentException.class, () -> s.request("v", rec, List.of(key(A, 0), key(B, 0))));
        s.request("left", rec, List.of(key(A, 0)));
        s.request("right", rec, List.of(key(B, 0)));
        ex.runAll();
        assertNotNull(s.cache().get(key(A, 0)), "a second view does not cancel the first");
        assertNotNull(s.cache().get(key(B, 0)));
        s.forget("left");
        assertEquals(0, s.pending("left"));
    }
}
