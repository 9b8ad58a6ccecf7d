package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.echoic.audio.ArrayRecording;
import org.junit.jupiter.api.Test;

class AgreementTest {
    private static Annotation a(double on, double off) {
        return new Annotation(on, off, "");
    }

    @Test
    void knownCounts() {
        List<Annotation> ref = List.of(a(1, 2), a(3, 4), a(5, 6), a(7, 8));
        List<Annotation> det = List.of(a(1.01, 2.015), a(3.03, 4), a(5, 6.02), a(9, 10), a(7.0, 7.9));
        Agreement.Result r = Agreement.compare(ref, det);
        assertEquals(2, r.matches());
        assertEquals(2.0 / 5, r.precision(), 1e-12);
        assertEquals(2.0 / 4, r.recall(), 1e-12);
        assertEquals(2 * 0.4 * 0.5 / 0.9, r.f1(), 1e-12);
        assertEquals((0.01 + 0) / 2, r.meanOnsetErrorSeconds(), 1e-12);
        assertEquals((0.015 + 0.02) / 2, r.meanOffsetErrorSeconds(), 1e-12);
        assertArrayEquals(new int[] {0, 0}, r.pairs().get(0));
        assertArrayEquals(new int[] {2, 2}, r.pairs().get(1));
    }

    @Test
    void matchingIsMaximumWhereGreedyByErrorIsNot() {
        List<Annotation> ref = List.of(a(0, 1), a(0.030, 1.030));
        List<Annotation> det = List.of(a(0.014, 1.014), a(-0.015 + 0.0, 0.985));
        Agreement.Result r = Agreement.compare(ref, det);
        assertEquals(2, r.matches(), "greedy would pair ref 0 with det 0 and leave ref 1 unmatched");
        assertArrayEquals(new int[] {0, 1}, r.pairs().get(0));
        assertArrayEquals(new int[] {1, 0}, r.pairs().get(1));
    }

    @Test
    void oneToOneAndEmptyCases() {
        Agreement.Result dup = Agreement.compare(List.of(a(1, 2)), List.of(a(1, 2), a(1.001, 2.001)));
        assertEquals(1, dup.matches());
        assertEquals(0.5, dup.precision(), 1e-12);
        Agreement.Result none = Agreement.compare(List.of(), List.of());
        assertEquals(1.0, none.f1());
        Agreement.Result miss = Agreement.compare(List.of(a(1, 2)), List.of());
        assertEquals(0.0, miss.f1());
        assertTrue(Double.isNaN(miss.meanOnsetErrorSeconds()));
    }

    /** Brute force: the largest matching over all subsets of edges (small cases). */
    private static int bruteMax(List<Annotation> ref, List<Annotation> det, int r, boolean[] used) {
        if (r == ref.size()) {
            return 0;
        }
        int best = bruteMax(ref, det, r + 1, used);
        for (int d = 0; d < det.size(); d++) {
            if (!used[d] && Math.abs(ref.get(r).startSeconds() - det.get(d).startSeconds()) <= 0.02 + 1e-9
                    && Math.abs(ref.get(r).endSeconds() - det.get(d).endSeconds()) <= 0.02 + 1e-9) {
                used[d] = true;
                best = Math.max(best, 1 + bruteMax(ref, det, r + 1, used));
                used[d] = false;
            }
        }
        return best;
    }

    @Test
    void matchingSizeEqualsBruteForceOnRandomDenseCases() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            List<Annotation> ref = new ArrayList<>();
            List<Annotation> det = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(7); i++) {
                double on = rnd.nextInt(8) * 0.01;
                ref.add(a(on, on + 0.1 + rnd.nextInt(4) * 0.01));
            }
            for (int i = 0; i < 1 + rnd.nextInt(7); i++) {
                double on = rnd.nextInt(8) * 0.01;
                det.add(a(on, on + 0.1 + rnd.nextInt(4) * 0.01));
            }
            assertEquals(bruteMax(ref, det, 0, new boolean[det.size()]), Agreement.compare(ref, det).matches());
        }
    }

    @Test
    void autoTuneRecoversKnownCallsFromPoorParams() throws Exception {
        double rate = 16000;
        float[] x = new float[(int) (rate * 20)];
        Random rnd = new Random(5);
        List<Annotation> calls = new ArrayList<>();
        int pos = 4000;
        while (pos < x.length - 8000) {
            int len = (int) (rate * (0.03 + 0.15 * rnd.nextDouble()));
            Signals.burst(x, rate, pos, len, 1500 + 2000 * rnd.nextDouble(), 0.2 + 0.6 * rnd.nextDouble());
            calls.add(new Annotation(pos / rate, (pos + len) / rate, "call"));
            pos += len + (int) (rate * (0.05 + 0.3 * rnd.nextDouble()));
        }
        Signals.noise(x, 0.003, 9);
        SegmentationParams poor = SegmentationParams.DEFAULTS.withPercentile(30).withMinLengthMs(300).withBufferMs(40);
        try (SegmentationModel m = new SegmentationModel(new ArrayRecording(Path.of("calls.wav"), rate, x))) {
            List<Double> progress = new ArrayList<>();
            AutoTune.Result r = AutoTune.search(List.of(new AutoTune.Target(m, calls)), poor,
                    Agreement.DEFAULT_TOLERANCE_SECONDS, null, progress::add);
            assertTrue(r.startF1() < 0.1, "poor start " + r.startF1());
            assertTrue(r.bestF1() >= 0.95, "auto-tuned F1 " + r.bestF1() + " with " + r.best());
            assertEquals(1.0, progress.get(progress.size() - 1), 1e-12);
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
            }
            assertTrue(progress.stream().distinct().count() > 50, "progress after every evaluation, not per window: "
                    + progress.stream().distinct().count() + " values for " + r.evaluations() + " evaluations");
            SegmentationResult res = m.segments(r.best(), null, null);
            List<Annotation> det = res.segments().stream().map(s -> Annotation.of(s, rate)).toList();
            assertEquals(r.bestF1(), Agreement.compare(calls, det).f1(), 1e-12, "reported F1 is reproducible");
        }
    }
}
