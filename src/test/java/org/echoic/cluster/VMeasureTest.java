package org.echoic.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** V-measure against hand-worked cases and scikit-learn's homogeneity_completeness_v_measure (values printed by it). */
class VMeasureTest {
    @Test
    void identicalPartitionsScoreOneWhateverTheNames() {
        VMeasure.Score s = VMeasure.of(List.of("a", "a", "b", "c"), List.of(7, 7, 3, -1));
        assertEquals(1, s.homogeneity(), 1e-12);
        assertEquals(1, s.completeness(), 1e-12);
        assertEquals(1, s.vMeasure(), 1e-12);
    }

    @Test
    void splittingAClassKeepsHomogeneityAndCostsCompleteness() {
        VMeasure.Score s = VMeasure.of(List.of(0, 0, 1, 1), List.of(0, 0, 1, 2));
        assertEquals(1, s.homogeneity(), 1e-12);
        assertEquals(2.0 / 3, s.completeness(), 1e-12);
        assertEquals(0.8, s.vMeasure(), 1e-12);
    }

    @Test
    void oneClusterForEverythingIsCompleteButNotHomogeneous() {
        VMeasure.Score s = VMeasure.of(List.of(0, 0, 1, 1), List.of(4, 4, 4, 4));
        assertEquals(0, s.homogeneity(), 1e-12);
        assertEquals(1, s.completeness(), 1e-12);
        assertEquals(0, s.vMeasure(), 1e-12);
    }

    @Test
    void matchesScikitLearnOnMixedCases() {
        VMeasure.Score s = VMeasure.of(List.of(0, 0, 0, 1, 1, 1, 2, 2), List.of(1, 1, 0, 0, 0, 2, 2, 2));
        assertEquals(0.5588730382170324, s.vMeasure(), 1e-12);
        VMeasure.Score noise = VMeasure.of(List.of("a", "a", "b", "b", "c"), List.of(5, 5, 5, -1, -1));
        assertEquals(0.37514952012034736, noise.homogeneity(), 1e-12);
        assertEquals(0.5880325916843804, noise.completeness(), 1e-12);
        assertEquals(0.4580652856440158, noise.vMeasure(), 1e-12);
    }

    @Test
    void refusesListsOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class, () -> VMeasure.of(List.of(1, 2), List.of(1)));
    }
}
