package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.junit.jupiter.api.Test;

/**
 * Echoic's segmentation defaults on signals with known answers: the failures the original defaults have on real
 * recordings (a DC offset, soft notes beside loud ones, pure noise, overlapping padded neighbours), and the first-run
 * suggestion of band and maximum length.
 */
class SegmentationDefaultsTest {
    private static final double RATE = 22050;

    private static Recording mono(float[] x) {
        return new ArrayRecording(Path.of("defaults.wav"), RATE, x);
    }

    private static List<Segment> segments(float[] x, SegmentationParams p) throws Exception {
        Recording rec = mono(x);
        try (SegmentationModel m = new SegmentationModel(rec)) {
            SegmentationResult r = m.segments(p, null, null);
            SegmentationModelTest.assertSameAsReference(rec, p, r);
            return r.segments();
        }
    }

    private static void assertFoundAt(List<Segment> found, int[][] calls, double toleranceMs) {
        assertEquals(calls.length, found.size(), found::toString);
        long tol = SegmentationParams.frames(toleranceMs, RATE);
        for (int i = 0; i < calls.length; i++) {
            Segment s = found.get(i);
            assertTrue(Math.abs(s.startFrame() - calls[i][0]) <= tol, "onset of call " + i + ": " + s);
            assertTrue(Math.abs(s.endFrame() - (calls[i][0] + calls[i][1])) <= tol, "offset of call " + i + ": " + s);
        }
    }

    /** Calls {start, length} in frames: 150 ms notes every 400 ms from 0.2 s. */
    private static int[][] calls(int count) {
        int[][] c = new int[count][];
        for (int i = 0; i < count; i++) {
            c[i] = new int[] {(int) ((0.2 + 0.4 * i) * RATE), (int) (0.15 * RATE)};
        }
        return c;
    }

    @Test
    void aDcOffsetNoLongerHidesTheCalls() throws Exception {
        float[] x = new float[(int) (3 * RATE)];
        int[][] calls = calls(6);
        for (int[] c : calls) {
            Signals.burst(x, RATE, c[0], c[1], 3000, 0.4);
        }
        Signals.noise(x, 0.002, 5);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.3f;
        }
        assertFoundAt(segments(x, SegmentationParams.DEFAULTS), calls, 12);
        assertTrue(segments(x, SegmentationParams.DEFAULTS.withHighPassHz(Double.NaN)).isEmpty(),
                "without the high-pass the offset alone is the noise floor and no call stands 10 dB above it");
    }

    @Test
    void softNotesBesideLoudOnesAreFoundAndPureNoiseGivesNothing() throws Exception {
        float[] x = new float[(int) (3 * RATE)];
        int[][] calls = calls(6);
        for (int i = 0; i < calls.length; i++) {
            Signals.burst(x, RATE, calls[i][0], calls[i][1], 4000, i % 2 == 0 ? 0.5 : 0.03);
        }
        Signals.noise(x, 0.002, 6);
        assertFoundAt(segments(x, SegmentationParams.DEFAULTS), calls, 12);
        assertEquals(3, segments(x, SegmentationParams.ORIGINAL).size(),
                "the 90th percentile lies inside the loud notes: only they are found");
        float[] noise = new float[(int) (3 * RATE)];
        Signals.noise(noise, 0.01, 7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] *= (float) (1 + 0.3 * Math.sin(2 * Math.PI * i / (0.3 * RATE)));
        }
        assertEquals(List.of(), segments(noise, SegmentationParams.DEFAULTS), "no call in slowly swelling noise");
        assertTrue(segments(noise, SegmentationParams.DEFAULTS.withPercentile(90)).size() > 2,
                "a percentile threshold finds 'calls' in noise");
    }

    @Test
    void paddedNeighboursStopHalfWayInsteadOfOverlapping() throws Exception {
        float[] x = new float[(int) RATE];
        int gap = (int) (0.012 * RATE);
        int len = (int) (0.05 * RATE);
        Signals.burst(x, RATE, 2000, len, 3000, 0.5);
        Signals.burst(x, RATE, 2000 + len + gap, len, 3000, 0.5);
        Signals.noise(x, 0.001, 8);
        SegmentationParams p = SegmentationParams.DEFAULTS.withMinSpacingMs(5).withBufferMs(20);
        List<Segment> free = segments(x, p);
        assertEquals(2, free.size(), free::toString);
        assertEquals(free.get(0).endFrame(), free.get(1).startFrame(), "they meet in the gap: " + free);
        long middle = 2000 + len + gap / 2;
        assertTrue(Math.abs(free.get(0).endFrame() - middle) < SegmentationParams.frames(4, RATE), free::toString);
        List<Segment> overlapping = segments(x, p.withOverlapFree(false));
        assertTrue(overlapping.get(0).endFrame() > overlapping.get(1).startFrame(), "the original lets them overlap");
    }

    @Test
    void theSuggestionFindsTheCallsBandAndALengthLimitAboveTheLongestCall() throws Exception {
        float[] x = new float[(int) (6 * RATE)];
        int[][] calls = {{(int) RATE, (int) (0.3 * RATE)}, {(int) (2 * RATE), (int) (1.2 * RATE)},
                {(int) (4 * RATE), (int) (0.5 * RATE)}};
        for (int[] c : calls) {
            Signals.burst(x, RATE, c[0], c[1], 5000, 0.3);
        }
        Signals.noise(x, 0.003, 9);
        SegmentationSuggestion.Suggestion s = SegmentationSuggestion.suggest(mono(x), SegmentationParams.DEFAULTS
                .withMaxLengthMs(500), null);
        SegmentationParams p = s.params();
        assertTrue(p.hasBand() && p.bandLowHz() < 5000 && p.bandHighHz() > 5000, s.why());
        assertTrue(p.bandHighHz() - p.bandLowHz() < 4000, "a band around the calls, not the whole range: " + s.why());
        assertEquals(2000, p.maxLengthMs(), 1e-9, "1.5 x the 1.2 s call, rounded up to 1-2-5: " + s.why());
        assertFoundAt(segments(x, p), calls, 15);
        float[] noise = new float[(int) (3 * RATE)];
        Signals.noise(noise, 0.01, 10);
        SegmentationSuggestion.Suggestion none = SegmentationSuggestion.suggest(mono(noise),
                SegmentationParams.DEFAULTS, null);
        assertTrue(!none.params().hasBand(), none.why());
        assertEquals(SegmentationParams.DEFAULTS.maxLengthMs(), none.params().maxLengthMs(), 1e-9, none.why());
    }
}
