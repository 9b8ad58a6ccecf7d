package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.Checkpoint;
import org.echoic.train.SequenceDataset;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint folders: round trip, atomicity under a simulated crash, and exact resumption. */
class CheckpointFolderTest {
    private static final RnnRbmConfig CFG = new RnnRbmConfig(7, 9, 5, 2, false, GateActivation.TANH);
    @TempDir
    Path dir;

    static SequenceDataset data() {
        Random r = new Random(8);
        List<float[][]> seqs = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            float[][] q = new float[5 + s % 4][7];
            for (float[] f : q) {
                for (int i = 0; i < 7; i++) {
                    f[i] = r.nextFloat();
                }
            }
            seqs.add(q);
        }
        return new SequenceDataset(7, seqs, "synthetic");
    }

    static TrainingConfig config() {
        return new TrainingConfig(4, 2, List.of(1e-2, 3e-3), true, 1e-4, 1e-5, 3, 3, 3, 17);
    }

    @Test
    void resumingFromACheckpointReachesTheSameWeightsAsUninterruptedTraining() throws IOException {
        SequenceDataset d = data();
        float[] straight;
        try (RnnRbm model = new RnnRbm(CFG, 5); RmsProp opt = new RmsProp(model)) {
            new Trainer(model, opt, config(), d, d, TrainingState.start(), null, null).run(() -> false);
            straight = model.params().flat().toFloatVector();
        }
        Path ck = dir.resolve("model");
        int[] batches = {0};
        try (RnnRbm model = new RnnRbm(CFG, 5); RmsProp opt = new RmsProp(model)) {
            Trainer t = new Trainer(model, opt, config(), d, d, TrainingState.start(),
                    new CheckpointFolder(ck, "test-1.0", Map.of("kind", "log-db", "rangeDb", 80.0), null),
                    new org.echoic.train.TrainingListener() {
                        @Override
                        public void onBatch(org.echoic.train.BatchMetrics m) {
                            batches[0] = m.epoch();
                        }
                    });
            assertEquals(Trainer.Outcome.CANCELLED, t.run(() -> batches[0] >= 1));
        }
        CheckpointFolder.Loaded loaded = CheckpointFolder.load(ck);
        assertEquals(1, loaded.state().nextEpoch());
        assertEquals(1, loaded.state().history().size());
        assertEquals(d.fingerprint(), loaded.dataFingerprint());
        assertEquals("test-1.0", loaded.appVersion());
        assertEquals("log-db", loaded.scaling().get("kind"));
        assertEquals(config(), loaded.config());
        try (RnnRbm model = loaded.model(); RmsProp opt = loaded.optimizer()) {
            new Trainer(model, opt, loaded.config(), d, d, loaded.state(), null, null).run(() -> false);
            assertArrayEquals(straight, model.params().flat().toFloatVector());
        }
    }

    @Test
    void aCrashDuringASaveLeavesThePreviousCheckpointLoadable() throws IOException {
        Path ck = dir.resolve("ck");
        try (RnnRbm model = new RnnRbm(CFG, 5); RmsProp opt = new RmsProp(model)) {
            CheckpointFolder folder = new CheckpointFolder(ck, "v", null, null);
            TrainingState s1 = new TrainingState(1, 1.0, 0, 0, List.of());
            folder.save(new Checkpoint(model, opt, config(), s1, "abc", "o"));
            float[] first = model.params().flat().toFloatVector();
            model.params().flat().addi(1.0);
            TrainingState s2 = new TrainingState(2, 1.0, 0, 0, List.of());
            for (String point : new String[] {"written", "moved-aside"}) {
                folder.faults = p -> {
                    if (p.equals(point)) {
                        throw new IOException("simulated crash at " + p);
                    }
                };
                assertThrows(IOException.class, () -> folder.save(new Checkpoint(model, opt, config(), s2, "abc", "o")));
                CheckpointFolder.Loaded l = CheckpointFolder.load(ck);
                assertEquals(1, l.state().nextEpoch(), "after a crash at " + point);
                assertArrayEquals(first, l.model().params().flat().toFloatVector());
                l.model().close();
                if (point.equals("moved-aside")) {
                    assertTrue(!Files.exists(ck.resolve("model.json")), "the crash left no folder in place");
                }
            }
            folder.faults = p -> { };
            folder.save(new Checkpoint(model, opt, config(), s2, "abc", "o"));
            CheckpointFolder.Loaded l = CheckpointFolder.load(ck);
            assertEquals(2, l.state().nextEpoch());
            assertArrayEquals(model.params().flat().toFloatVector(), l.model().params().flat().toFloatVector());
            assertArrayEquals(model.randomState(), l.model().randomState());
            l.model().close();
            try (var siblings = Files.list(dir)) {
                assertEquals(1, siblings.count(), "temporary and previous folders are cleaned up");
            }
        }
    }

    @Test
    void aFolderWithoutModelJsonIsRejectedClearly() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> CheckpointFolder.load(empty));
        assertTrue(e.getMessage().contains("empty") && e.getMessage().contains("model.json"), e.getMessage());
    }
}
