package org.echoic.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.echoic.segment.Segment;
import org.junit.jupiter.api.Test;

/** The join gap chosen from the gap distribution. */
class BoutGapsTest {
    @Test
    void gapsAreMeasuredPerRecordingInStartOrderWithoutOverlaps() {
        List<Segment> a = List.of(new Segment(300, 400, ""), new Segment(0, 100, ""), new Segment(350, 500, ""));
        List<Segment> b = List.of(new Segment(0, 10, ""), new Segment(1010, 1020, ""));
        assertArrayEquals(new double[] {0.2, 1.0}, BoutGaps.gaps(List.of(a, b), new double[] {1000, 1000}), 1e-12);
    }

    @Test
    void aValleyBetweenSyllableGapsAndPausesSeparatesBouts() {
        double[] gaps = {0.02, 0.03, 0.025, 0.04, 0.035, 1.5, 2.0, 0.8};
        double join = BoutGaps.choose(gaps);
        assertEquals(Math.sqrt(0.04 * 0.8), join, 1e-12, "geometric mean of the neighbours of the largest jump");
        assertTrue(join > 0.04 && join < 0.8);
    }

    @Test
    void gapsOfOneKindAreAllJoinedUpToTheCap() {
        assertEquals(0.12, BoutGaps.choose(new double[] {0.05, 0.08, 0.12, 0.1}), 1e-12);
        assertEquals(BoutGaps.MAX_GAP_SECONDS, BoutGaps.choose(new double[] {2, 3, 4}), 1e-12,
                "isolated calls seconds apart: nothing longer than the cap is joined");
        assertEquals(0, BoutGaps.choose(new double[0]), 0);
    }

    @Test
    void aJumpBelowTheShortestPauseIsNotABoutBoundary() {
        double join = BoutGaps.choose(new double[] {0.01, 0.012, 0.1, 0.11});
        assertEquals(0.11, join, 1e-12, "notes and phrase gaps of one song (all < 0.3 s) are joined");
    }
}
