package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echoic.cluster.VMeasure;
import org.echoic.io.CsvAnnotations;
import org.echoic.io.NpyReader;
import org.echoic.segment.Annotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth --kind calltypes}, {@code embed} and {@code cluster} end to end on a few synthetic songs. */
class ClusterCliTest {
    @TempDir
    static Path dir;
    static Path songs;

    @BeforeAll
    static void synthesise() {
        songs = dir.resolve("songs");
        String[] r = CliRun.run("synth", "--kind", "calltypes", "--songs", "6", "--types", "4", "--seed", "3",
                "--out", songs.toString());
        assertEquals("0", r[0], r[2]);
    }

    @Test
    void clusterWritesOneTablePerRecordingTheMapAndTheEmbeddingReproducibly() throws IOException {
        Path out = dir.resolve("clusters");
        String[] r = CliRun.run("cluster", "--out", out.toString(), songs.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"clusters\":"), r[1]);
        List<String> truth = new ArrayList<>();
        List<String> found = new ArrayList<>();
        int segments = 0;
        for (int s = 1; s <= 6; s++) {
            String name = String.format("song-%02d.csv", s);
            List<Annotation> reference = CsvAnnotations.read(songs.resolve(name));
            List<Annotation> clusters = CsvAnnotations.read(out.resolve(name));
            assertEquals(reference.size(), clusters.size(), name);
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i).startSeconds(), clusters.get(i).startSeconds(), 1e-4);
                int label = Integer.parseInt(clusters.get(i).label());
                assertTrue(label >= -1, "cluster label " + label);
                truth.add(reference.get(i).label());
                found.add(clusters.get(i).label());
            }
            segments += reference.size();
        }
        assertEquals("onset_s,offset_s,label", Files.readAllLines(out.resolve("song-01.csv")).get(0));
        NpyReader.NpyArray map = NpyReader.read(out.resolve("map.npy"));
        assertArrayEquals(new int[] {segments, 2}, map.shape());
        NpyReader.NpyArray emb = NpyReader.read(out.resolve("embeddings.npy"));
        assertEquals(segments, emb.shape()[0]);
        assertEquals(32 * 32 + 4, emb.shape()[1]);
        assertTrue(VMeasure.of(truth, found).vMeasure() > 0.9, "V-measure " + VMeasure.of(truth, found));
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("\"vMeasureAgainstTableLabels\":([0-9.eE-]+)")
                .matcher(r[1]);
        assertTrue(r[1].contains("\"tableLabels\":4") && v.find(), "the tables' 4 labels are scored: " + r[1]);
        assertEquals(VMeasure.of(truth, found).vMeasure(), Double.parseDouble(v.group(1)), 1e-9);

        Path again = dir.resolve("again");
        assertEquals("0", CliRun.run("cluster", "--out", again.toString(), songs.toString())[0]);
        assertArrayEquals(Files.readAllBytes(out.resolve("segments.csv")),
                Files.readAllBytes(again.resolve("segments.csv")), "same seed, same map and clusters");
    }

    @Test
    void embedWritesTheEmbeddingAndTheSegments() throws IOException {
        Path out = dir.resolve("embedded");
        String[] r = CliRun.run("embed", "--recordings", songs.toString(), "--time-bins", "16", "--out",
                out.toString());
        assertEquals("0", r[0], r[2]);
        List<Annotation> rows = CsvAnnotations.read(out.resolve("segments.csv"));
        NpyReader.NpyArray emb = NpyReader.read(out.resolve("embeddings.npy"));
        assertArrayEquals(new int[] {rows.size(), 32 * 16 + 4}, emb.shape());
        assertEquals(songs.resolve("song-01.wav").toString(), rows.get(0).attributes().get("recording"));
        assertEquals("a", rows.get(0).label());
    }

    @Test
    void everyRowOfTheTableGetsALabelEvenOfNoLength() throws IOException {
        Path one = dir.resolve("one");
        Files.createDirectories(one);
        Files.copy(songs.resolve("song-02.wav"), one.resolve("song.wav"));
        List<Annotation> rows = new ArrayList<>(CsvAnnotations.read(songs.resolve("song-02.csv")));
        rows.add(new Annotation(0.1, 0.1, "empty"));
        rows.add(new Annotation(0.2, 0.203, "short"));
        CsvAnnotations.write(one.resolve("song.csv"), rows);
        Path out = dir.resolve("one-out");
        assertEquals("0", CliRun.run("cluster", "--out", out.toString(), one.toString())[0]);
        List<Annotation> labelled = CsvAnnotations.read(out.resolve("song.csv"));
        assertEquals(rows.size(), labelled.size());
        assertEquals(0.1, labelled.get(rows.size() - 2).startSeconds(), 1e-4);
        assertEquals(0.1, labelled.get(rows.size() - 2).endSeconds(), 1e-4);
    }

    @Test
    void benchClustersTheFinchLikeSongsOfIssue16AndScoresThemAgainstTheirTypes() {
        String[] r = CliRun.run("bench", "cluster", "--corpus", "finch", "--songs", "4", "--song-seconds", "5");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"corpus\":\"finch\""), r[1]);
        java.util.regex.Matcher types = java.util.regex.Pattern.compile("\"types\":(\\d+)").matcher(r[1]);
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("\"vMeasure\":([0-9.eE-]+)").matcher(r[1]);
        assertTrue(types.find() && v.find(), r[1]);
        assertTrue(Integer.parseInt(types.group(1)) >= 5, "the finch grammar's types i, a–f: " + r[1]);
        assertTrue(Double.parseDouble(v.group(1)) > 0.8, "finch types are told apart: " + r[1]);
    }

    @Test
    void aMissingRecordingIsBadInput() {
        String[] r = CliRun.run("cluster", "--out", dir.resolve("x").toString(), dir.resolve("nope.wav").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("nope.wav"), r[2]);
    }
}
