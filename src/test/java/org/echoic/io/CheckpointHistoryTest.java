package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.SequenceDataset;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Epoch snapshots beside a run's checkpoint: the newest N kept, loadable, listed, written atomically. */
class CheckpointHistoryTest {
    private static final RnnRbmConfig CFG = new RnnRbmConfig(7, 9, 5, 1, false, GateActivation.TANH);
    @TempDir
    Path dir;

    private float[] train(Path run, int keep) throws IOException {
        SequenceDataset d = CheckpointFolderTest.data();
        try (RnnRbm model = new RnnRbm(CFG, 5); RmsProp opt = new RmsProp(model)) {
            new Trainer(model, opt, CheckpointFolderTest.config(), d, d, TrainingState.start(),
                    new CheckpointHistory(new CheckpointFolder(run, "t", null, null), keep), null).run(() -> false);
            return model.params().flat().toFloatVector();
        }
    }

    private static int epochOf(Path checkpoint) throws IOException {
        CheckpointFolder.Loaded l = CheckpointFolder.load(checkpoint);
        try {
            return l.state().nextEpoch();
        } finally {
            l.optimizer().close();
            l.model().close();
        }
    }

    @Test
    void keepsTheNewestSnapshotsEachLoadableAndListedByEpoch() throws IOException {
        Path run = dir.resolve("birds-runs").resolve("run-1");
        float[] finalWeights = train(run, 3);
        assertEquals(4, CheckpointFolderTest.config().totalEpochs());
        List<Path> snaps = CheckpointHistory.snapshots(run);
        assertEquals(List.of("epoch-0002", "epoch-0003", "epoch-0004"),
                snaps.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < snaps.size(); i++) {
            assertEquals(i + 2, epochOf(snaps.get(i)));
        }
        // the run folder ends with the best validation epoch's weights; its snapshot (if kept) holds the same
        CheckpointFolder.Loaded saved = CheckpointFolder.load(run);
        assertArrayEquals(finalWeights, saved.model().params().flat().toFloatVector());
        int best = saved.state().bestEpoch() + 1;
        saved.optimizer().close();
        saved.model().close();
        if (best >= 2) {
            CheckpointFolder.Loaded snap = CheckpointFolder.load(snaps.get(best - 2));
            assertArrayEquals(finalWeights, snap.model().params().flat().toFloatVector());
            snap.optimizer().close();
            snap.model().close();
        }
        try (Stream<Path> s = Files.list(CheckpointHistory.epochsDir(run))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary folder left");
        }
        // the run folder, its parent and the .epochs folder all list the epoch snapshots, sorted by epoch
        assertEquals(List.of(2, 3, 4, 4), epochs(run));
        assertEquals(List.of(2, 3, 4, 4), epochs(run.getParent()));
        assertEquals(List.of(2, 3, 4), epochs(CheckpointHistory.epochsDir(run)));
    }

    @Test
    void keepingNoneWritesNoSnapshotAndAllKeepsEvery() throws IOException {
        Path none = dir.resolve("none");
        train(none, 0);
        assertFalse(Files.exists(CheckpointHistory.epochsDir(none)));
        Path all = dir.resolve("all");
        train(all, CheckpointHistory.ALL);
        assertEquals(List.of(1, 2, 3, 4, 4), epochs(all));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointHistory(new CheckpointFolder(all, "t",
                null, null), -2));
        assertEquals(CheckpointHistory.ALL, CheckpointHistory.parseKeep(" All "));
        assertEquals(CheckpointHistory.ALL, CheckpointHistory.parseKeep(""));
        assertEquals(3, CheckpointHistory.parseKeep("3"));
        assertThrows(IllegalArgumentException.class, () -> CheckpointHistory.parseKeep("-1"));
        assertThrows(IllegalArgumentException.class, () -> CheckpointHistory.parseKeep("two"));
    }

    @Test
    void aSnapshotIsReplacedAtomicallyAndLeftoversOfACrashAreIgnored() throws IOException {
        Path run = dir.resolve("run");
        train(run, CheckpointHistory.ALL);
        Path epochs = CheckpointHistory.epochsDir(run);
        // a crash while linking left a partial temporary folder: not listed, cleaned by the next snapshot
        Path stale = epochs.resolve(".epoch-0004.tmp");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("model.json"), "{");
        assertEquals(List.of(1, 2, 3, 4, 4), epochs(run));
        Path again = CheckpointHistory.snapshot(run, 4);
        assertFalse(Files.exists(stale));
        assertEquals(4, epochOf(again));
        // a snapshot of a folder that is not a complete checkpoint fails and leaves no snapshot behind
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("model.json"), "{}");
        IOException e = assertThrows(IOException.class, () -> CheckpointHistory.snapshot(broken, 1));
        assertTrue(e.getMessage().contains("params.bin"), e.getMessage());
        assertFalse(Files.exists(CheckpointHistory.epochDir(broken, 1)));
    }

    private static List<Integer> epochs(Path folder) throws IOException {
        return CheckpointSummaries.list(folder).stream().map(CheckpointSummaries.Summary::epochs).toList();
    }
}
