package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.junit.jupiter.api.Test;

class SegmentationModelTest {
    private static final double RATE = 8000;

    static SegmentationResult fast(Recording rec, SegmentationParams p) throws Exception {
        try (SegmentationModel m = new SegmentationModel(rec)) {
            return m.segments(p, null, null);
        }
    }

    static void assertSameAsReference(Recording rec, SegmentationParams p, SegmentationResult fast) {
        ReferenceSegmenter.Result ref = ReferenceSegmenter.segment(rec, p);
        assertEquals(ref.segments(), fast.segments(), () -> "segments differ for " + p);
        assertEquals(ref.rejected(), fast.rejected(), () -> "rejected runs differ for " + p);
        long shorts = ref.rejected().stream().filter(r -> r.reason() == RejectedRun.Reason.TOO_SHORT).count();
        assertEquals(shorts, fast.tooShortCount());
        assertEquals(ref.rejected().size() - shorts, fast.tooLongCount());
    }

    private static Recording mono(float[] x, double rate) {
        return new ArrayRecording(Path.of("test.wav"), rate, x);
    }

    @Test
    void toneBurstsAreFoundWhereTheyAre() throws Exception {
        float[] x = new float[(int) RATE * 2];
        int[][] calls = {{1000, 400}, {4000, 800}, {9000, 240}, {12000, 1600}};
        for (int[] c : calls) {
            Signals.burst(x, RATE, c[0], c[1], 1000, 0.5);
        }
        Signals.noise(x, 0.001, 1);
        SegmentationParams p = SegmentationParams.DEFAULTS.withThresholdDbfs(-30).withBufferMs(0);
        SegmentationResult r = fast(mono(x, RATE), p);
        assertEquals(4, r.segments().size(), r.toString());
        for (int i = 0; i < calls.length; i++) {
            Segment s = r.segments().get(i);
            assertTrue(Math.abs(s.startFrame() - calls[i][0]) < 24, "onset " + s);
            assertTrue(Math.abs(s.endFrame() - (calls[i][0] + calls[i][1])) < 24, "offset " + s);
        }
        assertSameAsReference(mono(x, RATE), p, r);
    }

    @Test
    void silenceGivesNoSegmentAndClicksAreTooShort() throws Exception {
        SegmentationResult silent = fast(mono(new float[8000], RATE), SegmentationParams.ORIGINAL);
        assertEquals(List.of(), silent.segments());
        assertEquals(1, silent.tooLongCount(), "one run covers the whole second (threshold 0)");
        float[] x = new float[8000];
        x[1000] = 1;
        x[5000] = -1;
        SegmentationResult clicks = fast(mono(x, RATE), SegmentationParams.ORIGINAL.withThresholdDbfs(-40));
        assertEquals(List.of(), clicks.segments());
        assertEquals(List.of(new RejectedRun(984, 1017, RejectedRun.Reason.TOO_SHORT),
                new RejectedRun(4984, 5017, RejectedRun.Reason.TOO_SHORT)), clicks.rejected());
        assertEquals(List.of(), fast(mono(new float[0], RATE), SegmentationParams.DEFAULTS).segments());
    }

    @Test
    void segmentsAtTheEdgesAreClampedAndBuffersMayOverlap() throws Exception {
        float[] x = new float[4000];
        Signals.burst(x, RATE, 0, 400, 1000, 0.8);
        Signals.burst(x, RATE, 500, 400, 1000, 0.8);
        Signals.burst(x, RATE, 3600, 400, 1000, 0.8);
        SegmentationParams p = SegmentationParams.ORIGINAL.withThresholdDbfs(-30).withBufferMs(20).withMinSpacingMs(0);
        SegmentationResult r = fast(mono(x, RATE), p);
        assertEquals(3, r.segments().size(), r.toString());
        assertEquals(0, r.segments().get(0).startFrame());
        assertEquals(4000, r.segments().get(2).endFrame());
        assertTrue(r.segments().get(0).endFrame() > r.segments().get(1).startFrame(), "padded neighbours overlap");
        assertSameAsReference(mono(x, RATE), p, r);
    }

