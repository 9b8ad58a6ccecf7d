package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.echoic.SharedData;
import org.echoic.segment.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationTablesTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static String text(Random r, String alphabet, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static double time(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.nextInt(100000) / 1000.0;
            case 1 -> r.nextDouble() * 1e4;
            default -> r.nextDouble() * 1e-3;
        };
    }

    private static List<Annotation> random(Random r, boolean band, boolean attributes, String labelAlphabet) {
        List<Annotation> list = new ArrayList<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            double a = time(r);
            double b = a + time(r);
            double lo = band || r.nextBoolean() ? r.nextDouble() * 5000 : Double.NaN;
            double hi = band || r.nextBoolean() ? 5000 + r.nextDouble() * 5000 : Double.NaN;
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int k = attributes ? r.nextInt(3) : 0; k > 0; k--) {
                attrs.put("Attr " + r.nextInt(4), "v" + text(r, labelAlphabet, 6));
            }
            list.add(new Annotation(a, b, lo, hi, text(r, labelAlphabet, 8), attrs));
        }
        return list;
    }

    @Property(tries = 100)
    void everyFormatRoundTripsExactly(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        Path d = Files.createTempDirectory("rt");
        try {
            List<Annotation> raven = random(r, true, true, "abc XYZ-_.,;'\"äé0123");
            Path rf = d.resolve("x.Table.1.selections.txt");
            RavenTables.write(rf, raven, 22050);
            assertEquals(raven, RavenTables.read(rf));
            assertEquals(AnnotationFormat.RAVEN, AnnotationFormat.detect(rf));
            List<Annotation> aud = random(r, false, false, "abc XYZ\t-_.,\"é0123");
            Path af = d.resolve("x.txt");
            AudacityLabels.write(af, aud);
            assertEquals(aud, AudacityLabels.read(af));
            List<Annotation> csv = random(r, false, true, "abc XYZ\t-_.,\"\n\r0123");
            Path cf = d.resolve("x.csv");
            CsvAnnotations.write(cf, csv);
            assertEquals(csv, CsvAnnotations.read(cf));
        } finally {
            try (var s = Files.list(d)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(d);
        }
    }

    @Test
    void ravenWritesTheStandardColumnsWithSixDecimals() throws IOException {
        Path f = dir.resolve("a.Table.1.selections.txt");
        RavenTables.write(f, List.of(new Annotation(1, 2.5, "song")), 16000);
        List<String> lines = Files.readAllLines(f);
        assertEquals("Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tAnnotation",
                lines.get(0));
        assertEquals("1\tSpectrogram 1\t1\t1.000000\t2.500000\t0.000000\t16000.000000\tsong", lines.get(1));
    }

    @Test
    void messyRavenTablesAreReadRobustly() throws IOException {
        Path f = file("messy.txt", "\uFEFFselection\tview\tCHANNEL\tbegin time (S)\tEnd  Time (s)\tLow Freq (Hz)\t"
                + "High Freq (Hz)\tSpecies\tScore\tBegin Path\tFile Offset (s)\t\r\n"
                + "1\tWaveform 1\t1\t0.5\t1.25\t100\t2000\tNOCA\t0.9\t/x/a.wav\t0.5\t\r\n"
                + "1\tSpectrogram 1\t1\t0.5\t1.25\t100\t2000\tNOCA\t0.9\t/x/a.wav\t0.5\t\r\n"
                + "\r\n"
                + "2\tWaveform 1\t2\t3\t4\t\t\t\t0.5\t/x/a.wav\t3\r\n"
                + "2\tSpectrogram 1\t2\t3\t4\t\t\t\t0.5\t/x/a.wav\t3\r\n");
        List<Annotation> a = RavenTables.read(f);
        assertEquals(2, a.size(), "rows repeated per view give one annotation per selection");
        assertEquals(new Annotation(0.5, 1.25, 100, 2000, "NOCA", Map.of("Species", "NOCA", "Score", "0.9",
                "Begin Path", "/x/a.wav", "File Offset (s)", "0.5")), a.get(0));
        assertEquals("", a.get(1).label());
        assertEquals("2", a.get(1).attributes().get("Channel"));
        assertTrue(Double.isNaN(a.get(1).lowHz()));
        assertEquals(List.of(), RavenTables.read(file("empty.txt", String.join("\t", RavenTables.STANDARD) + "\n")));
    }

    @Test
    void badTablesNameFileAndLine() throws IOException {
        Path f = file("bad.txt", String.join("\t", RavenTables.STANDARD) + "\n1\tSpectrogram 1\t1\tabc\t2\t0\t0\n");
        AudioFileException e = assertThrows(AudioFileException.class, () -> RavenTables.read(f));
        assertTrue(e.getMessage().contains("bad.txt") && e.getMessage().contains("line 2")
                && e.getMessage().contains("'abc'"), e.getMessage());
        Path g = file("notraven.txt", "a\tb\n");
        assertTrue(assertThrows(AudioFileException.class, () -> RavenTables.read(g)).getMessage()
                .contains("Begin Time"));
        Path h = file("lab.txt", "1.0\t2.0\tx\n3\t1\ty\n");
        assertTrue(assertThrows(AudioFileException.class, () -> AudacityLabels.read(h)).getMessage()
                .contains("line 2"));
        Path c = file("c.csv", "onset_s,offset_s,label\n1,2,\"unterminated\n");
        assertTrue(assertThrows(AudioFileException.class, () -> CsvAnnotations.read(c)).getMessage()
                .contains("unterminated"));
        Path c2 = file("c2.csv", "start,end\n1,2\n");
        assertTrue(assertThrows(AudioFileException.class, () -> CsvAnnotations.read(c2)).getMessage()
                .contains("onset_s"));
    }

    @Test
    void audacityFrequencyLinesAndUnsetValues() throws IOException {
        Path f = file("l.txt", "0.1\t0.2\tSP\n\\\t100.5\t-1\n0.3\t0.4\n");
        List<Annotation> a = AudacityLabels.read(f);
        assertEquals(100.5, a.get(0).lowHz());
        assertTrue(Double.isNaN(a.get(0).highHz()));
        assertEquals("", a.get(1).label());
        Path out = dir.resolve("o.txt");
        AudacityLabels.write(out, a);
        assertEquals("0.100000\t0.200000\tSP\n\\\t100.500000\t-1.000000\n0.300000\t0.400000\t\n",
                Files.readString(out));
    }

    @Test
    void realTables() throws IOException {
        List<Annotation> spinetail = AudacityLabels.read(SharedData.recording("spinetail/spinetail.txt"));
        assertEquals(18, spinetail.size());
        assertEquals(new Annotation(0.101385, 0.367520, 6441.064453, 12296.577148, "SP", Map.of()), spinetail.get(0));
        assertEquals(spinetail, AnnotationFormat.readAny(SharedData.recording("spinetail/spinetail.txt")));
        List<Annotation> first = RavenTables.read(
                SharedData.recording("chorus-raven/Recording_1_Segment_07-snippet.first10s.selections.txt"));
        assertEquals(9, first.size());
        assertEquals("NOCA", first.get(0).label());
        assertEquals(0.17809591100000002, first.get(0).startSeconds());
        List<Annotation> full = RavenTables.read(
                SharedData.recording("chorus-raven/Recording_1_Segment_07.Table.1.selections.txt"));
        assertTrue(full.size() > 100, "full table rows: " + full.size());
        assertEquals(first, full.subList(0, 9));
        Path copy = dir.resolve("copy.txt");
        RavenTables.write(copy, full, 16000);
        assertEquals(full, RavenTables.read(copy).stream().map(a -> {
            Map<String, String> m = new LinkedHashMap<>(a.attributes());
            return new Annotation(a.startSeconds(), a.endSeconds(), a.lowHz(), a.highHz(), a.label(), m);
        }).toList());
        List<Annotation> mouse = CsvAnnotations.read(SharedData.recording("deermouse-usv/deermouse-go.segments.csv"));
        assertEquals(new Annotation(0.026336, 0.188128, Double.NaN, Double.NaN, "",
                Map.of("source_start_s", "0.526336", "source_stop_s", "0.688128")), mouse.get(0));
    }
}
