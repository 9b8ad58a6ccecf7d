package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoic.io.AnnotationFormat;
import org.echoic.io.LabellerFiles;
import org.echoic.io.WavWriter;
import org.echoic.segment.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * annotate and classify end to end on synthetic finch song: train (tiny network, one epoch), the model folder, the
 * output tables in each format, and clear errors for bad tables, other rates and overwriting the input.
 */
class AnnotateCliTest {
    @TempDir
    Path dir;

    private static final String[] TINY = {"--hidden", "6", "--epochs", "1", "--window-frames", "64", "--hop-ms", "4",
        "--network", "lstm"};

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void trainsWritesAModelAndLabelsRecordingsInEveryFormat() throws Exception {
        Path train = dir.resolve("train");
        assertEquals("0", CliRun.run("synth", "--kind", "finch", "--count", "2", "--seconds", "4", "--out",
                train.toString())[0]);
        Path model = dir.resolve("model");
        String[] r = CliRun.run(concat(new String[] {"annotate", "train", "--recordings", train.toString(), "--out",
            model.toString()}, TINY));
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"network\":\"lstm\""), r[1]);
        assertTrue(r[2].contains("\"epoch\":1"), "an epoch line on stderr: " + r[2]);
        LabellerFiles.Loaded loaded = LabellerFiles.load(model);
        assertEquals("(background)", loaded.labeller().classes().get(0));
        assertEquals(java.util.Set.of("i", "a", "b", "c", "d", "e", "f"),
                java.util.Set.copyOf(loaded.labeller().classes().subList(1, loaded.labeller().classes().size())));

        Path out = dir.resolve("out");
        r = CliRun.run("annotate", "apply", "--model", model.toString(), "--out", out.toString(), "--score",
                train.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"syllableErrorRateCleaned\""), r[1]);
        List<String> csv = Files.readAllLines(out.resolve("song-001.csv"));
        assertEquals("onset_s,offset_s,label,confidence", csv.get(0));
        r = CliRun.run("annotate", "apply", "--model", model.toString(), "--out", out.toString(), "--format", "raven",
                "--raw", train.resolve("song-001.wav").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.isRegularFile(out.resolve("song-001.Table.1.selections.txt")));

        r = CliRun.run("annotate", "apply", "--model", model.toString(), "--out", train.toString(),
                train.resolve("song-001.wav").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("would overwrite"), r[2]);

        Path other = dir.resolve("other.wav");
        WavWriter.write(other, new float[44_100], 44_100, WavWriter.Format.PCM16);
        r = CliRun.run("annotate", "apply", "--model", model.toString(), "--out", out.toString(), other.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("44100 Hz") && r[2].contains("32000 Hz"), r[2]);
    }

    @Test
    void aGruRunKeepsNd4jsPrintsOffStandardOutput() throws Exception {
        Path train = dir.resolve("train");
        assertEquals("0", CliRun.run("synth", "--kind", "finch", "--count", "1", "--seconds", "3", "--out",
                train.toString())[0]);
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        String[] r;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r = CliRun.run("annotate", "train", "--recordings", train.toString(), "--out", dir.resolve("gru").toString(),
                    "--hidden", "4", "--epochs", "1", "--window-frames", "32", "--hop-ms", "4", "--network", "gru");
        } finally {
            System.setOut(stdout);
        }
        assertEquals("0", r[0], r[2]);
        assertEquals("", printed.toString(java.nio.charset.StandardCharsets.UTF_8),
                "SameDiff's 'Added differentiated op' lines go to standard error, not into the JSON on standard output");
        assertTrue(r[1].contains("\"network\":\"gru\""), r[1]);
    }

    @Test
    void badTablesAndSingleLabelClassifiersAreRefusedClearly() throws Exception {
        Path train = dir.resolve("t");
        CliRun.run("synth", "--kind", "finch", "--count", "2", "--seconds", "3", "--out", train.toString());
        Files.writeString(train.resolve("song-002.csv"), "onset_s,offset_s,label\n1.0,9.5,a\n");
        String[] r = CliRun.run(concat(new String[] {"annotate", "train", "--recordings", train.toString(), "--out",
            dir.resolve("m").toString()}, TINY));
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("song-002.csv") && r[2].contains("outside the recording"), r[2]);
        assertFalse(Files.exists(dir.resolve("m")), "no model after an error");

        Files.writeString(train.resolve("song-002.csv"), "onset_s,offset_s,label\n1.0,1.5,a\n");
        Files.writeString(train.resolve("song-001.csv"), "onset_s,offset_s,label\n1.0,1.5,a\n");
        r = CliRun.run(concat(new String[] {"classify", "train", "--recordings", train.toString(), "--out",
            dir.resolve("c").toString()}, TINY));
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("at least two"), r[2]);
    }

    @Test
    void aClassifierFillsTheLabelsOfGivenSegments() throws Exception {
        Path train = dir.resolve("c");
        CliRun.run("synth", "--kind", "finch", "--count", "2", "--seconds", "4", "--out", train.toString());
        Path model = dir.resolve("cm");
        String[] r = CliRun.run(concat(new String[] {"classify", "train", "--recordings", train.toString(), "--out",
            model.toString()}, TINY));
        assertEquals("0", r[0], r[2]);
        Path out = dir.resolve("cout");
        r = CliRun.run("classify", "apply", "--model", model.toString(), "--out", out.toString(), "--score",
                train.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"accuracy\""), r[1]);
        List<Annotation> given = AnnotationFormat.readAny(train.resolve("song-001.csv"));
        List<Annotation> labelled = AnnotationFormat.readAny(out.resolve("song-001.csv"));
        assertEquals(given.size(), labelled.size());
        for (int i = 0; i < given.size(); i++) {
            assertEquals(given.get(i).startSeconds(), labelled.get(i).startSeconds(), 1e-6, "segments kept");
            assertTrue(labelled.get(i).attributes().containsKey("confidence"));
        }
    }
}
