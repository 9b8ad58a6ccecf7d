package org.echoic.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.junit.jupiter.api.Test;

/** Generation: seeded, values in range, priming and temperature have effects, sampling gives binary frames. */
class GeneratorTest {
    private static final RnnRbmConfig CFG = new RnnRbmConfig(6, 8, 5, 1, false, GateActivation.TANH)
            .withInitStd(1.0, 0.5);

    @Test
    void generationIsSeededAndInRange() throws Exception {
        try (RnnRbm model = new RnnRbm(CFG, 2)) {
            float[][] a = Generator.generate(model, GenerationParams.of(12, 4), null, null);
            float[][] b = Generator.generate(model, GenerationParams.of(12, 4), null, null);
            float[][] c = Generator.generate(model, GenerationParams.of(12, 5), null, null);
            assertEquals(12, a.length);
            for (int t = 0; t < a.length; t++) {
                assertArrayEquals(a[t], b[t]);
                for (float x : a[t]) {
                    assertTrue(x >= 0 && x <= 1);
                }
            }
            assertFalse(Arrays.deepEquals(a, c), "another seed gives other frames");
        }
    }

    @Test
    void primingTemperatureAndSamplingChangeTheOutput() throws Exception {
        try (RnnRbm model = new RnnRbm(CFG, 2)) {
            float[][] primer = {{1, 0, 1, 0, 1, 0}, {0, 1, 0, 1, 0, 1}};
            float[][] plain = Generator.generate(model, GenerationParams.of(3, 4), null, null);
            float[][] primed = Generator.generate(model, GenerationParams.of(3, 4), primer, null);
            assertFalse(Arrays.deepEquals(plain, primed));
            float[][] hot = Generator.generate(model, new GenerationParams(3, 20, 5.0, false, false, 4), null, null);
            double spreadHot = 0;
            double spreadPlain = 0;
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < 6; i++) {
                    spreadHot += Math.abs(hot[t][i] - 0.5);
                    spreadPlain += Math.abs(plain[t][i] - 0.5);
                }
            }
            assertTrue(spreadHot < spreadPlain, "a high temperature pulls probabilities towards 1/2");
            float[][] sampled = Generator.generate(model, new GenerationParams(4, 5, 1.0, true, true, 4), null, null);
            for (float[] f : sampled) {
                for (float x : f) {
                    assertTrue(x == 0f || x == 1f);
                }
            }
        }
    }
}
