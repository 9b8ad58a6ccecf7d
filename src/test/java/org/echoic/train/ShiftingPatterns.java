package org.echoic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Binary sequences with strong temporal structure: a bar of two active units moving one unit per frame. */
final class ShiftingPatterns {
    private ShiftingPatterns() {
    }

    static SequenceDataset make(int nVisible, int count, int length, long seed, String origin) {
        Random r = new Random(seed);
        List<float[][]> seqs = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int pos = r.nextInt(nVisible);
            int dir = 1;
            float[][] seq = new float[length][nVisible];
            for (int t = 0; t < length; t++) {
                int p = Math.floorMod(pos + dir * t, nVisible);
                seq[t][p] = 1f;
                seq[t][Math.floorMod(p + 1, nVisible)] = 1f;
            }
            seqs.add(seq);
        }
        return new SequenceDataset(nVisible, seqs, origin);
    }

    /** Frame accuracy of predicting each frame by the previous one (frames 1..T−1 of every sequence). */
    static double repeatPreviousAccuracy(SequenceDataset d) {
        double sum = 0;
        long n = 0;
        for (float[][] seq : d.sequences()) {
            for (int t = 1; t < seq.length; t++) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < d.nVisible(); i++) {
                    boolean on = seq[t - 1][i] > 0.5f;
                    boolean real = seq[t][i] > 0.5f;
                    tp += on && real ? 1 : 0;
                    fp += on && !real ? 1 : 0;
                    fn += !on && real ? 1 : 0;
                }
                sum += Evaluator.frameAccuracy(tp, fp, fn);
                n++;
            }
        }
        return sum / n;
    }
}
