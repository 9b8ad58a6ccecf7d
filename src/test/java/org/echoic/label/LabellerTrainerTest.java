package org.echoic.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Labellers learn separable synthetic tasks far beyond chance, stop early, and give the same weights for the same
 * seed: frames whose class shows as a raised feature in noise, and segments told apart by which feature is raised.
 */
class LabellerTrainerTest {
    private static final int WIDTH = 6;
    private static final List<String> CLASSES = List.of(FrameLabels.BACKGROUND, "low", "high");

    /** A clip of runs of 5–20 frames: background, or class c raising features 2c−2..2c−1 by 2 over unit noise. */
    static LabelledClip clip(int frames, long seed) {
        Random r = new Random(seed);
        float[] v = new float[frames * WIDTH];
        int[] labels = new int[frames];
        int t = 0;
        while (t < frames) {
            int c = r.nextInt(3);
            int len = 5 + r.nextInt(16);
            for (int i = t; i < Math.min(frames, t + len); i++) {
                labels[i] = c;
                for (int f = 0; f < WIDTH; f++) {
                    v[i * WIDTH + f] = (float) r.nextGaussian() + (c > 0 && f / 2 == c - 1 ? 2 : 0);
                }
            }
            t += len;
        }
        return new LabelledClip("clip-" + seed, new FrameFeatures(FeatureSpec.DEFAULT, 32_000, 0, frames, WIDTH, v),
                labels);
    }

    private static final LabellerTrainer.Listener QUIET = new LabellerTrainer.Listener() {
        @Override
        public boolean stopRequested() {
            return false;
        }

        @Override
        public void batch(int epoch, int batch, int batchesPerEpoch, double loss, long frames, double progress) {
        }

        @Override
        public void epoch(LabellerTrainer.EpochResult result, Labeller improved) {
        }
    };

    private static TrainingParams params(LabelNetwork n, long seed, int epochs, int window) {
        return new TrainingParams(n, new LabelNetwork.Settings(8, 1e-2, seed), window, 8, epochs, 3, 0.25,
                TrainingParams.ClassWeighting.SQRT);
    }

    @Test
    void aFrameLabellerLearnsASeparableTaskAndIsReproducible() throws Exception {
        List<LabelledClip> clips = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clips.add(clip(400, i));
        }
        LabellerTrainer.Result a = LabellerTrainer.train(LabelNetwork.Task.FRAMES, clips, CLASSES,
                params(LabelNetwork.LSTM, 3, 5, 32), QUIET);
        LabellerTrainer.EpochResult best = a.history().get(a.bestEpoch());
        assertTrue(best.validationAccuracy() > 0.85, "validation accuracy " + best.validationAccuracy()
                + " (chance ≈ 0.33)");
        LabelledClip held = clip(400, 99);
        int[] predicted = FrameLabels.argmax(a.labeller().frameProbabilities(held.features()), 3);
        double error = LabelMetrics.frameError(held.labels(), predicted);
        assertTrue(error < 0.15, "frame error on a new clip: " + error);

        LabellerTrainer.Result b = LabellerTrainer.train(LabelNetwork.Task.FRAMES, clips, CLASSES,
                params(LabelNetwork.LSTM, 3, 5, 32), QUIET);
        assertArrayEquals(a.labeller().net().params().toFloatVector(), b.labeller().net().params().toFloatVector(),
                "same seed, same weights");
        LabellerTrainer.Result c = LabellerTrainer.train(LabelNetwork.Task.FRAMES, clips, CLASSES,
                params(LabelNetwork.LSTM, 4, 1, 32), QUIET);
        assertFalse(java.util.Arrays.equals(a.labeller().net().params().toFloatVector(),
                c.labeller().net().params().toFloatVector()), "another seed, other weights");
    }

    @Test
    void aSegmentClassifierTellsSegmentsApart() throws Exception {
        List<LabelledClip> segments = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 48; i++) {
            int c = i % 2;
            int frames = 6 + r.nextInt(16);
            float[] v = new float[frames * WIDTH];
            for (int t = 0; t < frames; t++) {
                for (int f = 0; f < WIDTH; f++) {
                    v[t * WIDTH + f] = (float) r.nextGaussian() + (f / 3 == c ? 1.5f : 0);
                }
            }
            segments.add(new LabelledClip("seg-" + i, new FrameFeatures(FeatureSpec.DEFAULT, 32_000, 0, frames, WIDTH,
                    v), new int[] {c}));
        }
        LabellerTrainer.Result res = LabellerTrainer.train(LabelNetwork.Task.SEGMENTS, segments,
                List.of("low", "high"), params(LabelNetwork.GRU, 1, 6, 16), QUIET);
        double acc = res.history().get(res.bestEpoch()).validationAccuracy();
        assertTrue(acc >= 0.9, "segment accuracy " + acc + " (chance 0.5)");
        assertEquals(2, res.labeller().segmentProbabilities(List.of(segments.get(0).features()))[0].length);
    }
}
