package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.echoic.TinyAudioModel;
import org.echoic.audio.Recording;
import org.echoic.generate.GenerationProvenance;
import org.echoic.io.AudioFiles;
import org.echoic.io.FileHashes;
import org.echoic.io.GenerationSidecar;
import org.echoic.io.Json;
import org.echoic.io.NpyReader;
import org.echoic.io.RavenTables;
import org.echoic.segment.Annotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code echoic generate} writing the workbench's export files, reproducibly, from a tiny model trained here. */
class GenerateCliTest {
    @TempDir
    static Path dir;
    static TinyAudioModel.Made made;

    @BeforeAll
    static void train() throws Exception {
        made = TinyAudioModel.make(dir, false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, EchoicCli.run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return (Map<String, Object>) Json.parse(buf.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    @SuppressWarnings("unchecked")
    void primedBatchIsExportedLoadsBackAndRegeneratesIdentically() throws Exception {
        Path out = dir.resolve("batch");
        Map<String, Object> r = run("generate", "--model", made.modelDir().toString(), "--seconds", "0.5",
                "--count", "2", "--prime", made.wav().toString(), "--prime-segment", "0", "--prime-frames", "4",
                "--seed", "9", "--k", "5", "--iterations", "16", "--compare", made.wav().toString(),
                "--out", out.toString());
        int frames = ((Number) r.get("frames")).intValue();
        assertEquals(Math.round(0.5 * 44_100 / 64), frames);
        assertEquals(44_100.0, ((Number) r.get("sampleRateHz")).doubleValue());
        assertEquals(12, ((List<Object>) r.get("files")).size(), "six files per sequence: " + r.get("files"));
        Map<String, Object> realism = (Map<String, Object>) r.get("realism");
        for (String k : new String[] {"frameEnergy", "spectralCentroidHz", "freeEnergy"}) {
            Number ks = (Number) ((Map<String, Object>) realism.get(k)).get("ks");
            assertTrue(ks.doubleValue() >= 0 && ks.doubleValue() <= 1, k + " " + realism);
        }
        assertTrue(((Number) realism.get("meanSpectrumRms")).doubleValue() > 0);
        for (String k : new String[] {"syllableDurationSeconds", "gapSeconds", "syllableRatePerSecond"}) {
            assertTrue(realism.get(k) instanceof Map, k + " " + realism);
        }
        assertTrue(((Number) ((Map<String, Object>) realism.get("syllableDurationSeconds")).get("realN")).intValue() > 0,
                "the real segments' syllables: " + realism);
        List<Object> figures = (List<Object>) realism.get("figures");
        assertEquals(org.echoic.service.RealismFigures.FILES, figures);
        java.awt.image.BufferedImage fig = javax.imageio.ImageIO.read(out.resolve("realism-gap.png").toFile());
        assertEquals(org.echoic.service.RealismFigures.WIDTH, fig.getWidth());
        assertEquals(org.echoic.service.RealismFigures.HEIGHT, fig.getHeight());

        int total = 4 + frames;
        for (long seed : new long[] {9, 10}) {
            String base = "gen-s" + seed;
            try (Recording wav = AudioFiles.open(out.resolve(base + ".wav"))) {
                assertEquals(44_100, wav.sampleRateHz());
                assertEquals(1, wav.channels());
                assertEquals(128 + (total - 1) * 64L, wav.frames());
                float[] x = new float[(int) wav.frames()];
                wav.read(0, x.length, 0, x, 0);
                double peak = 0;
                for (float v : x) {
                    peak = Math.max(peak, Math.abs(v));
                }
                assertEquals(0.891, peak, 0.002, "peak about -1 dBFS");
            }
            NpyReader.NpyArray npy = NpyReader.read(out.resolve(base + ".npy"));
            assertArrayEquals(new int[] {total, 24}, npy.shape());
            List<String> csv = Files.readAllLines(out.resolve(base + ".csv"));
            assertEquals(total, csv.size());
            assertEquals(24, csv.get(0).split(",").length);
            assertTrue(Files.size(out.resolve(base + ".png")) > 100);
            List<Annotation> table = RavenTables.read(out.resolve(RavenTables.fileName(base)));
            for (Annotation a : table) {
                assertTrue(a.endSeconds() <= (128 + (total - 1) * 64) / 44_100.0 + 1e-9, a.toString());
            }
            GenerationProvenance p = GenerationSidecar.read(out.resolve(base + ".json"));
            assertEquals(seed, p.sequenceSeed());
            assertEquals(9, p.params().seed());
            assertEquals(4, p.primeFrames());
            assertEquals(0, p.primeSegment());
            assertEquals(2, p.epoch());
            assertEquals(16, p.griffinLimIterations());
            assertEquals(FileHashes.sha256Of(made.modelDir().resolve("params.bin"), null), p.modelFingerprint());
        }
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary files left");
        }

        Path again = dir.resolve("again");
        Map<String, Object> replayed = run("generate", "--replay", out.resolve("gen-s10.json").toString(), "--out",
                again.toString());
        assertEquals(Boolean.TRUE, replayed.get("sameModel"));
        assertArrayEquals(Files.readAllBytes(out.resolve("gen-s10.npy")), Files.readAllBytes(again.resolve("gen-s10.npy")));
        assertArrayEquals(Files.readAllBytes(out.resolve("gen-s10.wav")), Files.readAllBytes(again.resolve("gen-s10.wav")),
                "the sidecar regenerates the same sound");
    }

    @Test
    void floatWavAndTheOldSingleFileOutputStillWork() throws Exception {
        Path out = dir.resolve("float");
        run("generate", "--model", made.modelDir().toString(), "--frames", "20", "--k", "3", "--iterations", "4",
                "--wav-format", "float32", "--out", out.toString());
        try (Recording wav = AudioFiles.open(out.resolve("gen-s1.wav"))) {
            assertTrue(wav.encoding().toString().toLowerCase().contains("float"), wav.encoding().toString());
            assertEquals(128 + 19 * 64L, wav.frames());
        }
        Path npy = dir.resolve("one.npy");
        Map<String, Object> r = run("generate", "--model", made.modelDir().toString(), "--frames", "7", "--out",
                npy.toString());
        assertNotNull(r.get("nVisible"));
        assertArrayEquals(new int[] {7, 24}, NpyReader.read(npy).shape());
    }

    @Test
    void benchGeneratePrintsSpeeds() throws Exception {
        Map<String, Object> r = run("bench", "generate", "--frames", "5", "--count", "1", "--k", "1",
                "--iterations", "1");
        assertEquals(129, ((Number) r.get("nVisible")).intValue());
        assertEquals(5, ((Number) r.get("frames")).intValue());
        assertTrue(((Number) r.get("framesPerSecond")).doubleValue() > 0);
        assertTrue(((Number) r.get("griffinLimSecondsPerAudioSecond")).doubleValue() > 0);
    }

    private static String failing(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EchoicCli.newCommandLine().setErr(new java.io.PrintWriter(err, true)).execute(args);
        assertEquals(EchoicCli.EXIT_BAD_INPUT, code, String.join(" ", args));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badInputGetsAClearMessage() {
        String m = made.modelDir().toString();
        String out = dir.resolve("bad").toString();
        assertTrue(failing("generate", "--model", m, "--frames", "5", "--prime", dir.resolve("nope.wav").toString(),
                "--out", out).contains("nope.wav"));
        assertTrue(failing("generate", "--model", m, "--frames", "5", "--prime", made.wav().toString(),
                "--prime-segment", "99", "--out", out).contains("no segment 99"));
        assertTrue(failing("generate", "--model", m, "--frames", "5", "--seconds", "1", "--out", out)
                .contains("exactly one of --frames and --seconds"));
        assertTrue(failing("generate", "--model", dir.resolve("nomodel").toString(), "--frames", "5", "--out", out)
                .contains("nomodel"));
        assertTrue(failing("generate", "--model", m, "--frames", "5", "--count", "2", "--out",
                dir.resolve("x.npy").toString()).contains("use a folder"));
    }
}
