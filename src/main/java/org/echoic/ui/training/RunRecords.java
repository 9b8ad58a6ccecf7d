package org.echoic.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echoic.io.CheckpointSummaries;
import org.echoic.project.CorpusEntry;
import org.echoic.project.ModelEntry;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.TrainingRunEntry;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.service.ProjectService;
import org.echoic.train.TrainingConfig;

/**
 * Keeps the project's record of the workbench's training runs: when a run starts, its corpus definition, model
 * configuration and run entry (named after the run folder) go into the project, with any annotation table the
 * corpus read added to its recording, so that "Reproduce" and {@code echoic project check --runs} can rebuild the
 * same data ({@link #started}, FX thread); each checkpoint updates the run's epochs and data fingerprint
 * ({@link #checkpointed} reads {@code model.json}: call it on the I/O thread).
 */
final class RunRecords {
    private RunRecords() {
    }

    static void started(ProjectService projects, CorpusPanel.Built built, double validationFraction,
                        RnnRbmConfig model, TrainingConfig training, Path runDir) {
        if (built == null) {
            return;
        }
        String name = runDir.getFileName().toString();
        CorpusEntry corpus = new CorpusEntry("corpus of " + name, built.recordings(), built.source(), built.channel(),
                built.frames().withoutLevels(), validationFraction, training.seed(), built.joinGapMs());
        ModelEntry m = new ModelEntry("model of " + name, model.nHidden(), model.nRecurrent(),
                RnnRbmConfig.DEFAULT_HIDDEN_SCALAR, RnnRbmConfig.DEFAULT_RECURRENT_SCALAR, model.cdSteps(),
                model.sampleVisible(), training);
        projects.update(p -> {
            Project q = p;
            for (int i = 0; i < built.recordings().size(); i++) {
                Path rec = built.recordings().get(i);
                Path table = built.tables().get(i);
                q = q.withRecording(rec, r -> withTable(r, table));
            }
            return q.withCorpus(corpus).withModel(m)
                    .withTrainingRun(new TrainingRunEntry(name, corpus.name(), m.name(), runDir, null, 0));
        });
    }

    private static ProjectRecording withTable(ProjectRecording r, Path table) {
        if (table == null || r.annotationFiles().contains(table.toAbsolutePath().normalize())) {
            return r;
        }
        List<Path> files = new ArrayList<>();
        files.add(table);
        files.addAll(r.annotationFiles());
        return r.withAnnotationFiles(files);
    }

    static void checkpointed(ProjectService projects, Path checkpoint) {
        CheckpointSummaries.Summary s;
        try {
            s = CheckpointSummaries.read(checkpoint);
        } catch (IOException e) {
            return;
        }
        Path dir = checkpoint.toAbsolutePath().normalize();
        projects.update(p -> {
            Project q = p;
            for (TrainingRunEntry r : p.trainingRunEntries()) {
                if (r.folder().equals(dir)) {
                    q = q.withTrainingRun(new TrainingRunEntry(r.name(), r.corpus(), r.model(), r.folder(),
                            s.dataFingerprint(), s.epochs()));
                }
            }
            return q;
        });
    }
}
