package org.echoic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.junit.jupiter.api.Test;

/** The training loop: learning, determinism, skip-and-rollback and cancellation. */
class TrainerTest {
    static final RnnRbmConfig TINY = new RnnRbmConfig(10, 24, 16, 3, false,
            org.echoic.rnnrbm.GateActivation.TANH);
    /** The spec's 1e-4 recurrent initialisation leaves the recurrent path's gradients near 1e-11 (see README). */
    static final RnnRbmConfig LEARNABLE = TINY.withInitStd(0.01, 0.3).withCdSteps(15);

    static TrainingConfig fast(int epochsPerStage, long seed) {
        return new TrainingConfig(8, epochsPerStage, List.of(2e-2, 5e-3), false, 1e-4, 0, 0, 10, 3, seed);
    }

    @Test
    void nextFrameAccuracyRisesFarAboveRepeatingThePreviousFrame() throws Exception {
        SequenceDataset train = ShiftingPatterns.make(10, 40, 10, 1, "train");
        SequenceDataset held = ShiftingPatterns.make(10, 16, 10, 2, "held-out");
        double baseline = ShiftingPatterns.repeatPreviousAccuracy(held);
        List<EpochMetrics> epochs = new ArrayList<>();
        try (RnnRbm model = new RnnRbm(LEARNABLE, 3); RmsProp opt = new RmsProp(model)) {
            Evaluation before = Evaluator.evaluate(model, held, 16, 0, 10);
            TrainingConfig cfg = new TrainingConfig(8, 25, List.of(5e-3, 2e-3), false, 0, 0, 0, 10, 3, 5);
            Trainer t = new Trainer(model, opt, cfg, train, null, TrainingState.start(), null,
                    new TrainingListener() {
                        @Override
                        public void onEpoch(EpochMetrics m) {
                            epochs.add(m);
                        }
                    });
            assertEquals(Trainer.Outcome.COMPLETED, t.run(() -> false));
            Evaluation after = Evaluator.evaluate(model, held, 16, 0, 10);
            System.out.println("baseline " + baseline + " before " + before + " after " + after);
            assertEquals(50, epochs.size());
            assertEquals(2e-3, epochs.get(49).learningRate(), 1e-15);
            assertTrue(after.frameAccuracy() > baseline + 0.3,
                    "accuracy " + after.frameAccuracy() + " vs repeat-previous baseline " + baseline);
            assertTrue(after.predictionMse() < before.predictionMse() * 0.5, "prediction MSE did not fall");
            assertTrue(after.reconstruction() > before.reconstruction(), "reconstruction did not improve");
        }
    }

    @Test
    void sameSeedDataAndConfigGiveBitIdenticalWeights() throws Exception {
        SequenceDataset data = ShiftingPatterns.make(10, 20, 9, 4, "d");
        float[] a = trainWeights(data, 9);
        float[] b = trainWeights(data, 9);
        assertArrayEquals(a, b);
        float[] c = trainWeights(data, 10);
        assertTrue(!java.util.Arrays.equals(a, c), "another seed must give other weights");
    }

    private static float[] trainWeights(SequenceDataset data, long seed) throws Exception {
        try (RnnRbm model = new RnnRbm(TINY, seed); RmsProp opt = new RmsProp(model)) {
            new Trainer(model, opt, fast(1, seed).withWindowFrames(4), data, null, TrainingState.start(), null,
                    null).run(() -> false);
            return model.params().flat().toFloatVector();
        }
    }

    @Test
    void nonFiniteCostsAreSkippedCountedAndRolledBackWithHalvedRate() throws Exception {
        SequenceDataset data = ShiftingPatterns.make(10, 40, 6, 4, "d");
        List<BatchMetrics> batches = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        try (RnnRbm model = new RnnRbm(TINY, 1); RmsProp opt = new RmsProp(model)) {
            TrainingConfig cfg = new TrainingConfig(8, 1, List.of(1e-3), false, 0, 0, 0, 5, 3, 1);
            new Trainer(model, opt, cfg, data, null, TrainingState.start(), null, new TrainingListener() {
                @Override
                public void onBatch(BatchMetrics m) {
                    batches.add(m);
                    if (batches.size() == 1) {
                        model.params().group("bv").putScalar(0, Float.NaN);
                    }
                }

                @Override
                public void onEpoch(EpochMetrics m) {
                    epochs.add(m);
                }
            }).run(() -> false);
            assertEquals(5, batches.size());
            assertTrue(batches.get(1).skipped() && batches.get(2).skipped() && batches.get(3).skipped());
            assertTrue(!batches.get(4).skipped(), "after the rollback training goes on");
            assertEquals(5e-4, batches.get(4).learningRate(), 1e-12);
            assertEquals(3, epochs.get(0).skippedBatches());
            assertEquals(1, epochs.get(0).rollbacks());
            assertTrue(Double.isFinite(model.params().flat().sumNumber().doubleValue()));
        }
    }

    @Test
    void cancellationStopsAtABatchBoundary() throws Exception {
        SequenceDataset data = ShiftingPatterns.make(10, 40, 6, 4, "d");
        AtomicBoolean cancel = new AtomicBoolean();
        List<BatchMetrics> batches = new ArrayList<>();
        try (RnnRbm model = new RnnRbm(TINY, 1); RmsProp opt = new RmsProp(model)) {
            Trainer t = new Trainer(model, opt, fast(3, 1), data, null, TrainingState.start(), null,
                    new TrainingListener() {
                        @Override
                        public void onBatch(BatchMetrics m) {
                            batches.add(m);
                            cancel.set(batches.size() == 2);
                        }
                    });
            assertEquals(Trainer.Outcome.CANCELLED, t.run(cancel::get));
            assertEquals(2, batches.size());
            assertEquals(0, t.state().nextEpoch());
        }
    }
}
