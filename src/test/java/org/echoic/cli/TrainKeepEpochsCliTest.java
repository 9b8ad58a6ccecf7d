package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoic.io.CheckpointHistory;
import org.echoic.io.CheckpointSummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --keep-epochs}: every epoch's snapshot by default, the newest N, or none. */
class TrainKeepEpochsCliTest {
    @TempDir
    Path dir;

    private int train(Path out, String... extra) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of("train", "--recordings",
                    "sample-data/bird-song.wav", "--nperseg", "128", "--band", "2000:5500", "--hidden", "4",
                    "--recurrent", "3", "--k", "1", "--batch", "8", "--epochs-per-stage", "1", "--lr-schedule",
                    "1e-3,1e-3,1e-3", "--out", out.toString()));
            args.addAll(List.of(extra));
            return EchoicCli.run(args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
    }

    private static List<String> names(Path run) throws Exception {
        return CheckpointHistory.snapshots(run).stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void keepsAllByDefaultTheNewestNOrNone() throws Exception {
        Path all = dir.resolve("all");
        assertEquals(0, train(all));
        assertEquals(List.of("epoch-0001", "epoch-0002", "epoch-0003"), names(all));
        assertEquals(List.of(1, 2, 3, 3), CheckpointSummaries.list(all).stream()
                .map(CheckpointSummaries.Summary::epochs).toList());

        Path two = dir.resolve("two");
        assertEquals(0, train(two, "--keep-epochs", "2"));
        assertEquals(List.of("epoch-0002", "epoch-0003"), names(two));

        Path none = dir.resolve("none");
        assertEquals(0, train(none, "--keep-epochs", "0"));
        assertFalse(Files.exists(CheckpointHistory.epochsDir(none)));

        assertNotEquals(0, train(dir.resolve("bad"), "--keep-epochs", "-3"));
    }
}
