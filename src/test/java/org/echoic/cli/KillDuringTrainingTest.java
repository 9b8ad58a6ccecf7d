package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.echoic.io.CheckpointFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a training process (a forked JVM running {@code echoic train}) at the moment its first
 * checkpoint appears and again later: the folder always loads, and {@code train --resume} from it reaches exactly the
 * weights of the run that was never interrupted.
 */
class KillDuringTrainingTest {
    @TempDir
    Path dir;

    private Path data() throws Exception {
        Random r = new Random(4);
        StringBuilder s = new StringBuilder("{\"nVisible\": 16, \"dense\": true, \"sequences\": [");
        for (int q = 0; q < 60; q++) {
            s.append(q == 0 ? "[" : ", [");
            for (int t = 0; t < 30; t++) {
                s.append(t == 0 ? "[" : ", [");
                for (int i = 0; i < 16; i++) {
                    s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r.nextDouble()));
                }
                s.append("]");
            }
            s.append("]");
        }
        Path p = dir.resolve("data.json");
        Files.writeString(p, s.append("]}").toString());
        return p;
    }

    private static List<String> args(Path data, Path out) {
        return List.of("train", "--data", data.toString(), "--hidden", "12", "--recurrent", "8", "--k", "2",
                "--batch", "10", "--epochs-per-stage", "3", "--lr-schedule", "1e-3,5e-4", "--seed", "9",
                "--out", out.toString());
    }

    /** Starts the training in another JVM and kills it (SIGKILL) {@code delayMs} after its first checkpoint appears. */
    private boolean trainAndKill(Path data, Path out, long delayMs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.echoic.Echoic"));
        cmd.addAll(args(data, out));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(out.getFileName() + ".log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out.resolve("model.json")) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(delayMs);
        boolean killedWhileRunning = p.isAlive();
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return killedWhileRunning;
    }

    @Test
    void aKilledRunLeavesALoadableCheckpointAndResumingEqualsTheUninterruptedRun() throws Exception {
        Path data = data();
        Path straight = dir.resolve("straight");
        String[] r = CliRun.run(args(data, straight).toArray(String[]::new));
        assertEquals("0", r[0], r[2]);
        float[] want;
        try (var l = CheckpointFolder.load(straight).model()) {
            want = l.params().flat().toFloatVector();
        }
        int killedMidRun = 0;
        for (long delayMs : new long[] {0, 150}) {
            Path out = dir.resolve("killed-" + delayMs);
            killedMidRun += trainAndKill(data, out, delayMs) ? 1 : 0;
            CheckpointFolder.Loaded l = CheckpointFolder.load(out);
            int epoch = l.state().nextEpoch();
            l.optimizer().close();
            l.model().close();
            assertTrue(epoch >= 1 && epoch <= 6, "a checkpoint of a finished epoch: " + epoch);
            List<String> resume = new ArrayList<>(args(data, out));
            resume.addAll(List.of("--resume", out.toString()));
            String[] again = CliRun.run(resume.toArray(String[]::new));
            assertEquals("0", again[0], again[2]);
            try (var m = CheckpointFolder.load(out).model()) {
                assertArrayEquals(want, m.params().flat().toFloatVector(), "resumed after a kill at epoch " + epoch);
            }
        }
        assertTrue(killedMidRun >= 1, "at least one kill landed while the run was still training");
    }

    @Test
    void aPoliteKillStopsAtTheNextBatchSavesAndExitsAtOnce() throws Exception {
        Path data = data();
        Path out = dir.resolve("terminated");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.echoic.Echoic"));
        cmd.addAll(args(data, out).subList(0, 11));
        cmd.addAll(List.of("--epochs-per-stage", "500", "--lr-schedule", "1e-3", "--seed", "9", "--out", out.toString()));
        Path log = dir.resolve("terminated.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out.resolve("model.json")) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(p.isAlive(), "still training when the signal is sent: " + Files.readString(log));
        p.destroy();
        boolean exited = p.waitFor(30, TimeUnit.SECONDS);
        p.destroyForcibly();
        assertTrue(exited, "the JVM exits after SIGTERM once the checkpoint is written (the shutdown hook used to "
                + "wait for the thread that called System.exit)");
        assertTrue(Files.readString(log).contains("training stopped"), Files.readString(log));
        CheckpointFolder.Loaded l = CheckpointFolder.load(out);
        assertTrue(l.state().nextEpoch() >= 1 && l.state().nextEpoch() < 500, "epoch " + l.state().nextEpoch());
        l.optimizer().close();
        l.model().close();
    }
}
