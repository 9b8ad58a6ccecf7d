package org.echoic.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Syllables, gaps and rates measured in frames. */
class SongStructureTest {
    /** A sequence whose frames are {@code level} during the given [start, end) frame runs, 0.02 elsewhere. */
    static float[][] song(int frames, double level, int... runs) {
        float[][] s = new float[frames][4];
        for (float[] f : s) {
            java.util.Arrays.fill(f, 0.02f);
        }
        for (int r = 0; r < runs.length; r += 2) {
            for (int t = runs[r]; t < runs[r + 1]; t++) {
                java.util.Arrays.fill(s[t], (float) level);
            }
        }
        return s;
    }

    @Test
    void measuresSyllablesGapsAndRatesOfKnownRuns() {
        float[][] s = song(100, 0.7, 10, 20, 30, 35, 60, 80, 90, 91);
        SongStructure st = SongStructure.of(List.<float[][]>of(s), 0.01, 0.3);
        assertArrayEquals(new double[] {0.10, 0.05, 0.20}, st.syllableSeconds(), 1e-9,
                "the 1-frame blip at 90 is no syllable");
        assertArrayEquals(new double[] {0.10, 0.25}, st.gapSeconds(), 1e-9);
        assertArrayEquals(new double[] {1 / 0.20, 1 / 0.30}, st.ratePerSecond(), 1e-9);
    }

    @Test
    void otsuSplitsSoundFromSilence() {
        double th = SongStructure.threshold(List.<float[][]>of(song(200, 0.8, 10, 50, 90, 120)));
        assertTrue(th > 0.02 && th < 0.8, "between the two levels: " + th);
        assertEquals(0.5, SongStructure.threshold(List.<float[][]>of(song(10, 0.02))), 0, "one level: the default");
    }

    @Test
    void realismComparesStructureWithTheRealThreshold() {
        float[][] real = song(200, 0.8, 10, 30, 50, 70, 90, 110, 130, 150);
        float[][] same = song(200, 0.6, 5, 25, 45, 65, 85, 105, 125, 145);
        float[][] band = song(200, 0.6, 0, 200);
        double[] hz = {1000, 2000, 3000, 4000};
        Realism close = Realism.of(List.<float[][]>of(same), List.<float[][]>of(real), hz, new double[0], new double[0], new double[0],
                new double[0]).withStructure(List.<float[][]>of(same), List.<float[][]>of(real), 0.01);
        Realism flat = Realism.of(List.<float[][]>of(band), List.<float[][]>of(real), hz, new double[0], new double[0], new double[0],
                new double[0]).withStructure(List.<float[][]>of(band), List.<float[][]>of(real), 0.01);
        assertEquals(0, close.syllableSeconds().ks(), 1e-12, "same durations");
        assertEquals(0, close.gapSeconds().ks(), 1e-12);
        assertEquals(0, close.ratePerSecond().ks(), 1e-12);
        assertEquals(1, flat.syllableSeconds().ks(), 1e-12, "one 2 s band against 0.2 s syllables");
        assertEquals(0, flat.gapSeconds().generated().length, "a flat band has no gaps");
    }
}
