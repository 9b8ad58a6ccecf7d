package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.echoic.TinyCheckpoint;
import org.echoic.io.Json;
import org.echoic.io.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code echoic inspect} on a tiny model trained on the sample: a recording segment, a data-set sequence, bad input. */
class InspectCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EchoicCli.newCommandLine().setErr(new java.io.PrintWriter(System.err, true)).execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void inspectsASegmentOfTheRecordingAndASequenceOfADataSet() throws Exception {
        Path run = dir.resolve("run");
        TinyCheckpoint.train(run.resolve("epoch-1"), 1, 4);
        Path out = dir.resolve("out");
        Result r = run("inspect", "--model", run.toString(), "--recording", TinyCheckpoint.WAV.toString(),
                "--segment", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> line = (Map<String, Object>) Json.parse(r.out().trim());
        assertEquals("bird-song.wav #2 B", line.get("segment"));
        int frames = (Integer) line.get("frames");
        assertArrayEquals(new int[] {frames, 8}, NpyReader.read(out.resolve("activations.npy")).shape());
        assertArrayEquals(new int[] {8, 35}, NpyReader.read(out.resolve("templates.npy")).shape());
        assertEquals(9, Files.readAllLines(out.resolve("unit-stats.csv")).size());
        assertTrue(Files.size(out.resolve("activations.png")) > 1000);
        assertTrue(Files.size(out.resolve("templates.png")) > 500);

        StringBuilder json = new StringBuilder("{\"nVisible\": 35, \"sequences\": [");
        for (int s = 0; s < 3; s++) {
            json.append(s == 0 ? "" : ",").append("[");
            for (int t = 0; t < 5; t++) {
                json.append(t == 0 ? "" : ",").append("[").append((s + 3 * t) % 35).append("]");
            }
            json.append("]");
        }
        Path data = dir.resolve("d.json");
        Files.writeString(data, json.append("]}").toString());
        Path out2 = dir.resolve("out2");
        Result d = run("inspect", "--model", run.resolve("epoch-1").toString(), "--data", data.toString(),
                "--sequence", "1", "--out", out2.toString());
        assertEquals(0, d.code(), d.err());
        assertArrayEquals(new int[] {5, 8}, NpyReader.read(out2.resolve("activations.npy")).shape());
    }

    @Test
    void badInputNamesTheFile() throws Exception {
        Path run = dir.resolve("run");
        TinyCheckpoint.train(run.resolve("m"), 1, 4);
        Result r = run("inspect", "--model", run.toString(), "--recording", TinyCheckpoint.WAV.toString(),
                "--segment", "999", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bird-song.csv: no segment 999"), r.err());
        Result none = run("inspect", "--model", dir.resolve("empty").toString(), "--recording",
                TinyCheckpoint.WAV.toString(), "--segment", "0", "--out", dir.resolve("o").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("empty"), none.err());
    }
}
