package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.generate.FreeEnergies;
import org.echoic.generate.GenerationParams;
import org.echoic.generate.GenerationProvenance;
import org.echoic.generate.Realism;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.FramesWriter;
import org.echoic.io.GenerationSidecar;
import org.echoic.io.Json;
import org.echoic.io.WavWriter;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.GeneratedItem;
import org.echoic.service.GenerationExporter;
import org.echoic.service.GenerationPipeline;
import org.echoic.service.GenerationReplay;
import org.echoic.service.GenerationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic generate}: sequences from a trained model. {@code --out X.npy|X.json} writes the frames of one
 * sequence (as before); any other {@code --out} is a folder that receives, per sequence, the files of the
 * workbench's export (WAV, .npy, CSV, PNG, Raven table, JSON sidecar).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate sequences from a trained model (zero or primed recurrent state) and export them.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Checkpoint folder (default with --replay: the one it names).")
    Path model;
    @Option(names = "--project", paramLabel = "FILE", description = "A project: take the model from one of its "
            + "training runs (--run) and record the exported folder as a generated item.")
    Path project;
    @Option(names = "--run", description = "With --project: the training run (default: the only one).")
    String runName;
    @Option(names = "--replay", description = "A sidecar (.json) of an exported sequence: generate that sequence "
            + "again with the parameters it records.")
    Path replay;
    @Option(names = "--frames", description = "Frames to generate per sequence.")
    Integer frames;
    @Option(names = "--seconds", description = "Seconds to generate per sequence (audio models).")
    Double seconds;
    @Option(names = "--count", description = "Sequences to generate (default ${DEFAULT-VALUE}).")
    int count = 1;
    @Option(names = "--seed", description = "Seed of the batch; sequence i uses seed + i (default ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--temperature", description = "Divides every pre-activation (default ${DEFAULT-VALUE}).")
    double temperature = 1.0;
    @Option(names = {"--k", "--gibbs-steps"}, description = "Gibbs steps per frame (default ${DEFAULT-VALUE}).")
    int k = GenerateDefaults.GIBBS_STEPS;
    @Option(names = "--sample", description = "Output Bernoulli samples instead of mean-field values.")
    boolean sample;
    @Option(names = "--chain-start", description = "Where each frame's Gibbs chain starts: previous (the previous "
            + "frame; the default, it keeps syllables and silences whole) or zeros.")
    String chainStart = GenerationParams.DEFAULT_FROM_PREVIOUS ? "previous" : "zeros";
    @Option(names = "--prime", description = "Recording (audio) or data set (JSON) whose segment primes the state.")
    Path prime;
    @Option(names = {"--prime-segment", "--prime-sequence"},
            description = "Index of the priming segment or sequence (default ${DEFAULT-VALUE}).")
    int primeSegment = 0;
    @Option(names = "--prime-frames", description = "Priming frames (default: the whole segment).")
    int primeFrames = Integer.MAX_VALUE;
    @Option(names = "--compare", arity = "1..*", paramLabel = "FILE|DIR", description = "Recordings (or folders of "
            + "them) whose segments (from the table beside each, else the segmenter), joined into bouts as the "
            + "model's corpus was, the batch is compared with (realism, with figures realism-*.png in the folder).")
    List<Path> compare;
    @Option(names = "--rate", description = "Audio rate in Hz when model.json stores none (default 44100).")
    double rateHz = Double.NaN;
    @Option(names = "--iterations", description = "Griffin-Lim iterations (default ${DEFAULT-VALUE}).")
    int iterations = org.echoic.generate.Resynthesis.DEFAULT_ITERATIONS;
    @Option(names = "--wav-format", description = "pcm16 or float32 (default ${DEFAULT-VALUE}).")
    String wavFormat = "pcm16";
    @Option(names = "--out", required = true, description = "Output folder, or one .json/.npy file of frames.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        GenerationProvenance replayed = replay == null ? null : GenerationSidecar.read(replay);
        if (replayed != null) {
            model = model != null ? model : GenerationReplay.modelDir(replayed);
            rateHz = Double.isNaN(replayed.sampleRateHz()) ? rateHz : replayed.sampleRateHz();
        }
        org.echoic.project.TrainingRunEntry run = null;
        if (project != null) {
            if (model != null) {
                throw new IllegalArgumentException("give --model or --project, not both");
            }
            run = run(ProjectInput.read(project, System.err::println));
            model = run.folder();
        }
        if (model == null) {
            throw new IllegalArgumentException("give --model (or --replay with a sidecar)");
        }
        ComputeBackend.configureForTraining();
        CheckpointFolder.Loaded l = CheckpointFolder.load(model);
        try (RnnRbm m = l.model(); var opt = l.optimizer()) {
            GenerationPipeline.ModelInfo info = GenerationPipeline.describe(l, rateHz, EchoicCli.appVersion());
            GenerationRequest req;
            if (replayed != null) {
                req = GenerationReplay.request(replayed, info, iterations);
                count = 1;
                seed = req.params().seed();
            } else {
                if (!chainStart.equals("zeros") && !chainStart.equals("previous")) {
                    throw new IllegalArgumentException("--chain-start must be previous or zeros, got " + chainStart);
                }
                GenerationParams params = new GenerationParams(frameCount(info), k, temperature, sample,
                        chainStart.equals("previous"),
                        seed);
                req = new GenerationRequest(params, count,
                        prime == null ? null : GenerationReplay.primer(prime, primeSegment, primeFrames, info), iterations);
            }
            int n = req.params().frames();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("frames", n);
            report.put("nVisible", m.config().nVisible());
            report.put("count", count);
            report.put("out", out.toString());
            report.put("backend", ComputeBackend.describe());
            if (replayed != null) {
                report.put("sameModel", GenerationReplay.sameModel(replayed, info));
            }
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!Files.isDirectory(out) && (name.endsWith(".npy") || name.endsWith(".json"))) {
                if (count != 1) {
                    throw new IllegalArgumentException("--out " + out + " holds one sequence; use a folder for --count "
                            + count);
                }
                float[][] result = GenerationPipeline.generatedPart(GenerationPipeline.frames(m, req, null).get(0));
                FramesWriter.write(out, result);
                System.out.println(Json.line(report));
                return 0;
            }
            List<GeneratedItem> items = GenerationPipeline.finish(GenerationPipeline.frames(m, req, null), info, req,
                    SegmentationParams.ORIGINAL, null);
            List<String> files = new ArrayList<>();
            GenerationExporter.exportAll(out, items, new GenerationExporter.Options(wav(), org.echoic.dsp.ColorMap.VIRIDIS))
                    .forEach(p -> files.add(p.getFileName().toString()));
            report.put("audio", info.sound().hasAudio());
            if (info.sound().hasAudio()) {
                report.put("sampleRateHz", info.sound().sampleRateHz());
                report.put("secondsPerSequence", items.get(0).audio().durationSeconds());
            } else {
                report.put("noAudio", info.sound().unavailable());
            }
            report.put("files", files);
            if (run != null) {
                var latest = org.echoic.io.ProjectFiles.read(project, ProjectInput.folders()).project();
                String itemName = out.toAbsolutePath().normalize().getFileName().toString();
                org.echoic.io.ProjectFiles.save(project, latest.withGenerated(
                        new org.echoic.project.GeneratedEntry(itemName, run.name(), out, seed)));
                report.put("project", project.toString());
            }
            if (compare != null) {
                report.put("realism", realism(m, info, items));
            }
            System.out.println(Json.line(report));
            return 0;
        }
    }

    private org.echoic.project.TrainingRunEntry run(org.echoic.project.Project p) {
        try {
            return org.echoic.project.Project.named(p.trainingRunEntries(), org.echoic.project.TrainingRunEntry::name,
                    runName, "training run");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(project + ": " + e.getMessage(), e);
        }
    }

    private int frameCount(GenerationPipeline.ModelInfo info) {
        if ((frames == null) == (seconds == null)) {
            throw new IllegalArgumentException("give exactly one of --frames and --seconds");
        }
        if (frames != null) {
            return frames;
        }
        if (!info.sound().hasAudio()) {
            throw new IllegalArgumentException(model + ": --seconds needs audio settings: " + info.sound().unavailable());
        }
        return info.sound().framesFor(seconds);
    }

    private WavWriter.Format wav() {
        return switch (wavFormat.toLowerCase(Locale.ROOT)) {
            case "pcm16", "16" -> WavWriter.Format.PCM16;
            case "float32", "float" -> WavWriter.Format.FLOAT32;
            default -> throw new IllegalArgumentException("--wav-format must be pcm16 or float32: " + wavFormat);
        };
    }

    private Map<String, Object> realism(RnnRbm m, GenerationPipeline.ModelInfo info, List<GeneratedItem> items)
            throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (Path p : compare) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(p + ": does not exist");
            }
            files.addAll(org.echoic.service.RecordingService.expand(p));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(compare + ": no audio files found");
        }
        List<Recording> open = new ArrayList<>();
        try {
            for (Path f : files) {
                open.add(AudioFiles.open(f));
            }
            Corpus c = org.echoic.service.RealismFigures.realCorpus(files, open, info, SegmentationParams.ORIGINAL,
                    true);
            double[] genFree = FreeEnergies.of(m, items.stream()
                    .map(i -> GenerationPipeline.generatedPart(i.sequence())).toList());
            double[] realFree = FreeEnergies.of(m, GenerationPipeline.realSequences(c));
            Realism r = GenerationPipeline.realism(items, c, info, genFree, realFree);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("realSegments", GenerationPipeline.realSequences(c).size());
            o.put("meanSpectrumRms", r.meanSpectrumRms());
            o.put("frameEnergy", comparison(r.energy()));
            o.put("spectralCentroidHz", comparison(r.centroidHz()));
            o.put("segmentDurationSeconds", comparison(r.durationSeconds()));
            o.put("freeEnergy", comparison(r.freeEnergy()));
            o.put("syllableDurationSeconds", comparison(r.syllableSeconds()));
            o.put("gapSeconds", comparison(r.gapSeconds()));
            o.put("syllableRatePerSecond", comparison(r.ratePerSecond()));
            o.put("joinGapMs", 1000 * info.joinGapSeconds());
            if (Files.isDirectory(out)) {
                o.put("figures", org.echoic.service.RealismFigures.write(out, r).stream()
                        .map(p -> p.getFileName().toString()).toList());
            }
            return o;
        } finally {
            for (Recording r : open) {
                r.close();
            }
        }
    }

    private static Map<String, Object> comparison(Realism.Comparison c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("generatedMean", finite(c.generatedMean()));
        o.put("realMean", finite(c.realMean()));
        o.put("generatedN", c.generated().length);
        o.put("realN", c.real().length);
        o.put("ks", finite(c.ks()));
        o.put("pValue", finite(c.pValue()));
        return o;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
