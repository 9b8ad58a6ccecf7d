package org.echoic.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Seed 004: a linear layer without bias learns the windowed DFT basis from noise frames. */
class StftLessonTest {
    @Test
    void theWeightsBecomeTheWindowedSinusoids() {
        StftLesson lesson = new StftLesson(16, 3);
        double before = lesson.relativeError();
        assertTrue(before > 0.95, "starts far from the basis: " + before);
        lesson.train(1500, 32, 1e-2);
        double after = lesson.relativeError();
        assertTrue(after < 0.05, "relative error after training: " + after);
        float[][] w = lesson.weights();
        float[][] b = lesson.basis();
        // bin 2's cosine: the Hann-windowed cosine, sample by sample
        for (int t = 0; t < 16; t++) {
            assertEquals(b[t][2], w[t][2], 0.05, "t = " + t);
        }
        assertEquals(0, b[5][9], 1e-6, "the imaginary part of bin 0 is zero");
        assertEquals(1500, lesson.steps());
    }
}
