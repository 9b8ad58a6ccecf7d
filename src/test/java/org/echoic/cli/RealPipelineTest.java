package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.echoic.SharedData;
import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command-line pipeline on the 20 real great-tit songs: segment the folder, train a tiny band-limited
 * model on the recordings, evaluate it on two songs (and refuse audio of another rate), generate sound from it,
 * and look at the sound and the inspection of a real segment.
 */
class RealPipelineTest {
    @TempDir
    Path dir;

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, EchoicCli.run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void segmentTrainEvaluateGenerateAndInspectOnGreatTitSongs() throws Exception {
        Path songs = SharedData.recordings().resolve("great-tit");
        Path tables = dir.resolve("tables");
        run("segment", songs.toString(), "--out", tables.toString(), "--format", "raven");
        List<Path> written = list(tables, ".Table.1.selections.txt");
        assertEquals(20, written.size(), "one Raven table per song");
        for (Path t : written) {
            assertTrue(Files.readAllLines(t).size() >= 2, t + " has no segment");
        }

        Path model = dir.resolve("run");
        String epochs = run("train", "--recordings", songs.toString(), "--band", "2000:10000", "--nperseg", "256",
                "--hidden", "16", "--recurrent", "8", "--k", "1", "--batch", "10", "--epochs-per-stage", "1",
                "--lr-schedule", "1e-3", "--out", model.toString());
        assertEquals(1, epochs.lines().count(), epochs);
        CheckpointFolder.Loaded l = CheckpointFolder.load(model);
        try {
            assertEquals(22_050.0, ((Number) l.stft().get("sampleRateHz")).doubleValue(), 0);
            assertEquals(2000.0, ((Number) l.stft().get("minHz")).doubleValue(), 0);
            assertEquals(93, l.model().config().nVisible(), "bins of 86.1 Hz from 2 to 10 kHz");
        } finally {
            l.optimizer().close();
            l.model().close();
        }

        String eval = run("evaluate", "--model", model.toString(), "--k", "2", "--recordings",
                songs.resolve("2021-SW83-0418_04-91.wav").toString(), songs.resolve("2021-SW83-0418_04-92.wav").toString());
        Map<?, ?> e = (Map<?, ?>) Json.parse(eval.strip());
        assertTrue(((Number) e.get("frames")).intValue() > 20, eval);
        assertTrue(Double.isFinite(((Number) e.get("predictionMse")).doubleValue()), eval);
        assertNotEquals(0, EchoicCli.run("evaluate", "--model", model.toString(), "--recordings",
                SharedData.recording("spinetail/spinetail.wav").toString()), "44.1 kHz audio for a 22.05 kHz model");

        Path gen = dir.resolve("gen");
        run("generate", "--model", model.toString(), "--seconds", "1", "--count", "2", "--k", "2",
                "--iterations", "16", "--out", gen.toString());
        List<Path> wavs = list(gen, ".wav");
        assertEquals(2, wavs.size());
        for (Path w : wavs) {
            try (Recording r = AudioFiles.open(w)) {
                assertEquals(22_050.0, r.sampleRateHz(), 0, w.toString());
                assertEquals(1.0, r.frames() / r.sampleRateHz(), 0.02, "about one second: " + w);
                float[] x = new float[(int) r.frames()];
                r.read(0, x.length, 0, x, 0);
                double peak = 0;
                double sum = 0;
                for (float v : x) {
                    peak = Math.max(peak, Math.abs(v));
                    sum += v * v;
                }
                assertEquals(Math.pow(10, -1 / 20.0), peak, 1e-3, "normalised to -1 dBFS, no clipping: " + w);
                assertTrue(Math.sqrt(sum / x.length) > 0.01, "not silent: " + w);
            }
        }

        Path song = songs.resolve("2021-B32-0415_05-11.wav");
        Path table = tables.resolve("2021-B32-0415_05-11.Table.1.selections.txt");
        String inspected = run("inspect", "--model", model.toString(), "--recording", song.toString(),
                "--segments", table.toString(), "--segment", "1", "--out", dir.resolve("inspect").toString());
        assertTrue(inspected.contains("\"hidden\":16"), inspected);
        assertTrue(Files.size(dir.resolve("inspect").resolve("activations.npy")) > 128);
    }
}
