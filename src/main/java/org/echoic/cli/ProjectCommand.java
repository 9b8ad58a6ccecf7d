package org.echoic.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.echoic.io.FileHashes;
import org.echoic.io.Json;
import org.echoic.io.ProjectFiles;
import org.echoic.project.Project;
import org.echoic.segment.SegmentationFingerprint;
import org.echoic.service.RunReproduction;
import org.echoic.service.SegmentationReproduction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code echoic project …}: commands on project files ({@code *.echoic.json}). */
@Command(name = "project", mixinStandardHelpOptions = true, description = "Check project files.",
        subcommands = {ProjectCommand.Check.class})
public final class ProjectCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code echoic project check FILE}: prints one JSON object: each recording's file status (ok, missing, changed,
     * unreadable) and whether its recorded segmentation fingerprint was reproduced. Exit 2 when anything does not
     * match.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Verify a project's recordings (size, SHA-256) and re-run their segmentation against the "
                    + "recorded fingerprints (with --runs/--retrain also its training runs); prints JSON, exit 2 on "
                    + "any mismatch.")
    public static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The project file (*.echoic.json).")
        Path file;

        @CommandLine.Option(names = "--runs", description = "Also rebuild each training run's corpus and compare "
                + "its data fingerprint.")
        boolean runs;

        @CommandLine.Option(names = "--retrain", description = "Also re-train each run from scratch for its "
                + "recorded epochs and compare the weights (implies --runs; as slow as the training was).")
        boolean retrain;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Project project = ProjectInput.read(file, spec.commandLine().getErr()::println);
            ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "project-check");
                t.setDaemon(true);
                return t;
            });
            List<SegmentationReproduction.Check> checks;
            try {
                checks = SegmentationReproduction.check(project, new FileHashes(), pool, null);
            } finally {
                pool.shutdownNow();
            }
            List<Map<String, Object>> recs = new ArrayList<>();
            boolean ok = true;
            for (SegmentationReproduction.Check c : checks) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", c.recording().path().toString());
                m.put("status", c.status().name().toLowerCase(Locale.ROOT));
                if (c.message() != null) {
                    m.put("message", c.message());
                }
                Map<String, Object> seg = new LinkedHashMap<>();
                seg.put("recorded", fingerprintJson(c.recorded()));
                seg.put("reproduced", fingerprintJson(c.reproduced()));
                seg.put("match", c.recorded() == null ? null : c.reproducedExactly());
                m.put("segmentation", seg);
                recs.add(m);
                ok &= c.ok();
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("project", file.toString());
            List<Map<String, Object>> runList = new ArrayList<>();
            if (runs || retrain) {
                Path scratch = java.nio.file.Files.createTempDirectory("echoic-reproduce");
                try {
                    for (org.echoic.project.TrainingRunEntry r : project.trainingRunEntries()) {
                        RunReproduction.Check c = RunReproduction.check(project, r, scratch, retrain,
                                EchoicCli.appVersion(), () -> false);
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("run", r.name());
                        m.put("folder", r.folder().toString());
                        m.put("data", Map.of("recorded", String.valueOf(c.recordedData()),
                                "reproduced", String.valueOf(c.reproducedData()), "match", c.dataReproduced()));
                        if (retrain) {
                            m.put("weights", Map.of("recorded", String.valueOf(c.recordedParams()),
                                    "reproduced", String.valueOf(c.reproducedParams()), "match",
                                    c.weightsReproduced()));
                        }
                        if (c.message() != null && !(c.message().equals("weights not re-trained"))) {
                            m.put("message", c.message());
                        }
                        ok &= c.dataReproduced() && (!retrain || c.weightsReproduced());
                        runList.add(m);
                    }
                } finally {
                    java.nio.file.Files.deleteIfExists(scratch);
                }
            }
            json.put("ok", ok);
            json.put("recordings", recs);
            if (runs || retrain) {
                json.put("trainingRuns", runList);
            }
            spec.commandLine().getOut().println(Json.line(json));
            spec.commandLine().getOut().flush();
            return ok ? 0 : EchoicCli.EXIT_BAD_INPUT;
        }

        private static Map<String, Object> fingerprintJson(SegmentationFingerprint f) {
            if (f == null) {
                return null;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segments", f.segmentCount());
            m.put("sha256", f.boundariesSha256());
            return m;
        }
    }
}