    @Test
    void spacingAndLengthLimitsAreStrict() {
        RunSegmenter s = new RunSegmenter(1000, 10, 20, 50, 0, false);
        s.run(0, 10);
        s.run(20, 31);   // gap 10 = spacing: not merged; length 11
        s.run(40, 61);   // gap 9: merged into [20, 61) length 41
        s.run(100, 120); // length 20 = min: too short
        s.run(200, 221); // 21: kept
        s.run(300, 350); // 50 = max: too long
        s.run(400, 449); // 49: kept
        SegmentationResult r = s.finish(0, SegmentationParams.DEFAULTS);
        assertEquals(List.of(new Segment(20, 61), new Segment(200, 221), new Segment(400, 449)), r.segments());
        assertEquals(List.of(new RejectedRun(0, 10, RejectedRun.Reason.TOO_SHORT),
                new RejectedRun(100, 120, RejectedRun.Reason.TOO_SHORT),
                new RejectedRun(300, 350, RejectedRun.Reason.TOO_LONG)), r.rejected());
    }

    @Test
    void channelAndMeanAreDistinguished() throws Exception {
        float[] left = new float[8000];
        float[] right = new float[8000];
        Signals.burst(left, RATE, 1000, 800, 700, 0.5);
        Signals.burst(right, RATE, 5000, 800, 700, 0.5);
        Recording st = new ArrayRecording(Path.of("st.wav"), RATE, left, right);
        for (int ch = -1; ch < 2; ch++) {
            SegmentationParams p = SegmentationParams.DEFAULTS.withChannel(ch).withThresholdDbfs(-30);
            SegmentationResult r = fast(st, p);
            assertEquals(ch == -1 ? 2 : 1, r.segments().size(), "channel " + ch);
            assertSameAsReference(st, p, r);
        }
        SegmentationParams bad = SegmentationParams.DEFAULTS.withChannel(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fast(st, bad));
        assertTrue(e.getMessage().contains("st.wav") && e.getMessage().contains("channel 2"), e.getMessage());
    }

