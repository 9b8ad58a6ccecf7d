package org.echoic.rnnrbm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded tiny sequence sets for model tests. */
final class TinyData {
    private TinyData() {
    }

    /** Sequences of the given lengths with values uniform in [0,1]. */
    static List<float[][]> uniform(long seed, int nVisible, int... lengths) {
        Random r = new Random(seed);
        List<float[][]> out = new ArrayList<>();
        for (int len : lengths) {
            float[][] s = new float[len][nVisible];
            for (float[] f : s) {
                for (int i = 0; i < nVisible; i++) {
                    f[i] = r.nextFloat();
                }
            }
            out.add(s);
        }
        return out;
    }

    /** Fills the padding rows (mask 0) of a batch with seeded junk, returning a new batch. */
    static SequenceBatch withJunkPadding(SequenceBatch b, long seed, float scale) {
        Random r = new Random(seed);
        float[] f = b.frames().clone();
        for (int row = 0; row < b.mask().length; row++) {
            if (b.mask()[row] == 0) {
                for (int i = 0; i < b.nVisible(); i++) {
                    f[row * b.nVisible() + i] = scale * r.nextFloat();
                }
            }
        }
        return new SequenceBatch(f, b.mask(), b.batchSize(), b.steps(), b.nVisible(), null);
    }
}
