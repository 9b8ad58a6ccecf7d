package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.echoic.audio.Recording;
import org.echoic.generate.GeneratedSequence;
import org.echoic.generate.GenerationParams;
import org.echoic.generate.GenerationProvenance;
import org.echoic.generate.Resynthesis;
import org.echoic.io.AudioFiles;
import org.echoic.io.GenerationSidecar;
import org.echoic.io.NpyReader;
import org.echoic.io.RavenTables;
import org.echoic.io.WavWriter;
import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export set of one generated sequence: contents, the sidecar round trip, and no partial set on failure. */
class GenerationExporterTest {
    @TempDir
    Path dir;

    static GeneratedItem item(long seed) {
        float[][] frames = new float[5][3];
        for (int t = 0; t < 5; t++) {
            for (int i = 0; i < 3; i++) {
                frames[t][i] = (t * 3 + i) / 15f;
            }
        }
        float[] samples = new float[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(i * 0.3));
        }
        GenerationParams p = new GenerationParams(3, 7, 1.5, true, true, seed);
        GenerationProvenance prov = new GenerationProvenance("/models/m", "abc", 4, "data", p, 2, 0, seed,
                "/rec/a.wav", 3, 2, 8000, 32, "1.2.3");
        return new GeneratedItem(new GeneratedSequence(0, seed, frames, 2), new Resynthesis.Audio(samples, 8000, 0.1),
                List.of(new Segment(800, 2400), new Segment(4000, 4800)), prov);
    }

    @Test
    void writesEveryFileAndTheSidecarRoundTrips() throws Exception {
        GeneratedItem it = item(21);
        List<Path> files = GenerationExporter.export(dir, it, new GenerationExporter.Options(WavWriter.Format.FLOAT32,
                org.echoic.dsp.ColorMap.MAGMA));
        assertEquals(6, files.size());
        assertEquals("gen-s21.json", files.get(5).getFileName().toString(), "the sidecar is written last");
        try (Recording r = AudioFiles.open(dir.resolve("gen-s21.wav"))) {
            assertEquals(8000, r.sampleRateHz());
            float[] x = new float[8000];
            r.read(0, 8000, 0, x, 0);
            assertArrayEquals(it.audio().samples(), x, "float WAV keeps the samples exactly");
        }
        NpyReader.NpyArray npy = NpyReader.read(dir.resolve("gen-s21.npy"));
        assertArrayEquals(new int[] {5, 3}, npy.shape());
        assertArrayEquals(it.sequence().flat(), npy.toFloats());
        List<Annotation> table = RavenTables.read(dir.resolve("gen-s21.Table.1.selections.txt"));
        assertEquals(2, table.size());
        assertEquals(0.1, table.get(0).startSeconds(), 1e-9);
        assertEquals(0.3, table.get(0).endSeconds(), 1e-9);
        assertEquals(4000, table.get(0).highHz(), 1e-9);
        assertEquals(it.provenance(), GenerationSidecar.read(dir.resolve("gen-s21.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) org.echoic.io.Json.parse(
                Files.readString(dir.resolve("gen-s21.json")));
        assertEquals(Map.of("wav", "gen-s21.wav", "npy", "gen-s21.npy", "csv", "gen-s21.csv", "png", "gen-s21.png",
                "raven", "gen-s21.Table.1.selections.txt"), json.get("files"));
    }

    @Test
    void aFailedExportLeavesNoPartialSet() throws Exception {
        Files.createDirectories(dir.resolve("gen-s5.json").resolve("blocker"));
        assertThrows(IOException.class, () -> GenerationExporter.export(dir, item(5),
                GenerationExporter.Options.DEFAULT));
        try (Stream<Path> left = Files.list(dir)) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("gen-s5.json"), names, "only the blocking folder is left: " + names);
        }
    }

    @Test
    void aSidecarThatIsNotOneIsRefusedNamingTheFile() throws Exception {
        Path bad = dir.resolve("other.json");
        Files.writeString(bad, "{\"format\": \"something-else\"}");
        IOException e = assertThrows(IOException.class, () -> GenerationSidecar.read(bad));
        assertTrue(e.getMessage().contains("other.json"), e.getMessage());
    }
}
