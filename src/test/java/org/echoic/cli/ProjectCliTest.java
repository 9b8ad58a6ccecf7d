package org.echoic.cli;

import static org.echoic.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.io.FileHashes;
import org.echoic.io.Json;
import org.echoic.io.ProjectFiles;
import org.echoic.io.WavWriter;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.SegmentationFingerprint;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.AppExecutors;
import org.echoic.service.SegmentationReproduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code echoic project check} and {@code echoic segment --project}. */
class ProjectCliTest {
    @TempDir
    Path dir;

    /** {@code n} 40 ms bursts at 16 kHz. */
    private static Path bursts(Path file, int n) throws Exception {
        float[] x = new float[16_000];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < 640; i++) {
                x[1600 + b * 2800 + i] = (float) (0.4 * Math.sin(2 * Math.PI * 1500 * i / 16_000.0));
            }
        }
        Files.createDirectories(file.getParent());
        WavWriter.write(file, x, 16_000, WavWriter.Format.PCM16);
        return file;
    }

    private Path project(SegmentationParams paramsB) throws Exception {
        Path a = bursts(dir.resolve("rec/a.wav"), 3);
        Path b = bursts(dir.resolve("rec/b.wav"), 5);
        FileHashes h = new FileHashes();
        Project p = Project.EMPTY;
        try (AppExecutors ex = new AppExecutors(1)) {
            for (Path f : List.of(a, b)) {
                SegmentationParams params = f == b ? paramsB : SegmentationParams.DEFAULTS;
                ProjectRecording r = ProjectFiles.hashIfUnknown(ProjectRecording.of(f, 16_000, 1), h, null)
                        .withSegmentation(params);
                SegmentationFingerprint fp = SegmentationReproduction.fingerprint(f, params, ex.compute(), null);
                p = p.withRecordingAdded(r.withFingerprint(fp));
            }
        }
        Path file = dir.resolve("proj/p.echoic.json");
        ProjectFiles.save(file, p);
        return file;
    }

    @SuppressWarnings("unchecked")
    @Test
    void checkReportsReproducedFingerprintsAndChangedFiles() throws Exception {
        Path file = project(SegmentationParams.DEFAULTS.withMinLengthMs(10));
        String[] r = run("project", "check", file.toString(), "--recordings-folder", dir.resolve("rec").toString());
        assertEquals("0", r[0], r[2]);
        Map<String, Object> json = (Map<String, Object>) Json.parse(r[1]);
        assertEquals(true, json.get("ok"));
        List<Map<String, Object>> recs = (List<Map<String, Object>>) json.get("recordings");
        assertEquals("ok", recs.get(1).get("status"));
        Map<String, Object> seg = (Map<String, Object>) recs.get(1).get("segmentation");
        assertEquals(true, seg.get("match"));
        assertEquals(5, ((Map<String, Object>) seg.get("reproduced")).get("segments"));

        bursts(dir.resolve("rec/a.wav"), 2);
        r = run("project", "check", file.toString(), "--recordings-folder", dir.resolve("rec").toString());
        assertEquals("2", r[0]);
        json = (Map<String, Object>) Json.parse(r[1]);
        assertEquals(false, json.get("ok"));
        recs = (List<Map<String, Object>>) json.get("recordings");
        assertEquals("changed", recs.get(0).get("status"));
        assertEquals("ok", recs.get(1).get("status"));

        Files.delete(dir.resolve("rec/b.wav"));
        r = run("project", "check", file.toString(), "--recordings-folder", dir.resolve("rec").toString());
        recs = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(r[1])).get("recordings");
        assertEquals("missing", recs.get(1).get("status"));
    }

    @Test
    void segmentWithProjectUsesEachRecordingsSavedParameters() throws Exception {
        SegmentationParams strict = SegmentationParams.DEFAULTS.withMinLengthMs(200);
        Path file = project(strict);
        String[] r = run("segment", "--recordings-folder", dir.resolve("rec").toString(), "--project", file.toString());
        assertEquals("0", r[0], r[2]);
        long a = r[1].lines().filter(l -> l.contains("a.wav")).count();
        long b = r[1].lines().filter(l -> l.contains("b.wav")).count();
        assertEquals(3, a, r[1]);
        assertEquals(0, b, "b's saved parameters reject 40 ms bursts: " + r[1]);

        Path out = dir.resolve("tables");
        r = run("segment", "--recordings-folder", dir.resolve("rec").toString(), "--project", file.toString(), "--out", out.toString(), "--format", "csv");
        assertEquals("0", r[0], r[2]);
        assertEquals(4, Files.readAllLines(out.resolve(org.echoic.io.AnnotationFormat.CSV.fileName("a"))).size(),
                "header and three segments, inside --out");

        r = run("segment", "--recordings-folder", dir.resolve("rec").toString(), "--project", file.toString(), "--min-length-ms", "5");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--min-length-ms"), r[2]);

        Files.delete(dir.resolve("rec/a.wav"));
        r = run("segment", "--recordings-folder", dir.resolve("rec").toString(), "--project", file.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("a.wav") && r[2].contains("missing"), r[2]);
        assertEquals(0, r[1].lines().filter(l -> l.contains("b.wav")).count());
    }

    @Test
    void checkWithRetrainReproducesATrainingRunsDataAndWeights() throws Exception {
        org.echoic.project.Project p = org.echoic.service.RunReproductionTest.tinyProject();
        org.echoic.service.ProjectTraining.Outcome o = org.echoic.service.ProjectTraining.train(p, "run 1",
                p.corpusEntries().get(0), p.modelEntries().get(0), dir.resolve("runs/run-1"), 1, "test", () -> false,
                null);
        Path f = dir.resolve("p.echoic.json");
        org.echoic.io.ProjectFiles.save(f, p.withTrainingRun(o.run()));
        String[] r = run("project", "check", f.toString(), "--retrain", "--recordings-folder", "sample-data");
        assertEquals("0", r[0], r[1] + r[2]);
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r[1]);
        assertEquals("run 1", j.at("/trainingRuns/0/run").asText());
        assertTrue(j.at("/trainingRuns/0/data/match").asBoolean());
        assertTrue(j.at("/trainingRuns/0/weights/match").asBoolean());
        org.echoic.io.ProjectFiles.save(f, p.withTrainingRun(new org.echoic.project.TrainingRunEntry("run 1", "calls",
                "tiny", o.run().folder(), "0".repeat(64), 1)));
        String[] bad = run("project", "check", f.toString(), "--runs", "--recordings-folder", "sample-data");
        assertEquals("2", bad[0], bad[1] + bad[2]);
        assertTrue(bad[1].contains("corpus differs"), bad[1]);
    }

    @Test
    void trainWithProjectUsesItsCorpusAndModelAndRecordsTheRun() throws Exception {
        Path f = dir.resolve("birds.echoic.json");
        ProjectFiles.save(f, org.echoic.service.RunReproductionTest.tinyProject());
        Path out = dir.resolve("runs").resolve("r1");
        String[] r = run("train", "--project", f.toString(), "--out", out.toString(), "--recordings-folder", "sample-data");
        assertEquals("0", r[0], r[1] + r[2]);
        Project p = ProjectFiles.read(f);
        assertEquals(1, p.trainingRunEntries().size());
        org.echoic.project.TrainingRunEntry entry = p.trainingRunEntries().get(0);
        assertEquals("r1", entry.name());
        assertEquals("calls", entry.corpus());
        assertEquals(2, entry.epochs(), "the model's curriculum: 2 stages of 1 epoch");
        assertEquals(out.toAbsolutePath().normalize(), entry.folder());
        String[] check = run("project", "check", f.toString(), "--retrain", "--recordings-folder", "sample-data");
        assertEquals("0", check[0], check[1] + check[2]);
        Path gen = dir.resolve("generated").resolve("g1");
        String[] g = run("generate", "--project", f.toString(), "--frames", "30", "--count", "2", "--seed", "5",
                "--out", gen.toString());
        assertEquals("0", g[0], g[1] + g[2]);
        assertTrue(Files.list(gen).anyMatch(x -> x.toString().endsWith(".wav")), "audio from the project's run");
        org.echoic.project.GeneratedEntry item = ProjectFiles.read(f).generatedEntries().get(0);
        assertEquals("r1", item.run());
        assertEquals(5, item.seed());
        assertEquals(gen.toAbsolutePath().normalize(), item.folder());
        String[] wrong = run("train", "--project", f.toString(), "--corpus", "nope", "--out", out.toString());
        assertEquals("2", wrong[0]);
        assertTrue(wrong[2].contains("no corpus 'nope'"), wrong[2]);
    }
}
