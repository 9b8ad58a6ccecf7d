package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.echoic.dsp.SpectralFrames;
import org.echoic.io.CheckpointFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --recordings}: segment, frame, train, and the frame settings in the checkpoint. */
class TrainRecordingsCliTest {
    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return EchoicCli.run(args);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void trainsOnTheSampleAndWritesStftAndScaling() throws Exception {
        Path model = dir.resolve("model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(out, "train", "--recordings", "sample-data/bird-song.wav", "--nperseg", "128",
                "--band", "2000:5500", "--scaling", "linear-max", "--hidden", "8", "--recurrent", "6", "--k", "1",
                "--batch", "4", "--epochs-per-stage", "1", "--lr-schedule", "1e-3", "--recurrent-init-std", "0.2",
                "--out", model.toString()));
        assertEquals(1, out.toString(StandardCharsets.UTF_8).lines().count());
        CheckpointFolder.Loaded l = CheckpointFolder.load(model);
        try {
            SpectralFrames f = SpectralFrames.fromMaps(l.stft(), l.scaling());
            assertEquals(128, f.stft().nperseg());
            assertEquals(2000, f.minHz(), 0);
            assertEquals(5500, f.maxHz(), 0);
            assertEquals("linear-max", f.scaling().id());
            assertTrue(Double.isFinite(f.referenceDb()));
            assertEquals(f.nVisible(44_100), l.model().config().nVisible());
            assertEquals(1, l.state().nextEpoch());
            assertEquals(0.2, l.model().config().recurrentInitStd(), "the option reaches the model and its checkpoint");
            assertEquals(0.01, l.model().config().weightInitStd(), "the spec's default");
        } finally {
            l.optimizer().close();
            l.model().close();
        }
    }

    @Test
    void dataAndRecordingsAreExclusiveAndMissingFilesAreNamed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNotEquals(0, run(out, "train", "--recordings", "sample-data/bird-song.wav", "--data", "x.json",
                "--out", dir.resolve("m").toString()));
        assertNotEquals(0, run(out, "train", "--out", dir.resolve("m").toString()));
        assertNotEquals(0, run(out, "train", "--recordings", dir.resolve("nope.wav").toString(),
                "--out", dir.resolve("m").toString()));
    }

    @Test
    void joinGapTrainsOnBoutsOfCalls() throws Exception {
        int each = corpusSegments("0");
        int bouts = corpusSegments("400");
        assertTrue(each > 20, "the sample's calls: " + each);
        assertTrue(bouts > 0 && bouts < each / 2, "calls up to 400 ms apart joined into bouts: " + bouts + " of " + each);
    }

    private int corpusSegments(String joinGapMs) throws Exception {
        java.io.PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(new ByteArrayOutputStream(), "train", "--recordings", "sample-data/bird-song.wav",
                    "--nperseg", "128", "--band", "2000:5500", "--join-gap-ms", joinGapMs, "--hidden", "4",
                    "--recurrent", "3", "--k", "1", "--batch", "8", "--epochs-per-stage", "1", "--lr-schedule", "1e-3",
                    "--out", dir.resolve("m" + joinGapMs).toString()));
        } finally {
            System.setErr(old);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("corpus of (\\d+) segments")
                .matcher(err.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), err.toString(StandardCharsets.UTF_8));
        return Integer.parseInt(m.group(1));
    }
}
