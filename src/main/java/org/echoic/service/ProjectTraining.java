package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.echoic.corpus.CorpusSegment;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointHistory;
import org.echoic.project.CorpusEntry;
import org.echoic.project.ModelEntry;
import org.echoic.project.Project;
import org.echoic.project.TrainingRunEntry;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.EpochMetrics;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingListener;
import org.echoic.train.TrainingState;

/**
 * Trains a project's model configuration on a project's corpus, from scratch, into a checkpoint folder: what
 * {@code echoic train --project} and "Reproduce" run. Touches ND4J: call on the model thread (or the CLI's
 * main thread). Stateless.
 */
public final class ProjectTraining {

    /** What a run produced. */
    public record Outcome(TrainingRunEntry run, boolean completed) {
    }

    private ProjectTraining() {
    }

    /** The model entry named {@code name} (or the only one). @throws IllegalArgumentException listing the names */
    public static ModelEntry model(Project project, String name) {
        return Project.named(project.modelEntries(), ModelEntry::name, name, "model configuration");
    }

    /** The model's configuration for frames of width {@code nVisible}. */
    public static RnnRbmConfig config(ModelEntry m, int nVisible) {
        return RnnRbmConfig.defaults(nVisible).withSizes(m.hiddenFor(nVisible), m.recurrentFor(nVisible))
                .withCdSteps(m.cdSteps()).withSampleVisible(m.sampleVisible());
    }

    /** Builds the corpus and trains, keeping every epoch's snapshot. */
    public static Outcome train(Project project, String runName, CorpusEntry corpus, ModelEntry model, Path folder,
                                int stopAfterEpochs, String appVersion, BooleanSupplier cancelled,
                                TrainingListener listener) throws IOException, InterruptedException {
        return train(project, runName, corpus, model, folder, CheckpointHistory.ALL, stopAfterEpochs, appVersion,
                cancelled, listener);
    }

    /**
     * Builds the corpus and trains.
     *
     * @param runName         the run's name in the project
     * @param folder          the checkpoint folder
     * @param keepEpochs      epoch snapshots kept in {@code <folder>.epochs} ({@link CheckpointHistory#ALL}, 0 = none)
     * @param stopAfterEpochs stop after this many epochs (0 = the whole curriculum)
     * @param cancelled       polled at every batch boundary
     * @param listener        receives the metrics (may be null)
     */
    public static Outcome train(Project project, String runName, CorpusEntry corpus, ModelEntry model, Path folder,
                                int keepEpochs, int stopAfterEpochs, String appVersion, BooleanSupplier cancelled,
                                TrainingListener listener) throws IOException, InterruptedException {
        ProjectCorpora.Built built = ProjectCorpora.build(project, corpus);
        CorpusSegment first = built.corpus().segments().get(0);
        var frames = built.corpus().frames();
        CheckpointHistory store = new CheckpointHistory(new CheckpointFolder(folder, appVersion,
                GenerationPipeline.scalingSection(built.corpus()),
                frames.stftMap(first.sampleRateHz())), keepEpochs);
        ComputeBackend.configureForTraining();
        AtomicBoolean enough = new AtomicBoolean();
        int[] epochs = {0};
        TrainingListener counting = new TrainingListener() {
            @Override
            public void onBatch(org.echoic.train.BatchMetrics m) {
                if (listener != null) {
                    listener.onBatch(m);
                }
            }

            @Override
            public void onEpoch(EpochMetrics m) {
                epochs[0] = m.epoch() + 1;
                if (stopAfterEpochs > 0 && epochs[0] >= stopAfterEpochs) {
                    enough.set(true);
                }
                if (listener != null) {
                    listener.onEpoch(m);
                }
            }
        };
        RnnRbmConfig cfg = config(model, built.training().nVisible());
        try (RnnRbm rbm = new RnnRbm(cfg, model.training().seed()); RmsProp opt = new RmsProp(rbm)) {
            Trainer t = new Trainer(rbm, opt, model.training(), built.training(), built.validation(),
                    TrainingState.start(), store, counting);
            Trainer.Outcome o = t.run(() -> enough.get() || cancelled.getAsBoolean());
            boolean completed = o != Trainer.Outcome.CANCELLED || (enough.get() && !cancelled.getAsBoolean());
            return new Outcome(new TrainingRunEntry(runName, corpus.name(), model.name(), folder,
                    built.training().fingerprint(), epochs[0]), completed);
        }
    }
}
