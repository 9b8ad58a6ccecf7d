package org.echoic.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.echoic.segment.Annotation;
import org.junit.jupiter.api.Test;

/** TweetyNet's clean-up rules on hand-made frame labels (1 ms frames), and segments from frame labels. */
class CleanUpTest {
    private static final double HOP = 0.001;

    @Test
    void shortGapsCloseShortSegmentsGoAndEachSegmentTakesItsMajority() {
        //            gap of 2 inside a syllable, a 3-frame blip, a syllable of mixed labels
        int[] labels = {0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 2, 2, 2, 0, 0, 0, 1, 2, 2, 2, 2, 1, 0};
        int[] out = new CleanUp(3, 4, true).apply(labels, HOP, 3);
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 0}, out);
    }

    @Test
    void withoutCleanUpEveryRunOfOneLabelIsASegment() {
        int[] labels = {0, 1, 1, 2, 2, 0, 1};
        assertArrayEquals(labels, CleanUp.NONE.apply(labels, HOP, 3));
        FrameFeatures grid = new FrameFeatures(FeatureSpec.DEFAULT, 1000, 0, labels.length, 0, new float[0]);
        float[] p = new float[labels.length * 3];
        for (int t = 0; t < labels.length; t++) {
            p[t * 3 + labels[t]] = 0.8f;
        }
        List<Annotation> segs = FrameLabels.segments(grid, labels, p, List.of(FrameLabels.BACKGROUND, "a", "b"));
        assertEquals(List.of("a", "b", "a"), segs.stream().map(Annotation::label).toList());
        assertEquals("0.8000", segs.get(0).attributes().get("confidence"));
        assertEquals(grid.boundarySeconds(1), segs.get(0).startSeconds(), 1e-6);
        assertEquals(grid.boundarySeconds(3), segs.get(0).endSeconds(), 1e-6);
    }

    @Test
    void tiesGoToTheLowerClassAndNegativeDurationsAreRefused() {
        assertArrayEquals(new int[] {2, 2, 2, 2}, new CleanUp(0, 0, true).apply(new int[] {3, 2, 3, 2}, HOP, 4));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CleanUp(-1, 0, true));
    }

    @Test
    void framesTakeTheClassOfTheSegmentHoldingTheirCentreAndComeBack() {
        FeatureSpec spec = FeatureSpec.DEFAULT;
        double fs = 32_000;
        int frames = 500;
        FrameFeatures grid = new FrameFeatures(spec, fs, 0, frames, 0, new float[0]);
        List<String> classes = List.of(FrameLabels.BACKGROUND, "a", "b");
        List<Annotation> truth = List.of(new Annotation(0.1003, 0.2507, "a"), new Annotation(0.3, 0.42, "b"));
        int[] labels = FrameLabels.of(grid, truth, classes);
        float[] p = new float[frames * 3];
        for (int t = 0; t < frames; t++) {
            p[t * 3 + labels[t]] = 1;
        }
        List<Annotation> back = FrameLabels.segments(grid, labels, p, classes);
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(truth.get(i).label(), back.get(i).label());
            assertEquals(truth.get(i).startSeconds(), back.get(i).startSeconds(), grid.hopSeconds() / 2 + 1e-6);
            assertEquals(truth.get(i).endSeconds(), back.get(i).endSeconds(), grid.hopSeconds() / 2 + 1e-6);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FrameLabels.of(grid, List.of(new Annotation(0.1, 0.2, "z")), classes), "unknown label");
    }
}
