package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoic.corpus.SegmentSource;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.CheckpointFolder;
import org.echoic.project.CorpusEntry;
import org.echoic.project.ModelEntry;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.TrainingRunEntry;
import org.echoic.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RunReproductionTest {
    private static final Path SONG = Path.of("sample-data/bird-song.wav");
    private static final Path TABLE = Path.of("sample-data/bird-song.csv");

    @TempDir
    Path dir;

    /** A project with the bird-song sample, a tiny band-limited corpus of its reference calls and a tiny model. */
    public static Project tinyProject() {
        ProjectRecording r = ProjectRecording.of(SONG, 44100, 1);
        r = new ProjectRecording(r.path(), -1, null, 44100, 1, r.segmentation(), null, List.of(TABLE), List.of());
        TrainingConfig tc = new TrainingConfig(8, 1, List.of(1e-3, 5e-4), false, 1e-4, 0, 0, 2, 3, 11);
        return Project.EMPTY.withRecordingAdded(r)
                .withCorpus(new CorpusEntry("calls", List.of(SONG), SegmentSource.REFERENCE, -1,
                        SpectralFrames.DEFAULT.withBand(2000, 3000), 0.2, 3))
                .withModel(new ModelEntry("tiny", 6, 5, 1.7, 1.3, 1, false, tc));
    }

    @Test
    void aRunIsReproducedBitForBitAndADifferentCorpusIsDetected() throws Exception {
        Project p = tinyProject();
        Path folder = dir.resolve("run-1");
        ProjectTraining.Outcome o = ProjectTraining.train(p, "run 1", ProjectCorpora.entry(p, "calls"),
                ProjectTraining.model(p, "tiny"), folder, 0, "test", () -> false, null);
        assertTrue(o.completed());
        assertEquals(2, o.run().epochs());
        CheckpointFolder.Loaded l = CheckpointFolder.load(folder);
        l.model().close();
        l.optimizer().close();
        assertNotNull(l.paramsSha256());
        assertEquals(44100.0, SpectralFrames.sampleRateHz(l.stft(), 0), "the checkpoint knows the audio rate");
        assertTrue(Double.isFinite(SpectralFrames.fromMaps(l.stft(), l.scaling()).referenceDb()));
        Project withRun = p.withTrainingRun(o.run());

        RunReproduction.Check c = RunReproduction.check(withRun, o.run(), Files.createDirectory(dir.resolve("s1")),
                true, "test", () -> false);
        assertTrue(c.ok(), String.valueOf(c));
        assertEquals(l.paramsSha256(), c.reproducedParams());

        Project otherModel = withRun.withModel(new ModelEntry("tiny", 6, 5, 1.7, 1.3, 1, false,
                p.modelEntries().get(0).training().withRegularisation(0, 1e-3)));
        RunReproduction.Check w = RunReproduction.check(otherModel, o.run(), Files.createDirectory(dir.resolve("s2")),
                true, "test", () -> false);
        assertTrue(w.dataReproduced());
        assertFalse(w.weightsReproduced(), "another configuration gives other weights");

        CorpusEntry e = p.corpusEntries().get(0);
        Project otherCorpus = withRun.withCorpus(new CorpusEntry(e.name(), e.recordings(), e.source(), e.channel(),
                e.frames().withBand(2000, 3500), e.validationFraction(), e.seed()));
        RunReproduction.Check d = RunReproduction.check(otherCorpus, o.run(), Files.createDirectory(dir.resolve("s3")),
                true, "test", () -> false);
        assertFalse(d.dataReproduced());
        assertTrue(d.message().contains("corpus differs"), d.message());
    }

    @Test
    void stopAfterEpochsLeavesThatEpochsCheckpointAndAWrongEpochIsReported() throws Exception {
        Project p = tinyProject();
        Path folder = dir.resolve("run-2");
        ProjectTraining.Outcome o = ProjectTraining.train(p, "run 2", p.corpusEntries().get(0),
                p.modelEntries().get(0), folder, 1, "test", () -> false, null);
        assertEquals(1, o.run().epochs());
        TrainingRunEntry lying = new TrainingRunEntry("run 2", "calls", "tiny", folder, o.run().dataFingerprint(), 2);
        RunReproduction.Check c = RunReproduction.check(p.withTrainingRun(lying), lying, dir, false, "test",
                () -> false);
        assertFalse(c.ok());
        assertTrue(c.message().contains("epoch 1"), c.message());
    }
}
