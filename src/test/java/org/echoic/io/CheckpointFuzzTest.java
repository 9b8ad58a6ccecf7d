package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of seeded mutations and truncations of real checkpoint folders (model.json field by field, params.bin and
 * rmsprop.bin headers and lengths, missing files): each loads a consistent model or is refused with one line naming
 * the file and the field, within a time and allocation bound, in a JVM with a small heap. Also the training-curve and
 * summary readers of model.json.
 */
@Tag("fuzz")
class CheckpointFuzzTest {
    static final int MUTANTS = 400;
    private static final RnnRbmConfig CFG = new RnnRbmConfig(7, 9, 5, 2, false, GateActivation.TANH);

    @TempDir
    Path dir;

    @BeforeEach
    void smallReadLimit() {
        ReadLimits.setMaxBytes(32L << 20);
    }

    @AfterEach
    void defaultReadLimit() {
        ReadLimits.setMaxBytes(null);
    }

    private Map<String, byte[]> seed() throws Exception {
        Path ck = dir.resolve("seed");
        try (RnnRbm model = new RnnRbm(CFG, 5); RmsProp opt = new RmsProp(model)) {
            var d = CheckpointFolderTest.data();
            Trainer t = new Trainer(model, opt, CheckpointFolderTest.config(), d, d, TrainingState.start(),
                    new CheckpointFolder(ck, "fuzz", new java.util.TreeMap<>(Map.of("kind", "log-db", "rangeDb", 80.0)),
                            new java.util.TreeMap<>(Map.of("nperseg", 256, "sampleRateHz", 22050.0))), null);
            t.run(() -> false);
        }
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(ck.resolve("model.json").toFile());
        root.put("backend", "fixed for the fuzz seed");
        for (com.fasterxml.jackson.databind.JsonNode e : root.get("history")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("framesPerSecond", 1000.0)
                    .put("elapsedSeconds", 1.0).put("remainingSeconds", 1.0);
        }
        Files.write(ck.resolve("model.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : List.of("model.json", "params.bin", "rmsprop.bin")) {
            files.put("ck/" + f, Files.readAllBytes(ck.resolve(f)));
        }
        return files;
    }

    static List<FuzzHarness.Case> mutants(Map<String, byte[]> seed, int n, long randomSeed) throws Exception {
        Random rnd = new Random(randomSeed);
        List<FuzzHarness.Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, byte[]> files = new LinkedHashMap<>(seed);
            int what = rnd.nextInt(20);
            String label;
            if (what < 12) {
                files.put("ck/model.json", FuzzHarness.mutateJson(seed.get("ck/model.json"), rnd));
                label = "model.json field";
            } else if (what < 14) {
                files.put("ck/model.json", FuzzHarness.mutateBytes(seed.get("ck/model.json"), rnd, 1 << 20));
                label = "model.json bytes";
            } else if (what < 17) {
                files.put("ck/params.bin", FuzzHarness.mutateBytes(seed.get("ck/params.bin"), rnd, 160));
                label = "params.bin";
            } else if (what < 19) {
                files.put("ck/rmsprop.bin", FuzzHarness.mutateBytes(seed.get("ck/rmsprop.bin"), rnd, 160));
                label = "rmsprop.bin";
            } else {
                files.remove(List.of("ck/model.json", "ck/params.bin", "ck/rmsprop.bin").get(rnd.nextInt(3)));
                label = "missing file";
            }
            cases.add(new FuzzHarness.Case("mutant " + i + " (" + label + ")", files, "ck"));
        }
        return cases;
    }

    @Test
    void mutatedCheckpointsLoadConsistentlyOrAreRefusedInOneLine() throws Exception {
        Map<String, byte[]> seed = seed();
        FuzzHarness h = new FuzzHarness("checkpoints", Duration.ofSeconds(10), 48L << 20, dir.resolve("cases"));
        FuzzHarness.Report r = h.run(mutants(seed, MUTANTS, 20240914), CheckpointFolder::load, (loaded, target) -> {
            CheckpointFolder.Loaded l = (CheckpointFolder.Loaded) loaded;
            try {
                assertEquals(RnnRbmParams.size(l.model().config()), l.model().params().flat().length());
                assertEquals(l.model().params().flat().length(), l.optimizer().accumulator().length());
                assertTrue(l.state().nextEpoch() >= 0 && l.state().rollbacks() >= 0 && l.state().skippedTotal() >= 0);
                assertTrue(l.model().config().cdSteps() <= RnnRbmConfig.MAX_CD_STEPS);
            } finally {
                l.optimizer().close();
                l.model().close();
            }
        });
        assertTrue(r.failures().isEmpty(), r.failures().size() + " failures, e.g. " + r.failures().subList(0,
                Math.min(5, r.failures().size())));
        assertEquals(MUTANTS, r.loaded() + r.refused());
        assertTrue(r.loaded() > 20 && r.refused() > 200, "both outcomes: " + r);
    }

    @Test
    void mutatedModelJsonIsReadByTheCurveAndSummaryReadersCleanly() throws Exception {
        Map<String, byte[]> seed = seed();
        FuzzHarness h = new FuzzHarness("training-curves", Duration.ofSeconds(10), 48L << 20, dir.resolve("cases"));
        List<FuzzHarness.Case> cases = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 150; i++) {
            cases.add(new FuzzHarness.Case("mutant " + i, Map.of("ck/model.json",
                    FuzzHarness.mutateJson(seed.get("ck/model.json"), rnd)), "ck"));
        }
        FuzzHarness.Report r = h.run(cases, target -> {
            TrainingCurveFiles.readHistory(target);
            return CheckpointSummaries.read(target);
        }, null);
        assertTrue(r.failures().isEmpty(), r.failures().subList(0, Math.min(5, r.failures().size())).toString());
        assertTrue(r.loaded() > 10 && r.refused() > 50, "both outcomes: " + r);
    }
}
