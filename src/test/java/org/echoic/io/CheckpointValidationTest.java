package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.Checkpoint;
import org.echoic.train.TrainingState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoints the attacker of issue 14 made: each is refused before anything is allocated or looped over, in one
 * line naming model.json (or the weights file) and the field, in plain words.
 */
class CheckpointValidationTest {
    private static final RnnRbmConfig CFG = new RnnRbmConfig(7, 9, 5, 2, false, GateActivation.TANH);
    @TempDir
    Path dir;
    private Path ck;
    private byte[] original;

    @BeforeEach
    void save() throws IOException {
        ck = dir.resolve("ck");
        try (RnnRbm model = new RnnRbm(CFG, 5); RmsProp opt = new RmsProp(model)) {
            new CheckpointFolder(ck, "v", null, null).save(new Checkpoint(model, opt, CheckpointFolderTest.config(),
                    new TrainingState(1, 1.0, 0, 0, List.of()), "abc", "o"));
        }
        original = Files.readAllBytes(ck.resolve("model.json"));
    }

    private String refusal(Consumer<ObjectNode> change) throws IOException {
        Path json = ck.resolve("model.json");
        ObjectNode root = (ObjectNode) Json.mapper().readTree(original);
        change.accept(root);
        Files.write(json, Json.mapper().writeValueAsBytes(root));
        IOException e = assertThrows(IOException.class, () -> CheckpointFolder.load(ck));
        assertTrue(e.getMessage().startsWith(json.toString() + ": ") || e.getMessage().startsWith(ck.toString()),
                e.getMessage());
        assertTrue(!e.getMessage().contains("java.") && !e.getMessage().contains("Exception")
                && !e.getMessage().contains("JsonNode") && !e.getMessage().contains("Cannot "), e.getMessage());
        return e.getMessage().substring(json.toString().length() + 2);
    }

    @Test
    void absurdSizesAndStepsAreRefusedByField() throws IOException {
        assertEquals("model.cdSteps: must be a whole number from 1 to 1000, found 1.0E9",
                refusal(r -> ((ObjectNode) r.get("model")).put("cdSteps", 1e9)));
        assertEquals("parameterCount: says 684 parameters, the layer sizes in model give 30000474",
                refusal(r -> ((ObjectNode) r.get("model")).put("nVisible", 1_000_000)));
        Path params = ck.resolve("params.bin");
        IOException big = assertThrows(IOException.class, () -> {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(original);
            ((ObjectNode) root.get("model")).put("nVisible", 1_000_000);
            root.remove("parameterCount");
            Files.write(ck.resolve("model.json"), Json.mapper().writeValueAsBytes(root));
            CheckpointFolder.load(ck);
        });
        assertEquals(params + ": length: holds 684 values, the model described in model.json has 30000474 (model.json"
                + " and params.bin do not belong together)", big.getMessage(), "checked before the model is made");
        ReadLimits.setMaxBytes(64L << 20);
        try {
            assertEquals("model: would need 366 MiB of memory, more than the 64 MiB one read may use (raise it with "
                    + "--max-read-memory or -Dechoic.maxReadMemory)", refusal(r -> {
                        ((ObjectNode) r.get("model")).put("nVisible", 1_000_000).put("nHidden", 3);
                        r.remove("parameterCount");
                    }));
        } finally {
            ReadLimits.setMaxBytes(null);
        }
        assertEquals("training.predictionSteps: must be a whole number from 1 to 1000, found 2000000000",
                refusal(r -> ((ObjectNode) r.get("training")).put("predictionSteps", 2_000_000_000)));
        assertEquals("parameterCount: says 684 parameters, the layer sizes in model give 697",
                refusal(r -> ((ObjectNode) r.get("model")).put("nHidden", 10)));
    }

    @Test
    void newerVersionsNegativeEpochsAndWrongKindsAreRefused() throws IOException {
        assertEquals("formatVersion: checkpoint format 99 is newer than this Echoic reads (1): open it with a newer"
                + " Echoic", refusal(r -> r.put("formatVersion", 99)));
        assertEquals("state.nextEpoch: must be a whole number from 0 to 2147483647, found -3",
                refusal(r -> ((ObjectNode) r.get("state")).put("nextEpoch", -3)));
        assertEquals("epoch: must be a whole number from 0 to 2147483647, found -1", refusal(r -> r.put("epoch", -1)));
        assertEquals("model: missing (expected an object)", refusal(r -> r.remove("model")));
        assertEquals("history: must be a list, found the number 3", refusal(r -> r.put("history", 3)));
        assertEquals("history[0]: must be an object, found text 'x'", refusal(r -> r.putArray("history").add("x")));
        assertEquals("history[0].trainCost: must be a number, found 'lots'",
                refusal(r -> r.putArray("history").addObject().put("epoch", 0).put("stage", 0).put("trainCost", "lots")));
        assertEquals("model.gates: must be one of [TANH, SIGMOID], found 'RELU'",
                refusal(r -> ((ObjectNode) r.get("model")).put("gates", "RELU")));
    }

    @Test
    void fieldsANewerMinorVersionAddsAreIgnored() throws IOException {
        Path json = ck.resolve("model.json");
        ObjectNode root = (ObjectNode) Json.mapper().readTree(original);
        ((ObjectNode) root.get("training")).put("preset", "fast");
        root.put("bestEpoch", 1);
        Files.write(json, Json.mapper().writeValueAsBytes(root));
        CheckpointFolder.Loaded l = CheckpointFolder.load(ck);
        assertEquals(CheckpointFolderTest.config(), l.config());
        l.optimizer().close();
        l.model().close();
    }

    @Test
    void damagedWeightsFilesAreRefusedInWords() throws IOException {
        Path params = ck.resolve("params.bin");
        byte[] good = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(good, good.length - 3));
        IOException cut = assertThrows(IOException.class, () -> CheckpointFolder.load(ck));
        assertTrue(cut.getMessage().startsWith(params + ": is truncated"), cut.getMessage());
        byte[] flipped = good.clone();
        flipped[flipped.length - 2] ^= 1;
        Files.write(params, flipped);
        IOException sha = assertThrows(IOException.class, () -> CheckpointFolder.load(ck));
        assertTrue(sha.getMessage().contains("SHA-256 differs"), sha.getMessage());
        Files.write(params, "not an array".getBytes());
        IOException text = assertThrows(IOException.class, () -> CheckpointFolder.load(ck));
        assertTrue(text.getMessage().startsWith(params.toString()) && !text.getMessage().contains("EOF"),
                text.getMessage());
    }
}
