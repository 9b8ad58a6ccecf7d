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

import org.echoic.generate.GenerationParams;
import org.echoic.generate.GenerationProvenance;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.Annotation;
import org.echoic.train.SequenceDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of seeded mutations and truncations of sequence data sets, projects, generation sidecars and annotation
 * tables: each reads correctly (the kind's invariants hold) or is refused with one line naming the file and the field,
 * within a time and allocation bound, in a JVM with a small heap (see {@link FuzzHarness}).
 */
@Tag("fuzz")
class FilesFuzzTest {
    static final int MUTANTS = 300;
    private static final long READ_LIMIT = 32L << 20;
    private static final long ALLOCATION_BOUND = READ_LIMIT + (16L << 20);

    @TempDir
    Path dir;

    @BeforeEach
    void smallReadLimit() {
        ReadLimits.setMaxBytes(READ_LIMIT);
    }

    @AfterEach
    void defaultReadLimit() {
        ReadLimits.setMaxBytes(null);
    }

    private static void requireClean(FuzzHarness.Report r, int tried) {
        assertTrue(r.failures().isEmpty(), r.failures().size() + " failures, e.g. "
                + r.failures().subList(0, Math.min(5, r.failures().size())));
        assertEquals(tried, r.loaded() + r.refused());
        assertTrue(r.loaded() > tried / 20 && r.refused() > tried / 4, "both outcomes: " + r);
    }

    private static List<FuzzHarness.Case> json(String name, List<byte[]> seeds, int n, long seed) throws Exception {
        Random rnd = new Random(seed);
        List<FuzzHarness.Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] s = seeds.get(i % seeds.size());
            byte[] m = rnd.nextInt(4) == 0 ? FuzzHarness.mutateBytes(s, rnd, s.length) : FuzzHarness.mutateJson(s, rnd);
            cases.add(new FuzzHarness.Case(name + " mutant " + i, Map.of(name, m), name));
        }
        return cases;
    }

    @Test
    void sequenceDataSets() throws Exception {
        Random r = new Random(3);
        StringBuilder sparse = new StringBuilder("{\"nVisible\": 88, \"sequences\": [");
        StringBuilder dense = new StringBuilder("{\"nVisible\": 6, \"dense\": true, \"sequences\": [");
        for (int s = 0; s < 12; s++) {
            sparse.append(s == 0 ? "[" : ", [");
            dense.append(s == 0 ? "[" : ", [");
            for (int t = 0; t < 5 + s; t++) {
                sparse.append(t == 0 ? "[" : ", [").append(r.nextInt(88)).append(", ").append(r.nextInt(88)).append("]");
                dense.append(t == 0 ? "[" : ", [");
                for (int i = 0; i < 6; i++) {
                    dense.append(i == 0 ? "" : ", ").append(Math.round(r.nextDouble() * 100) / 100.0);
                }
                dense.append("]");
            }
            sparse.append("]");
            dense.append("]");
        }
        List<byte[]> seeds = List.of(FuzzHarness.utf8(sparse + "]}"), FuzzHarness.utf8(dense + "]}"));
        FuzzHarness h = new FuzzHarness("datasets", Duration.ofSeconds(10), ALLOCATION_BOUND, dir);
        FuzzHarness.Report rep = h.run(json("data.json", seeds, MUTANTS, 11), SequenceDatasetReader::read,
                (loaded, target) -> {
                    SequenceDataset d = (SequenceDataset) loaded;
                    for (float[][] seq : d.sequences()) {
                        for (float[] frame : seq) {
                            assertEquals(d.nVisible(), frame.length);
                            for (float v : frame) {
                                assertTrue(v >= 0 && v <= 1, "value " + v);
                            }
                        }
                    }
                });
        requireClean(rep, MUTANTS);
    }

    @Test
    void projects() throws Exception {
        Path proj = dir.resolve("seed");
        Path wav = proj.resolve("audio/a.wav");
        Files.createDirectories(wav.getParent());
        WavWriter.write(wav, new float[800], 8000, WavWriter.Format.PCM16);
        Path table = proj.resolve("audio/a.csv");
        CsvAnnotations.write(table, List.of(new Annotation(0.01, 0.02, Double.NaN, Double.NaN, "x", Map.of())));
        ProjectRecording rec = ProjectFiles.hashIfUnknown(ProjectRecording.of(wav, 8000, 1), new FileHashes(), null)
                .withAnnotationFiles(List.of(table));
        ProjectFiles.save(proj.resolve("p.echoic.json"), Project.EMPTY.withRecordingAdded(rec));
        List<byte[]> seeds = List.of(Files.readAllBytes(proj.resolve("p.echoic.json")),
                ProjectFilesTest.fixture("1.0"), ProjectFilesTest.fixture("1.1"));
        Map<String, byte[]> beside = new LinkedHashMap<>();
        beside.put("audio/a.wav", Files.readAllBytes(wav));
        beside.put("audio/a.csv", Files.readAllBytes(table));
        List<FuzzHarness.Case> cases = new ArrayList<>();
        for (FuzzHarness.Case c : json("p.echoic.json", seeds, MUTANTS, 12)) {
            Map<String, byte[]> files = new LinkedHashMap<>(beside);
            files.putAll(c.files());
            cases.add(new FuzzHarness.Case(c.label(), files, c.target()));
        }
        FuzzHarness h = new FuzzHarness("projects", Duration.ofSeconds(10), ALLOCATION_BOUND, dir);
        FuzzHarness.Report rep = h.run(cases, f -> ProjectFiles.load(f, new FileHashes(), null), (loaded, target) -> {
            Path folder = target.getParent().toRealPath();
            for (ProjectRecording pr : ((ProjectFiles.Loaded) loaded).project().recordings()) {
                if (Files.exists(pr.path())) {
                    assertTrue(Files.isRegularFile(pr.path()) && pr.path().toRealPath().startsWith(folder),
                            "a recording outside the project was kept: " + pr.path());
                }
            }
        });
        requireClean(rep, MUTANTS);
    }

    @Test
    void generationSidecars() throws Exception {
        GenerationParams p = new GenerationParams(40, 20, 1.0, false, true, 9);
        Path seedFile = dir.resolve("seed.json");
        GenerationSidecar.write(seedFile, new GenerationProvenance("/models/m", "ab", 4, "fp", p, 2, 1, 77,
                "/rec/a.wav", 3, 5, 22050, 32, "1.0", 100, 900, 0),
                new java.util.TreeMap<>(Map.of("wav", "g.wav", "npy", "g.npy")));
        FuzzHarness h = new FuzzHarness("sidecars", Duration.ofSeconds(10), ALLOCATION_BOUND, dir);
        FuzzHarness.Report rep = h.run(json("g.json", List.of(Files.readAllBytes(seedFile)), 200, 13),
                GenerationSidecar::read, (loaded, target) -> {
                    GenerationProvenance g = (GenerationProvenance) loaded;
                    assertTrue(g.index() < g.count() && g.params().frames() <= GenerationSidecar.MAX_FRAMES);
                });
        requireClean(rep, 200);
    }

    @Test
    void annotationTables() throws Exception {
        List<Annotation> ann = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ann.add(new Annotation(i * 0.5, i * 0.5 + 0.2, 1000 + i, 4000 + i, "call " + i, Map.of()));
        }
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (AnnotationFormat f : AnnotationFormat.values()) {
            Path p = dir.resolve(f.fileName("seed"));
            f.write(p, ann, 11025);
            seeds.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        Random rnd = new Random(14);
        List<FuzzHarness.Case> cases = new ArrayList<>();
        List<String> names = new ArrayList<>(seeds.keySet());
        for (int i = 0; i < MUTANTS; i++) {
            String name = names.get(i % names.size());
            byte[] m = FuzzHarness.mutateBytes(seeds.get(name), rnd, seeds.get(name).length);
            cases.add(new FuzzHarness.Case("table mutant " + i, Map.of(name, m), name));
        }
        FuzzHarness h = new FuzzHarness("tables", Duration.ofSeconds(10), ALLOCATION_BOUND, dir);
        requireClean(h.run(cases, AnnotationFormat::readAny, null), MUTANTS);
    }
}
