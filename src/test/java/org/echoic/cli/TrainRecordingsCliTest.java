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
    void segmentBandSegmentsOnTheCallsBandNotOnLouderSounds() throws Exception {
        int rate = 16000;
        float[] x = new float[2 * rate];
        java.util.Random noise = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rate;
            x[i] = (float) (0.002 * noise.nextGaussian());
            if ((t >= 0.2 && t < 0.4) || (t >= 1.2 && t < 1.4)) {
                x[i] += (float) (0.8 * Math.sin(2 * Math.PI * 300 * t));
            }
            if ((t >= 0.6 && t < 0.7) || (t >= 0.9 && t < 1.0) || (t >= 1.6 && t < 1.7)) {
                x[i] += (float) (0.1 * Math.sin(2 * Math.PI * 5000 * t));
            }
        }
        Path wav = dir.resolve("mix.wav");
        org.echoic.io.WavWriter.write(wav, x, rate, org.echoic.io.WavWriter.Format.PCM16);
        assertEquals(2, corpusSegments(wav, "loud", "--percentile", "85", "--join-gap-ms", "0"), "the loud low bursts");
        assertEquals(3, corpusSegments(wav, "calls", "--percentile", "85", "--segment-band", "4000:6000",
                        "--join-gap-ms", "0"),
                "the quiet 5 kHz calls");
    }

    @Test
    void joinGapTrainsOnBoutsOfCalls() throws Exception {
        Path song = Path.of("sample-data/bird-song.wav");
        int each = corpusSegments(song, "each", "--band", "2000:5500", "--join-gap-ms", "0");
        int bouts = corpusSegments(song, "bouts", "--band", "2000:5500", "--join-gap-ms", "400");
        assertTrue(each > 20, "the sample's calls: " + each);
        assertTrue(bouts > 0 && bouts < each / 2, "calls up to 400 ms apart joined into bouts: " + bouts + " of " + each);
    }

    @Test
    void byDefaultTheTableBesideGivesTheSyllablesAndBoutsJoinAtTheGapChosenFromTheData() throws Exception {
        int rate = 16000;
        double[][] syllables = {{0.2, 0.3}, {0.34, 0.44}, {0.48, 0.58}, {1.6, 1.7}, {1.74, 1.84}, {1.88, 1.98}};
        float[] x = new float[(int) (2.2 * rate)];
        java.util.Random noise = new java.util.Random(2);
        StringBuilder csv = new StringBuilder("onset_s,offset_s,label\n");
        for (double[] s : syllables) {
            csv.append(s[0]).append(',').append(s[1]).append(",a\n");
        }
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rate;
            x[i] = (float) (0.002 * noise.nextGaussian());
            for (double[] s : syllables) {
                if (t >= s[0] && t < s[1]) {
                    x[i] += (float) (0.3 * Math.sin(2 * Math.PI * 3000 * t));
                }
            }
        }
        Path wav = dir.resolve("bouts.wav");
        org.echoic.io.WavWriter.write(wav, x, rate, org.echoic.io.WavWriter.Format.PCM16);
        java.nio.file.Files.writeString(dir.resolve("bouts.csv"), csv);
        java.io.PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        Path model = dir.resolve("m-bouts");
        try {
            assertEquals(0, run(new ByteArrayOutputStream(), "train", "--recordings", wav.toString(), "--nperseg", "256",
                    "--hidden", "4", "--recurrent", "3", "--k", "1", "--epochs-per-stage", "1", "--lr-schedule", "1e-3",
                    "--pretrain-epochs", "0", "--validation-fraction", "0", "--out", model.toString()));
        } finally {
            System.setErr(old);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("corpus of 2 bouts"), log);
        assertTrue(log.contains("1 of 1 recordings from the tables"), log);
        assertTrue(log.contains("join gap 202 ms (chosen from the data)"), "sqrt(40 ms · 1020 ms): " + log);
        CheckpointFolder.Loaded l = CheckpointFolder.load(model);
        try {
            SpectralFrames f = SpectralFrames.fromMaps(l.stft(), l.scaling());
            assertEquals("corpus-db", f.scaling().id());
            assertEquals(f.nVisible(rate), f.floorDb().length);
            assertEquals(Math.sqrt(0.04 * 1.02) * 1000,
                    ((Number) l.scaling().get(org.echoic.service.GenerationPipeline.JOIN_GAP_KEY)).doubleValue(), 1e-6);
        } finally {
            l.optimizer().close();
            l.model().close();
        }
    }

    private int corpusSegments(Path file, String name, String... options) throws Exception {
        java.io.PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--recordings",
                    file.toString(), "--nperseg", "128", "--hidden", "4", "--recurrent", "3", "--k", "1", "--batch", "8",
                    "--epochs-per-stage", "1", "--lr-schedule", "1e-3", "--out", dir.resolve("m-" + name).toString()));
            args.addAll(java.util.List.of(options));
            assertEquals(0, run(new ByteArrayOutputStream(), args.toArray(String[]::new)));
        } finally {
            System.setErr(old);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("corpus of (\\d+) (?:segments|bouts)")
                .matcher(err.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), err.toString(StandardCharsets.UTF_8));
        return Integer.parseInt(m.group(1));
    }
}
