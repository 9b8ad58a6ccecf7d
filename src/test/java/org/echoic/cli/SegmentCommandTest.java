package org.echoic.cli;

import static org.echoic.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.io.Json;
import org.echoic.io.RavenTables;
import org.echoic.io.WavWriter;
import org.echoic.segment.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
    @TempDir
    Path dir;

    private Path calls(String name) throws Exception {
        double rate = 16000;
        float[] x = new float[16000 * 3];
        for (int k = 0; k < 5; k++) {
            int start = 4000 + k * 8000;
            for (int i = 0; i < 1600; i++) {
                x[start + i] = (float) (0.5 * Math.sin(2 * Math.PI * 2000 * i / rate));
            }
        }
        Path f = dir.resolve("in").resolve(name);
        Files.createDirectories(f.getParent());
        WavWriter.write(f, x, rate, WavWriter.Format.PCM16);
        return f;
    }

    @Test
    void foldersGiveOneTablePerRecordingAndBadFilesAreSkipped() throws Exception {
        calls("a.wav");
        calls("sub/b.wav");
        Files.writeString(dir.resolve("in").resolve("broken.wav"), "not audio");
        Path out = dir.resolve("out");
        String[] r = run("segment", dir.resolve("in").toString(), "--out", out.toString(), "--threshold-dbfs", "-30",
                "--buffer-ms", "0");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("broken.wav"), r[2]);
        List<Annotation> a = RavenTables.read(out.resolve("a.Table.1.selections.txt"));
        assertEquals(5, a.size());
        assertEquals(0.25, a.get(0).startSeconds(), 0.005);
        assertEquals(0.35, a.get(0).endSeconds(), 0.005);
        assertEquals(5, RavenTables.read(out.resolve("sub").resolve("b.Table.1.selections.txt")).size());
    }

    @Test
    void csvOnStdoutAndAgreementJson() throws Exception {
        Path f = calls("c.wav");
        String[] r = run("segment", f.toString(), "--threshold-dbfs", "-30", "--buffer-ms", "0");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\n");
        assertEquals("onset_s,offset_s,label,recording", lines[0]);
        assertEquals(6, lines.length);
        Path ref = dir.resolve("ref.csv");
        Files.writeString(ref, "onset_s,offset_s,label\n0.25,0.35,a\n0.75,0.85,b\n5,6,c\n");
        String[] j = run("segment", f.toString(), "--threshold-dbfs", "-30", "--buffer-ms", "0", "--reference",
                ref.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(j[1]);
        assertEquals(2, ((Number) m.get("matches")).intValue(), j[1]);
        assertEquals(2.0 / 3, ((Number) m.get("recall")).doubleValue(), 1e-9);
        assertEquals(2.0 / 5, ((Number) m.get("precision")).doubleValue(), 1e-9);
        assertTrue(j[2].contains("warning: " + ref + ": 1 of 3 references start at or after the end of " + f
                + " (3.000 s)"), "a table of a longer recording is pointed out: " + j[2]);
        String[] bad = run("segment", f.toString(), "--band", "x");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--band"), bad[2]);
    }

    @Test
    void presetsOptionsAndTheSuggestion() throws Exception {
        Path f = dir.resolve("dc.wav");
        double rate = 16000;
        float[] x = new float[16000 * 3];
        for (int k = 0; k < 5; k++) {
            int start = 4000 + k * 8000;
            for (int i = 0; i < 1600; i++) {
                x[start + i] = (float) (0.4 * Math.sin(2 * Math.PI * 3000 * i / rate));
            }
        }
        java.util.Random noise = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (0.3 + 0.002 * noise.nextGaussian());
        }
        WavWriter.write(f, x, rate, WavWriter.Format.PCM16);
        String[] d = run("segment", f.toString());
        assertEquals("0", d[0], d[2]);
        assertEquals(6, d[1].split("\n").length, "the default high-pass removes the DC offset: " + d[1]);
        String[] noHighPass = run("segment", f.toString(), "--high-pass-hz", "none");
        assertEquals(1, noHighPass[1].split("\n").length, "the offset is the noise floor: " + noHighPass[1]);
        String[] original = run("segment", f.toString(), "--preset", "original", "--overlap", "--window-ms", "2");
        assertEquals("0", original[0], original[2]);
        String[] suggested = run("segment", f.toString(), "--suggest");
        assertEquals(6, suggested[1].split("\n").length, suggested[1]);
        assertTrue(suggested[2].contains("dc.wav: suggested band "), suggested[2]);
        String[] bad = run("segment", f.toString(), "--preset", "loud");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--preset must be 'default' or 'original'"), bad[2]);
        String[] badDb = run("segment", f.toString(), "--above-noise-db", "lots");
        assertTrue(badDb[2].contains("--above-noise-db must be a number or 'none'"), badDb[2]);
    }
}
