package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate → generate end to end on a tiny binary data set, and bad input. */
class ModelCommandsTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, EchoicCli.run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainEvaluateGenerate() throws Exception {
        StringBuilder json = new StringBuilder("{\"nVisible\": 5, \"sequences\": [");
        for (int s = 0; s < 8; s++) {
            json.append(s == 0 ? "" : ",").append("[");
            for (int t = 0; t < 6; t++) {
                json.append(t == 0 ? "" : ",").append("[").append((s + t) % 5).append("]");
            }
            json.append("]");
        }
        Path data = dir.resolve("d.json");
        Files.writeString(data, json.append("]}").toString());
        Path model = dir.resolve("model");
        String lines = run("train", "--data", data.toString(), "--hidden", "6", "--recurrent", "4", "--k", "2",
                "--batch", "3", "--epochs-per-stage", "1", "--lr-schedule", "1e-3,5e-4", "--seed", "3",
                "--out", model.toString());
        List<String> epochs = lines.lines().toList();
        assertEquals(2, epochs.size(), lines);
        Map<String, Object> last = (Map<String, Object>) Json.parse(epochs.get(1));
        assertEquals(1, last.get("epoch"));
        assertTrue(((Map<String, Object>) last.get("validation")).get("frameAccuracy") instanceof Number);
        assertTrue(Files.isRegularFile(model.resolve("model.json")));

        Map<String, Object> ev = (Map<String, Object>) Json.parse(run("evaluate", "--model", model.toString(),
                "--data", data.toString(), "--loglik", "--ais-chains", "4", "--ais-betas", "20"));
        for (String key : new String[] {"frameAccuracy", "predictionMse", "reconstruction", "logLikelihoodPerFrame",
                "logLikelihoodStdErr"}) {
            assertTrue(ev.get(key) instanceof Number, key + " in " + ev);
        }
        assertTrue(((Number) ev.get("logLikelihoodPerFrame")).doubleValue() < 0);

        Path outJson = dir.resolve("g.json");
        run("generate", "--model", model.toString(), "--frames", "7", "--seed", "2", "--out", outJson.toString());
        Map<String, Object> g = (Map<String, Object>) Json.parse(Files.readString(outJson));
        assertEquals(7, ((List<Object>) ((List<Object>) g.get("sequences")).get(0)).size());
        Path outNpy = dir.resolve("g.npy");
        run("generate", "--model", model.toString(), "--frames", "7", "--seed", "2", "--prime", data.toString(),
                "--out", outNpy.toString());
        byte[] npy = Files.readAllBytes(outNpy);
        int headerLen = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64);
        assertTrue(new String(npy, 10, headerLen, StandardCharsets.US_ASCII).contains("'shape': (7, 5)"));
        assertEquals(10 + headerLen + 7 * 5 * 4, npy.length);
        float first = ByteBuffer.wrap(npy, 10 + headerLen, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        assertTrue(first >= 0 && first <= 1);
    }

    @Test
    void badDataExitsWithTwoAndNamesTheFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nVisible\": 3, \"sequences\": [[[7]]]}");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = EchoicCli.newCommandLine().setErr(new java.io.PrintWriter(err, true))
                    .execute("train", "--data", bad.toString(), "--out", dir.resolve("m").toString());
        } finally {
            System.setErr(old);
        }
        assertEquals(EchoicCli.EXIT_BAD_INPUT, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.json"), err.toString(StandardCharsets.UTF_8));
    }
}
