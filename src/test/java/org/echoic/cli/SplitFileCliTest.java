package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train and evaluate on a Boulanger-Lewandowski split file: train on train, validate on valid, evaluate on test, the
 * best epoch and the validation-chosen threshold reported; the seed preset and bad options.
 */
class SplitFileCliTest {
    @TempDir
    Path dir;

    private static String split(int count, int offset) {
        StringBuilder b = new StringBuilder("[");
        for (int s = 0; s < count; s++) {
            b.append(s == 0 ? "" : ",").append("[");
            for (int t = 0; t < 8; t++) {
                int p = 60 + (s + offset + t) % 6;
                b.append(t == 0 ? "" : ",").append("[").append(p).append(",").append(p + 7).append("]");
            }
            b.append("]");
        }
        return b.append("]").toString();
    }

    private String[] run(String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EchoicCli.run(args);
            return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainsOnTrainValidatesOnValidAndEvaluatesOnTest() throws Exception {
        Path data = dir.resolve("jsb.json");
        Files.writeString(data, "{\"train\": " + split(10, 0) + ", \"valid\": " + split(3, 1) + ", \"test\": "
                + split(4, 2) + "}");
        Path model = dir.resolve("m");
        String[] r = run("train", "--data", data.toString(), "--hidden", "8", "--recurrent", "6", "--k", "2",
                "--epochs-per-stage", "2", "--pretrain-epochs", "1", "--out", model.toString());
        assertEquals("0", r[0], r[2]);
        List<String> epochs = r[1].lines().toList();
        assertTrue(epochs.size() >= 1 && epochs.size() <= 6, r[1]);
        Map<String, Object> first = (Map<String, Object>) Json.parse(epochs.get(0));
        Map<String, Object> val = (Map<String, Object>) first.get("validation");
        assertEquals(24, ((Number) val.get("frames")).intValue(), "validation is the valid split: 3 × 8 frames");
        assertTrue(r[2].contains("best epoch"), r[2]);
        Map<String, Object> ev = (Map<String, Object>) Json.parse(run("evaluate", "--model", model.toString(),
                "--data", data.toString())[1]);
        assertEquals(32, ((Number) ev.get("frames")).intValue(), "evaluated on the test split: 4 × 8 frames");
        assertTrue(((String) ev.get("prediction")).contains("chosen on the validation data"), ev.toString());
        assertTrue(ev.get("baselineRepeatPrevious") instanceof Number);
        assertTrue(ev.get("bestEpoch") instanceof Number);
        Map<String, Object> onTrain = (Map<String, Object>) Json.parse(run("evaluate", "--model", model.toString(),
                "--data", data.toString(), "--split", "train", "--threshold", "0.5")[1]);
        assertEquals(80, ((Number) onTrain.get("frames")).intValue());
        assertEquals(0.5, ((Number) onTrain.get("threshold")).doubleValue());
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(model.resolve("model.json")));
        assertTrue(json.get("best") instanceof Map, "model.json marks the best epoch");
    }

    @Test
    void theSeedPresetAndBadOptionsAreHandled() throws Exception {
        Path data = dir.resolve("jsb.json");
        Files.writeString(data, "{\"train\": " + split(6, 0) + ", \"valid\": " + split(2, 1) + ", \"test\": "
                + split(2, 2) + "}");
        Path model = dir.resolve("seed");
        String[] r = run("train", "--data", data.toString(), "--preset", "seed", "--hidden", "6", "--recurrent", "4",
                "--k", "1", "--epochs-per-stage", "1", "--out", model.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(5, r[1].lines().count(), "the seed's five-stage curriculum, one epoch each");
        String json = Files.readString(model.resolve("model.json"));
        assertTrue(json.contains("\"recurrentInitStd\" : 1.0E-4") && json.contains("\"layerInitGain\" : 0.0"), json);
        assertNotEquals("0", run("train", "--data", data.toString(), "--preset", "fast", "--out",
                dir.resolve("x").toString())[0]);
        String[] noSplit = run("train", "--data", data.toString(), "--split", "nope", "--out",
                dir.resolve("y").toString());
        assertNotEquals("0", noSplit[0]);
        assertTrue(noSplit[2].contains("no such split"), noSplit[2]);
    }
}
