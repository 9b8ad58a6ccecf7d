package org.echoic.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.echoic.io.CheckpointFolder;
import org.echoic.project.Project;
import org.echoic.project.TrainingRunEntry;

/**
 * "Reproduce" for a training run: rebuilds the run's corpus from the project and compares its fingerprint with
 * the recorded one, then re-trains the run's configuration from scratch for the recorded number of epochs in a
 * scratch folder and compares the weights (SHA-256 of {@code params.bin}) with the run's checkpoint. Same seed,
 * data and configuration give bit-identical weights on the CPU backend. Touches ND4J: call on the model thread
 * (or the CLI's main thread). Stateless.
 */
public final class RunReproduction {

    /**
     * @param run              the project's entry
     * @param recordedData     the data fingerprint the project recorded
     * @param reproducedData   the fingerprint of the rebuilt corpus (null if it could not be built)
     * @param recordedParams   the weights' SHA-256 in the run's checkpoint (null if unreadable)
     * @param reproducedParams the weights' SHA-256 after re-training (null if not re-trained)
     * @param message          what went wrong, or null
     */
    public record Check(TrainingRunEntry run, String recordedData, String reproducedData, String recordedParams,
                        String reproducedParams, String message) {
        public boolean dataReproduced() {
            return recordedData != null && recordedData.equals(reproducedData);
        }

        public boolean weightsReproduced() {
            return recordedParams != null && recordedParams.equals(reproducedParams);
        }

        public boolean ok() {
            return message == null && dataReproduced() && weightsReproduced();
        }
    }

    private RunReproduction() {
    }

    /**
     * Checks one run.
     *
     * @param scratch  an empty folder for the re-trained checkpoint (deleted afterwards)
     * @param retrain  false to compare the data only (quick)
     */
    public static Check check(Project project, TrainingRunEntry run, Path scratch, boolean retrain,
                              String appVersion, BooleanSupplier cancelled)
            throws InterruptedException {
        String recordedParams = null;
        int partial;
        try {
            CheckpointFolder.Loaded l = CheckpointFolder.load(run.folder());
            recordedParams = l.paramsSha256();
            partial = l.partialEpochBatches();
            l.model().close();
            l.optimizer().close();
            if (l.state().nextEpoch() != run.epochs()) {
                return new Check(run, run.dataFingerprint(), null, recordedParams, null, run.folder()
                        + ": the checkpoint is at epoch " + l.state().nextEpoch() + ", the project recorded "
                        + run.epochs());
            }
        } catch (IOException e) {
            return new Check(run, run.dataFingerprint(), null, null, null, e.getMessage());
        }
        String data;
        try {
            data = ProjectCorpora.build(project, ProjectCorpora.entry(project, run.corpus()))
                    .training().fingerprint();
        } catch (IOException | IllegalArgumentException e) {
            return new Check(run, run.dataFingerprint(), null, recordedParams, null, e.getMessage());
        }
        if (retrain && partial > 0 && data.equals(run.dataFingerprint())) {
            return new Check(run, run.dataFingerprint(), data, recordedParams, null, "the run was stopped " + partial
                    + " batches into epoch " + (run.epochs() + 1) + ": its weights cannot be re-trained by whole "
                    + "epochs (data checked)");
        }
        if (!retrain || !data.equals(run.dataFingerprint())) {
            return new Check(run, run.dataFingerprint(), data, recordedParams, null,
                    data.equals(run.dataFingerprint()) ? (retrain ? null : "weights not re-trained")
                            : "the corpus differs from the one the run trained on");
        }
        Path folder = scratch.resolve("reproduced");
        try {
            ProjectTraining.Outcome o = ProjectTraining.train(project, run.name(),
                    ProjectCorpora.entry(project, run.corpus()), ProjectTraining.model(project, run.model()), folder,
                    0, run.epochs(), appVersion, cancelled, null);
            if (o.run().epochs() != run.epochs()) {
                return new Check(run, run.dataFingerprint(), data, recordedParams, null,
                        "re-training stopped after " + o.run().epochs() + " epochs");
            }
            CheckpointFolder.Loaded again = CheckpointFolder.load(folder);
            again.model().close();
            again.optimizer().close();
            return new Check(run, run.dataFingerprint(), data, recordedParams, again.paramsSha256(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Check(run, run.dataFingerprint(), data, recordedParams, null, e.getMessage());
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the scratch folder belongs to the caller
        }
    }
}
