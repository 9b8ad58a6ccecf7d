package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.echoic.audio.ArrayRecording;
import org.junit.jupiter.api.Test;

/** The overlap criterion of {@link Agreement} (intersection over union at least a minimum) and auto-tune with it. */
class AgreementOverlapTest {
    private static final Agreement.Criterion HALF = Agreement.Criterion.overlap(0.5);

    private static Annotation a(double on, double off) {
        return new Annotation(on, off, "");
    }

    @Test
    void iouExactlyAtTheThresholdMatchesAndBelowDoesNot() {
        List<Annotation> ref = List.of(a(0, 4), a(10, 14));
        // IoU 2/4 = 0.5 exactly (two ways), and 1.96/4 = 0.49
        assertEquals(2, Agreement.compare(ref, List.of(a(0, 2), a(11, 13)), HALF).matches());
        Agreement.Result below = Agreement.compare(ref, List.of(a(0, 1.96), a(10, 11.96)), HALF);
        assertEquals(0, below.matches());
        assertEquals(0, below.f1(), 0);
        assertEquals(2, Agreement.compare(ref, List.of(a(0, 1.96), a(10, 11.96)), Agreement.Criterion.overlap(0.49))
                .matches());
        assertEquals(0.5, Agreement.iou(a(1, 3), a(0, 4)), 1e-15);
        assertEquals(0, Agreement.iou(a(0, 1), a(2, 3)), 0);
    }

    @Test
    void oneLongDetectionOverTwoReferencesMatchesOnlyOne() {
        List<Annotation> ref = List.of(a(0, 1), a(1.2, 2.2));
        List<Annotation> det = List.of(a(0, 2.2));
        Agreement.Result r = Agreement.compare(ref, det, Agreement.Criterion.overlap(0.4));
        assertEquals(1, r.matches(), "both references reach IoU 0.45 with it, but it is one detection");
        assertEquals(1.0, r.precision(), 0);
        assertEquals(0.5, r.recall(), 0);
        assertEquals(0, Agreement.compare(ref, det, HALF).matches(), "IoU 1/2.2 < 0.5");
    }

    @Test
    void matchingIsMaximumWhereGreedyByOverlapIsNot() {
        List<Annotation> ref = List.of(a(0, 10), a(3, 12));
        // det 0 has IoU 0.9 with ref 0 and 0.5 with ref 1; det 1 has IoU 0.55 with ref 0 only
        List<Annotation> det = List.of(a(0, 9), a(0, 5.5));
        Agreement.Result r = Agreement.compare(ref, det, HALF);
        assertEquals(2, r.matches(), "greedy by largest IoU would leave ref 1 unmatched");
        assertArrayEquals(new int[] {0, 1}, r.pairs().get(0));
        assertArrayEquals(new int[] {1, 0}, r.pairs().get(1));
    }

    @Test
    void errorsOfOverlapMatchesAreReportedAndTheCriterionNamed() {
        List<Annotation> ref = List.of(a(1, 3), a(5, 6));
        List<Annotation> det = List.of(a(1.2, 3.1), a(5.05, 6.03));
        Agreement.Result r = Agreement.compare(ref, det, HALF);
        assertEquals(2, r.matches());
        assertEquals((0.2 + 0.05) / 2, r.meanOnsetErrorSeconds(), 1e-12);
        assertEquals((0.1 + 0.03) / 2, r.meanOffsetErrorSeconds(), 1e-12);
        assertEquals(HALF, r.criterion());
        assertEquals("overlap ≥ 0.5 IoU", r.criterion().describe());
        Agreement.Result strict = Agreement.compare(ref, det);
        assertEquals(0, strict.matches(), "the same pairs are 30 ms or more apart");
        assertEquals(Agreement.Criterion.DEFAULT, strict.criterion());
        assertEquals("onsets and offsets within ± 20 ms", strict.criterion().describe());
    }

    @Test
    void badThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Agreement.Criterion.overlap(0));
        assertThrows(IllegalArgumentException.class, () -> Agreement.Criterion.overlap(1.01));
        assertThrows(IllegalArgumentException.class, () -> Agreement.Criterion.onsetOffset(-0.001));
    }

    /** The candidate window (onsets from ref onset − length / minIoU) loses no pair: same count as all pairs. */
    @Test
    void sameCountAsAMatchingOverAllPairs() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            List<Annotation> ref = random(rnd, 1 + rnd.nextInt(12));
            List<Annotation> det = random(rnd, 1 + rnd.nextInt(12));
            double t = 0.1 + 0.8 * rnd.nextDouble();
            assertEquals(bruteForce(ref, det, t), Agreement.compare(ref, det, Agreement.Criterion.overlap(t)).matches(),
                    "trial " + trial);
        }
    }

    private static List<Annotation> random(Random rnd, int n) {
        List<Annotation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double on = 10 * rnd.nextDouble();
            out.add(a(on, on + 0.1 + 4 * rnd.nextDouble()));
        }
        return out;
    }

    /** Maximum bipartite matching over every pair (Kuhn's algorithm). */
    private static int bruteForce(List<Annotation> ref, List<Annotation> det, double t) {
        int[] detMatch = new int[det.size()];
        Arrays.fill(detMatch, -1);
        int m = 0;
        for (int r = 0; r < ref.size(); r++) {
            if (kuhn(r, ref, det, t, detMatch, new boolean[det.size()])) {
                m++;
            }
        }
        return m;
    }

    private static boolean kuhn(int r, List<Annotation> ref, List<Annotation> det, double t, int[] detMatch,
                                boolean[] seen) {
        for (int d = 0; d < det.size(); d++) {
            if (!seen[d] && Agreement.iou(ref.get(r), det.get(d)) >= t) {
                seen[d] = true;
                if (detMatch[d] < 0 || kuhn(detMatch[d], ref, det, t, detMatch, seen)) {
                    detMatch[d] = r;
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void autoTuneWithOverlapRecoversLongCallsFromPoorParams() throws Exception {
        double rate = 8000;
        float[] x = new float[(int) (rate * 40)];
        Random rnd = new Random(7);
        List<Annotation> calls = new ArrayList<>();
        int pos = 4000;
        while (pos < x.length - 30000) {
            int len = (int) (rate * (0.6 + 2 * rnd.nextDouble()));
            Signals.burst(x, rate, pos, len, 1500 + 1000 * rnd.nextDouble(), 0.2 + 0.6 * rnd.nextDouble());
            calls.add(new Annotation(pos / rate, (pos + len) / rate, "song"));
            pos += len + (int) (rate * (0.3 + rnd.nextDouble()));
        }
        Signals.noise(x, 0.003, 9);
        SegmentationParams poor = SegmentationParams.ORIGINAL.withPercentile(30);
        try (SegmentationModel m = new SegmentationModel(new ArrayRecording(Path.of("songs.wav"), rate, x))) {
            AutoTune.Result r = AutoTune.search(List.of(new AutoTune.Target(m, calls)), poor, HALF, null, null);
            assertTrue(r.startF1() < 0.1, "poor start " + r.startF1());
            assertTrue(r.bestF1() >= 0.95, "auto-tuned overlap F1 " + r.bestF1() + " with " + r.best());
            List<Annotation> det = m.segments(r.best(), null, null).segments().stream()
                    .map(s -> Annotation.of(s, rate)).toList();
            assertEquals(r.bestF1(), Agreement.compare(calls, det, HALF).f1(), 1e-12,
                    "the search scored with the overlap criterion");
        }
    }
}
