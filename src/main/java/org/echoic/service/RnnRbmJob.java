package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.echoic.corpus.Corpus;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointHistory;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.train.BatchMetrics;
import org.echoic.train.Checkpoint;
import org.echoic.train.EpochMetrics;
import org.echoic.train.SequenceDataset;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingListener;
import org.echoic.train.TrainingState;

/**
 * An RNN-RBM training run as a {@link TrainableJob}: a new model ({@link #fresh}) or one continued from its
 * checkpoint ({@link #resume}, refused on other data by the fingerprint), trained by {@link Trainer} on a corpus
 * with a seeded validation split, checkpointed after every epoch with the corpus' STFT and scaling sections and an
 * epoch snapshot ({@link CheckpointHistory}); a stop writes a checkpoint of the weights so far. Model thread only.
 */
public final class RnnRbmJob implements TrainableJob {
    /** The RNN-RBM's curves: CD cost and reconstruction per batch; per epoch also validation error and accuracy. */
    public static final TrainingCurves CURVES = new TrainingCurves(List.of("CD cost", "Reconstruction"),
            List.of("CD cost (epoch)", "Reconstruction (epoch)", "Validation prediction error", "Validation accuracy"),
            List.of("CD cost (epoch)", "Validation prediction error"));

    private record Loaded(RnnRbm model, RmsProp optimizer, TrainingConfig config, TrainingState state,
                          String fingerprint) {
    }

    @FunctionalInterface
    private interface ModelSource {
        Loaded open() throws IOException;
    }

    private final ModelSource source;
    private final Corpus corpus;
    private final double validationFraction;
    private final Path runDir;
    private final int keepEpochs;
    private final String appVersion;

    private RnnRbmJob(ModelSource source, Corpus corpus, double validationFraction, Path runDir, int keepEpochs,
                      String appVersion) {
        this.source = source;
        this.corpus = corpus;
        this.validationFraction = validationFraction;
        this.runDir = runDir;
        this.keepEpochs = keepEpochs;
        this.appVersion = appVersion;
    }

    /** A new run of request {@code r}; checkpoints record {@code appVersion}. */
    public static RnnRbmJob fresh(TrainingService.Request r, String appVersion) {
        return new RnnRbmJob(() -> {
            RnnRbm model = new RnnRbm(r.model(), r.training().seed());
            return new Loaded(model, new RmsProp(model), r.training(), TrainingState.start(), null);
        }, r.corpus(), r.validationFraction(), r.runDir(), r.keepEpochs(), appVersion);
    }

    /** Continues the run whose checkpoint is in {@code checkpointDir} on {@code corpus}, into the same folder. */
    public static RnnRbmJob resume(Path checkpointDir, Corpus corpus, double validationFraction, String appVersion) {
        return new RnnRbmJob(() -> {
            CheckpointFolder.Loaded l = CheckpointFolder.load(checkpointDir);
            return new Loaded(l.model(), l.optimizer(), l.config(), l.state(), l.dataFingerprint());
        }, corpus, validationFraction, checkpointDir, CheckpointHistory.ALL, appVersion);
    }

    /** An epoch's values in {@link #CURVES} order (NaN where there was no validation or accuracy). */
    public static double[] epochValues(EpochMetrics e) {
        double valError = e.validation() == null ? Double.NaN : e.validation().predictionMse();
        Double acc = e.validation() == null ? null : e.validation().frameAccuracy();
        return new double[] {e.trainCost(), e.trainReconstruction(), valError, acc == null ? Double.NaN : acc};
    }

    /** A metrics history (a checkpoint's) as epoch points, for overlays and resumed charts. */
    public static List<MetricsBuffer.EpochPoint> epochPoints(List<EpochMetrics> history) {
        return history.stream().map(e -> new MetricsBuffer.EpochPoint(e.epoch(), epochValues(e))).toList();
    }

    @Override
    public TrainingCurves curves() {
        return CURVES;
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    @Override
    public Outcome train(TrainingSession session) throws IOException {
        Loaded m = null;
        try {
            m = source.open();
            SequenceDataset all = corpus.dataset();
            SequenceDataset train = all;
            SequenceDataset val = null;
            if (validationFraction > 0 && all.size() >= 2) {
                SequenceDataset.Split s = all.split(validationFraction, m.config().seed());
                train = s.training();
                val = s.validation();
            }
            if (m.fingerprint() != null && !m.fingerprint().equals(train.fingerprint())) {
                throw new IllegalArgumentException(runDir + ": the checkpoint was trained on other data (fingerprint "
                        + m.fingerprint() + "); build the same corpus with the same validation split to resume");
            }
            SpectralFrames frames = corpus.frames();
            CheckpointFolder folder = new CheckpointFolder(runDir, appVersion, GenerationPipeline.scalingSection(corpus),
                    frames.stftMap(corpus.segments().get(0).sampleRateHz()));
            TrainingConfig cfg = m.config();
            session.begin(m.state().nextEpoch(), cfg.totalEpochs(), cfg.epochsPerStage(), m.state().skippedTotal());
            Listener listener = new Listener(session);
            Trainer trainer = new Trainer(m.model(), m.optimizer(), cfg, train, val, m.state(),
                    new CheckpointHistory(folder, keepEpochs), listener);
            if (trainer.run(session::stopRequested) != Trainer.Outcome.CANCELLED) {
                return Outcome.COMPLETED;
            }
            boolean interrupted = Thread.interrupted();
            int partial = listener.lastEpoch == trainer.state().nextEpoch() ? listener.lastBatch + 1 : 0;
            folder.save(new Checkpoint(m.model(), m.optimizer(), cfg, trainer.state(), train.fingerprint(),
                    train.origin()), partial);
            session.checkpointWritten(runDir);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return Outcome.STOPPED;
        } finally {
            if (m != null) {
                m.optimizer().close();
                m.model().close();
            }
        }
    }

    /** Hands the trainer's metrics to the session. Model thread. */
    private final class Listener implements TrainingListener {
        private final TrainingSession session;
        private int lastEpoch = -1;
        private int lastBatch = -1;

        Listener(TrainingSession session) {
            this.session = session;
        }

        @Override
        public void onBatch(BatchMetrics b) {
            lastEpoch = b.epoch();
            lastBatch = b.batch();
            session.batch(new TrainingSession.Batch(b.epoch(), b.batch(), b.batchesPerEpoch(),
                    new double[] {b.cost(), b.reconstruction()}, b.frames(), b.learningRate(), b.skipped(),
                    b.skippedTotal(), b.elapsedSeconds(), b.remainingSeconds(), b.progress()));
        }

        @Override
        public void onEpoch(EpochMetrics e) {
            session.checkpointWritten(runDir);
            session.epoch(e.epoch(), epochValues(e));
        }
    }
}
