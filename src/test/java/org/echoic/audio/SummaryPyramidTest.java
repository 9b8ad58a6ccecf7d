package org.echoic.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SummaryPyramidTest {

    static SummaryPyramid built(Recording rec, int channel) throws InterruptedException {
        SummaryPyramid p = SummaryPyramid.create(rec, channel);
        p.run(f -> { });
        return p;
    }

    static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * 0.2);
        }
        return x;
    }

    @Test
    void sineHasItsAmplitudeAndRmsAtEveryLevel() throws InterruptedException {
        int n = 200_000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 44_100.0));
        }
        SummaryPyramid p = built(new ArrayRecording(Path.of("sine"), 44_100, x), 0);
        assertTrue(p.isComplete());
        assertEquals(n, p.validFrames());
        int top = p.levels() - 1;
        assertEquals(1, p.bins(top));
        assertEquals(-0.5, p.min(top, 0), 1e-3);
        assertEquals(0.5, p.max(top, 0), 1e-3);
        assertEquals(0.5 / Math.sqrt(2), p.rms(top, 0), 1e-3);
        for (int level = 0; level < p.levels(); level++) {
            for (int b = 0; b < p.bins(level); b++) {
                assertTrue(p.min(level, b) <= p.rms(level, b) + 1e-6 && p.rms(level, b) <= Math.max(p.max(level, b), -p.min(level, b)) + 1e-6,
                        "level " + level + " bin " + b);
                assertTrue(p.min(level, b) <= p.max(level, b));
            }
        }
    }

    @Test
    void singleSampleClickIsVisibleAtEveryLevelWherever() throws InterruptedException {
        int n = 100_003;
        for (int at : new int[] {0, 15, 16, 4095, 65_535, 65_536, 77_777, n - 1}) {
            float[] x = new float[n];
            x[at] = 0.9f;
            SummaryPyramid p = built(new ArrayRecording(Path.of("click"), 48_000, x), 0);
            for (int level = 0; level < p.levels(); level++) {
                int bin = (int) (at / p.binFrames(level));
                assertEquals(0.9f, p.max(level, bin), "click at " + at + ", level " + level);
                for (int b = 0; b < p.bins(level); b++) {
                    if (b != bin) {
                        assertEquals(0f, p.max(level, b), "no click in level " + level + " bin " + b);
                    }
                }
            }
        }
    }

    @Property(tries = 60)
    void minMaxOfAnyRangeEqualsBruteForce(@ForAll @IntRange(min = 1, max = 90_000) int length,
                                          @ForAll @IntRange(min = 0, max = 1_000_000) int a,
                                          @ForAll @IntRange(min = 0, max = 1_000_000) int b,
                                          @ForAll long seed) throws InterruptedException {
        float[] x = noise(length, seed);
        SummaryPyramid p = built(new ArrayRecording(Path.of("noise"), 8_000, x), 0);
        int start = a % length;
        int end = start + 1 + b % (length - start);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        float[] mm = p.minMax(start, end);
        assertEquals(lo, mm[0], "min of [" + start + ", " + end + ")");
        assertEquals(hi, mm[1], "max of [" + start + ", " + end + ")");
    }

    @Test
    void meanChannelSummarisesTheMean() throws InterruptedException {
        float[] left = {1, 1, 1, 1};
        float[] right = {0, 0, 0, -1};
        SummaryPyramid p = built(new ArrayRecording(Path.of("st"), 8_000, left, right), Recording.MEAN_CHANNEL);
        assertEquals(0f, p.min(0, 0));
        assertEquals(0.5f, p.max(0, 0));
    }

    @Test
    void memoryStaysBoundedForDayLongAndUltrasonicRecordings() {
        for (long frames : new long[] {10, 26_460_000L, 158_760_000L, 3_810_240_000L, 33_177_600_000L}) {
            SummaryPyramid p = SummaryPyramid.create(new SilentRecording(frames), 0);
            assertTrue(p.sizeBytes() <= SummaryPyramid.MAX_BYTES, frames + " frames: " + p.sizeBytes() + " bytes");
            assertEquals(1, p.bins(p.levels() - 1));
        }
        assertEquals(4096, SummaryPyramid.chooseBaseBinFrames(3_810_240_000L));
    }

    @Test
    void readableWhileItFillsAndInterruptible() throws Exception {
        CountDownLatch firstBlockRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long frames = 10L * SummaryPyramid.BLOCK_FRAMES;
        SilentRecording rec = new SilentRecording(frames) {
            @Override
            public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
                super.read(startFrame, frameCount, channel, dst, dstOffset);
                if (startFrame > 0) {
                    firstBlockRead.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        SummaryPyramid p = SummaryPyramid.create(rec, 0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread builder = new Thread(() -> {
            try {
                p.run(f -> { });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        builder.start();
        firstBlockRead.await();
        assertEquals(SummaryPyramid.BLOCK_FRAMES, p.validFrames());
        assertTrue(p.validBins(0) > 0 && !p.isComplete());
        assertEquals(0.25f, p.max(0, 0));
        builder.interrupt();
        release.countDown();
        builder.join(5_000);
        assertTrue(thrown.get() instanceof InterruptedException, "run must end with InterruptedException: " + thrown.get());
        assertThrows(IllegalArgumentException.class, () -> p.minMax(0, frames));
    }

    /** A recording of constant 0.25 that is never materialised. */
    static class SilentRecording implements Recording {
        private final long frames;

        SilentRecording(long frames) {
            this.frames = frames;
        }

        @Override
        public Path path() {
            return Path.of("constant");
        }

        @Override
        public String container() {
            return "memory";
        }

        @Override
        public SampleEncoding encoding() {
            return SampleEncoding.FLOAT32;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public double sampleRateHz() {
            return 44_100;
        }

        @Override
        public long frames() {
            return frames;
        }

        @Override
        public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
            checkRead(startFrame, frameCount, channel, dst, dstOffset);
            java.util.Arrays.fill(dst, dstOffset, dstOffset + frameCount, 0.25f);
        }

        @Override
        public void close() {
        }
    }
}
