package org.echoic.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.echoic.segment.Annotation;
import org.junit.jupiter.api.Test;

/** Edit distance, syllable error rate and per-class precision and recall on known cases. */
class LabelMetricsTest {
    private static List<Annotation> seq(String labels) {
        return labels.chars().mapToObj(c -> new Annotation(0, 1, String.valueOf((char) c))).toList();
    }

    @Test
    void syllableErrorRateIsTheEditDistanceOverTheTrueLength() {
        assertEquals(3, LabelMetrics.levenshtein(List.of("k", "i", "t", "t", "e", "n"),
                List.of("s", "i", "t", "t", "i", "n", "g")));
        assertEquals(0, LabelMetrics.syllableErrorRate(seq("abcab"), seq("abcab")));
        assertEquals(0.2, LabelMetrics.syllableErrorRate(seq("abcab"), seq("abab")), 1e-12, "one deletion");
        assertEquals(0.4, LabelMetrics.syllableErrorRate(seq("abcab"), seq("abccaa")), 1e-12, "insertion + substitution");
        assertEquals(1, LabelMetrics.syllableErrorRate(seq(""), seq("a")));
    }

    @Test
    void confusionGivesPrecisionAndRecallPerClass() {
        long[][] m = new long[3][3];
        LabelMetrics.addConfusion(m, new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 1, 1, 0, 1});
        assertArrayEquals(new double[] {0.5, 0.5, Double.NaN}, LabelMetrics.precision(m), 1e-12);
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 0}, LabelMetrics.recall(m), 1e-12);
        assertEquals(0.5, LabelMetrics.frameError(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
    }
}
