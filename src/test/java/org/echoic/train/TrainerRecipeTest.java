package org.echoic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.echoic.rnnrbm.RbmPretraining;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.junit.jupiter.api.Test;

/** The recipe's extra steps: RBM pretraining, early stopping on validation and the best epoch's weights kept. */
class TrainerRecipeTest {

    @Test
    void theBestValidationEpochIsKeptMarkedAndEarlyStoppingHonoursThePatience() throws Exception {
        SequenceDataset train = ShiftingPatterns.make(10, 24, 8, 1, "train");
        SequenceDataset val = ShiftingPatterns.make(10, 8, 8, 2, "val");
        List<float[]> saved = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (RnnRbm model = new RnnRbm(TrainerTest.LEARNABLE, 3); RmsProp opt = new RmsProp(model)) {
            TrainingConfig cfg = new TrainingConfig(8, 12, List.of(2e-2), false, 0, 0, 0, 6, 3, 5)
                    .withRecipe(2, 2, 5.0);
            Trainer t = new Trainer(model, opt, cfg, train, val, TrainingState.start(), cp -> {
                checkpoints.add(cp);
                saved.add(cp.model().params().flat().toFloatVector());
            }, null);
            Trainer.Outcome o = t.run(() -> false);
            TrainingState st = t.state();
            List<EpochMetrics> h = st.history();
            int argmax = 0;
            for (int e = 1; e < h.size(); e++) {
                if (h.get(e).validation().frameAccuracyAtBest() > h.get(argmax).validation().frameAccuracyAtBest()) {
                    argmax = e;
                }
            }
            assertEquals(argmax, st.bestEpoch());
            assertEquals(h.get(argmax).validation().frameAccuracyAtBest(), st.bestScore(), 1e-15);
            assertEquals(h.get(argmax).validation().bestThreshold(), st.decisionThreshold(), 1e-15);
            assertTrue(t.pretrainSeconds() > 0);
            if (o == Trainer.Outcome.STOPPED_EARLY) {
                assertEquals(2, h.size() - 1 - st.bestEpoch(), "stopped after exactly the patience");
                assertTrue(st.stoppedEarly());
            } else {
                assertEquals(12, h.size());
            }
            float[] finalWeights = model.params().flat().toFloatVector();
            assertArrayEquals(saved.get(st.bestEpoch()), finalWeights, "the final weights are the best epoch's");
            Checkpoint last = checkpoints.get(checkpoints.size() - 1);
            assertEquals(st.bestEpoch() != h.size() - 1, last.bestRestored());
            assertArrayEquals(saved.get(saved.size() - 1), finalWeights, "the last save holds the best weights");
        }
    }

    @Test
    void pretrainingStartsTheVisibleBiasesAtTheDataLogOddsAndLowersTheReconstructionError() {
        SequenceDataset data = ShiftingPatterns.make(10, 24, 8, 1, "train");
        try (RnnRbm model = new RnnRbm(TrainerTest.LEARNABLE, 3)) {
            double none = RbmPretraining.run(model, data.sequences(), 1, 1, 1e-3, 1, () -> false);
            double bv = model.params().group("bv").getDouble(0, 0);
            // every unit is on in 2 of 10 positions on average: log-odds near log(0.2/0.8)
            assertEquals(Math.log(0.2 / 0.8), bv, 0.3);
            double trained = RbmPretraining.run(model, data.sequences(), 30, 1, 1e-2, 1, () -> false);
            assertTrue(trained < none * 0.9, "reconstruction error " + none + " -> " + trained);
        }
    }
}