    @Test
    void mappedMultiChunkStoreAndParallelComputeEqualTheReference() throws Exception {
        float[] x = Signals.random(new Random(7), 30_000, 16000);
        Signals.burst(x, 16000, 3000, 2000, 900, 0.7);
        Recording rec = mono(x, 16000);
        SegmentationParams p = SegmentationParams.DEFAULTS.withPercentile(75).withWindowMs(3);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        try (Envelope env = EnvelopeJob.compute(rec, p.envelopeSpec(), pool, last::set, 0, 10)) {
            long[] ref = ReferenceSegmenter.boxSums(ReferenceSegmenter.samples(rec, p), env.windowFrames());
            for (int i = 0; i < x.length; i++) {
                assertEquals(ref[i], env.sum(i), "frame " + i);
            }
            for (double pct : new double[] {0, 12.5, 50, 75, 90, 99.9, 100}) {
                assertEquals(ReferenceSegmenter.percentile(ref, pct), env.percentileSum(pct), "p" + pct);
            }
            assertEquals(1.0, last.get(), 1e-12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scansSharedAcrossChunksAndThreadsEqualTheReference() throws Exception {
        int n = 3 * Envelope.CHUNK_BLOCKS * Envelope.L1 + 12345;
        float[] x = Signals.random(new Random(11), n, 16000);
        for (int at = 1000; at + 3000 < n; at += 7919) {
            Signals.burst(x, 16000, at, 1500 + at % 1400, 700 + at % 2000, 0.2 + (at % 7) / 10.0);
        }
        Recording rec = mono(x, 16000);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (SegmentationModel m = new SegmentationModel(rec)) {
            SegmentationParams p = SegmentationParams.DEFAULTS.withWindowMs(2);
            m.computeEnvelope(p.envelopeSpec(), pool, null);
            for (SegmentationParams q : List.of(p, p.withPercentile(40), p.withPercentile(97), p.withPercentile(40),
                    p.withThresholdDbfs(-25), p.withMinSpacingMs(0.1), p.withPercentile(0), p.withPercentile(100))) {
                assertSameAsReference(rec, q, m.segments(q));
            }
            long[] ref = ReferenceSegmenter.boxSums(ReferenceSegmenter.samples(rec, p), m.envelope().windowFrames());
            int[] fast = new int[5000];
            long from = Envelope.CHUNK_BLOCKS * Envelope.L1 - 2500L;
            m.envelope().sums(from, fast.length, fast);
            for (int i = 0; i < fast.length; i++) {
                assertEquals(ref[(int) from + i], fast[i], "frame " + (from + i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void interruptionStopsTheEnvelopeJob() {
        Recording rec = mono(new float[EnvelopeJob.BLOCK * 3], RATE);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class,
                () -> EnvelopeJob.compute(rec, SegmentationParams.DEFAULTS.envelopeSpec(), null, null));
        assertTrue(!Thread.interrupted());
    }

    @Test
    void fastParameterChangesReuseTheEnvelope() throws Exception {
        float[] x = Signals.random(new Random(3), 20_000, RATE);
        Recording rec = mono(x, RATE);
        try (SegmentationModel m = new SegmentationModel(rec)) {
            SegmentationParams p = SegmentationParams.DEFAULTS;
            m.computeEnvelope(p.envelopeSpec(), null, null);
            Envelope env = m.envelope();
            for (SegmentationParams q : List.of(p, p.withPercentile(60), p.withMinSpacingMs(10), p.withBufferMs(0),
                    p.withMinLengthMs(1).withMaxLengthMs(2000), p.withThresholdDbfs(-30))) {
                assertSameAsReference(rec, q, m.segments(q));
                assertTrue(env == m.envelope(), "envelope kept");
            }
            assertThrows(IllegalStateException.class, () -> m.segments(p.withWindowMs(8)));
        }
    }

    @Property(tries = 150)
    void fastEqualsReferenceOnRandomSignalsAndParams(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        double rate = new double[] {8000, 11025, 16000, 22050}[r.nextInt(4)];
        int n = 1 + r.nextInt(r.nextBoolean() ? 40 : 5000);
        int channels = 1 + r.nextInt(3);
        float[][] chans = new float[channels][];
        for (int c = 0; c < channels; c++) {
            chans[c] = Signals.random(r, n, rate);
        }
        Recording rec = new ArrayRecording(Path.of("prop.wav"), rate, chans);
        SegmentationParams p = new SegmentationParams(0.05 + 10 * r.nextDouble(),
                r.nextInt(5) == 0 ? r.nextInt(2) * 100 : 100 * r.nextDouble(),
                r.nextInt(5) == 0 ? -80 * r.nextDouble() : Double.NaN,
                20 * r.nextDouble(), 50 * r.nextDouble(), 600 * r.nextDouble(), 20 * r.nextDouble(),
                r.nextInt(channels + 1) - 1, Double.NaN, Double.NaN);
        if (r.nextInt(5) == 0) {
            double low = 100 + 1000 * r.nextDouble();
            p = p.withBand(low, low + 100 + rate * r.nextDouble());
        }
        if (r.nextInt(4) == 0) {
            p = p.withHighPassHz(20 + 3000 * r.nextDouble());
        }
        if (r.nextInt(3) == 0) {
            p = p.withAboveNoiseDb(40 * r.nextDouble());
        }
        p = p.withOverlapFree(r.nextBoolean());
        try (SegmentationModel m = new SegmentationModel(rec)) {
            assertSameAsReference(rec, p, m.segments(p, null, null));
            SegmentationParams q = p.withPercentile(100 * r.nextDouble()).withMinSpacingMs(5 * r.nextDouble())
                    .withBufferMs(r.nextInt(10));
            assertSameAsReference(rec, q, m.segments(q));
        }
    }

    @Test
    void badParamsAreRejectedWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationParams.DEFAULTS.withPercentile(101));
        assertTrue(e.getMessage().contains("percentile"));
        assertThrows(IllegalArgumentException.class, () -> SegmentationParams.DEFAULTS.withBand(500, 100));
        assertThrows(IllegalArgumentException.class, () -> SegmentationParams.DEFAULTS.withWindowMs(0));
        assertThrows(IllegalArgumentException.class, () -> SegmentationParams.DEFAULTS.withBufferMs(-1));
    }

}
