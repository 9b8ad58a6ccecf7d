package org.echoic.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;

/**
 * Cost of the default recipe's extra steps in a default training run: the run of {@link Trainer} with
 * {@link TrainingConfig#defaults} (RBM pretraining, validation with Gibbs prediction after every epoch, early
 * stopping with the best epoch kept), timed by part. The extras are the pretraining and the validation passes
 * ({@link EpochMetrics#overheadSeconds()}, as {@code model.json} records them); checkpoint saves (every epoch,
 * and the best epoch's at the end) are timed apart. Fractions are of the run's wall time. Not thread-safe.
 */
public final class RecipeBenchmark {
    /** Chorale-like synthetic data: sequences per split and frames per sequence as in JSB (quarter notes). */
    private static final int TRAIN_SEQUENCES = 229;
    private static final int VALID_SEQUENCES = 76;
    private static final int KEYS = 88;

    private RecipeBenchmark() {
    }

    /**
     * What the run measured, in seconds; {@code extrasFraction} = (pretraining + validation) / run,
     * {@code extrasWithCheckpointsFraction} adds the checkpoint saves.
     */
    public record Result(String data, int nVisible, int nHidden, int nRecurrent, int epochs, String outcome,
                         int bestEpoch, double runSeconds, double pretrainSeconds, double validationSeconds,
                         double checkpointSeconds, double trainingBatchSeconds, double extrasFraction,
                         double extrasWithCheckpointsFraction, double validationScore) {
    }

    /**
     * Trains with the default recipe for at most {@code maxEpochs} epochs (0 = the whole curriculum with early
     * stopping) and times its parts.
     *
     * @param store where checkpoints go (the CLI passes a folder store, as {@code train} does); null for none
     */
    public static Result run(SequenceDataset train, SequenceDataset valid, RnnRbmConfig model, int maxEpochs,
                             long seed, CheckpointStore store) throws IOException {
        ComputeBackend.configureForTraining();
        TrainingConfig cfg = TrainingConfig.defaults(TrainingConfig.DEFAULT_EPOCHS_PER_STAGE, seed);
        double[] saveSeconds = {0};
        CheckpointStore timed = store == null ? null : cp -> {
            long t0 = System.nanoTime();
            store.save(cp);
            saveSeconds[0] += (System.nanoTime() - t0) / 1e9;
        };
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                epochs.add(m);
            }
        };
        try (RnnRbm rbm = new RnnRbm(model, seed); RmsProp opt = new RmsProp(rbm)) {
            Trainer trainer = new Trainer(rbm, opt, cfg, train, valid, TrainingState.start(), timed, listener);
            long t0 = System.nanoTime();
            Trainer.Outcome o = trainer.run(() -> maxEpochs > 0 && epochs.size() >= maxEpochs);
            double run = (System.nanoTime() - t0) / 1e9;
            double validation = 0;
            double batches = 0;
            for (EpochMetrics m : epochs) {
                validation += m.overheadSeconds();
                batches += train.totalFrames() / Math.max(1e-9, m.framesPerSecond());
            }
            validation -= trainer.pretrainSeconds();
            double extras = trainer.pretrainSeconds() + validation;
            TrainingState st = trainer.state();
            return new Result(train.origin(), model.nVisible(), model.nHidden(), model.nRecurrent(), epochs.size(),
                    o == Trainer.Outcome.CANCELLED ? "EPOCH_LIMIT" : o.name(), st.bestEpoch() + 1, run,
                    trainer.pretrainSeconds(), validation, saveSeconds[0], batches, extras / run,
                    (extras + saveSeconds[0]) / run, st.bestScore());
        }
    }

    /**
     * Synthetic chorale-like splits {train, valid} of {@value #KEYS} keys: four voices, each a random walk of
     * 0–4 semitones per quarter note within its register; 229 and 76 sequences of 25–95 frames (JSB's counts,
     * 60 frames on average as in JSB).
     */
    public static SequenceDataset[] synthetic(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new SequenceDataset[] {
                new SequenceDataset(KEYS, voices(r, TRAIN_SEQUENCES), "synthetic chorales (train)"),
                new SequenceDataset(KEYS, voices(r, VALID_SEQUENCES), "synthetic chorales (valid)")};
    }

    private static List<float[][]> voices(SplittableRandom r, int count) {
        int[] low = {20, 30, 38, 45};
        int[] high = {40, 50, 58, 65};
        List<float[][]> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            float[][] seq = new float[r.nextInt(25, 96)][KEYS];
            int[] pitch = new int[4];
            for (int v = 0; v < 4; v++) {
                pitch[v] = r.nextInt(low[v], high[v] + 1);
            }
            for (float[] frame : seq) {
                for (int v = 0; v < 4; v++) {
                    if (r.nextInt(3) > 0) {
                        pitch[v] = Math.max(low[v], Math.min(high[v], pitch[v] + r.nextInt(-4, 5)));
                    }
                    frame[pitch[v]] = 1f;
                }
            }
            out.add(seq);
        }
        return out;
    }
}
