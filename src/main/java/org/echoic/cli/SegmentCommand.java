package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.AudioFiles;
import org.echoic.io.CsvAnnotations;
import org.echoic.io.FileHashes;
import org.echoic.io.ProjectFiles;
import org.echoic.io.SafePaths;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.RecordingProblem;
import org.echoic.io.Json;
import org.echoic.measure.Measurement;
import org.echoic.measure.Measurer;
import org.echoic.segment.Agreement;
import org.echoic.segment.Annotation;
import org.echoic.segment.AutoTune;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;
import org.echoic.segment.SegmentationSuggestion;
import org.echoic.segment.SegmentationResult;
import org.echoic.service.MeasurementTables;
import org.echoic.service.SegmentExports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic segment FILE|DIR…}: envelope-threshold segmentation (SEGMENTATION.md, with Echoic's defaults or the
 * original ones by {@code --preset}) of recordings,
 * written as one table per recording, as CSV on standard output, compared with a reference table, or
 * auto-tuned against it. Bad files are reported one line each and skipped; the exit code is 2 when any
 * file was bad.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Cut recordings into segments by thresholding a smoothed amplitude envelope.")
public final class SegmentCommand implements Callable<Integer> {
    static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "wave", "aif", "aiff", "aifc", "flac", "w64", "rf64");

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Recordings or folders (searched recursively).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--project", paramLabel = "FILE", description = "Segment the recordings of a project file, each "
            + "with its saved parameters (recordings that moved or changed are reported and skipped).")
    Path project;

    @Option(names = "--preset", defaultValue = "default", description = "Starting parameters: 'default' (200 Hz "
            + "high-pass, 10 dB above the noise floor, 10 ms spacing, 10–3000 ms, overlap-free 5 ms buffer) or "
            + "'original' (SEGMENTATION.md: 90th percentile, 2 ms spacing, 15–500 ms); the options below change them.")
    String preset;

    @Option(names = "--window-ms", description = "Envelope window in ms (preset: 4).")
    Double windowMs;

    @Option(names = "--above-noise-db", paramLabel = "DB|none", description = "Threshold this many dB above the noise "
            + "floor (the envelope's 20th percentile); 'none' uses --percentile (preset default: 10).")
    String aboveNoiseDb;

    @Option(names = "--percentile", description = "Threshold percentile of the envelope instead of the noise floor "
            + "(preset original: 90).")
    Double percentile;

    @Option(names = "--threshold-dbfs", description = "Absolute threshold in dBFS instead of the percentile.")
    Double thresholdDbfs;

    @Option(names = "--high-pass-hz", paramLabel = "HZ|none", description = "High-pass before the envelope when no "
            + "--band is given (preset default: 200; original: none).")
    String highPassHz;

    @Option(names = "--min-spacing-ms", description = "Merge runs closer than this (preset default: 10, original: 2).")
    Double minSpacingMs;

    @Option(names = "--min-length-ms", description = "Keep runs strictly longer (preset default: 10, original: 15).")
    Double minLengthMs;

    @Option(names = "--max-length-ms", description = "Keep runs strictly shorter (preset default: 3000, original: 500).")
    Double maxLengthMs;

    @Option(names = "--buffer-ms", description = "Padding on both sides (preset: 5).")
    Double bufferMs;

    @Option(names = "--overlap", negatable = true, description = "Let padded neighbours overlap (preset default: "
            + "--no-overlap, padding stops half-way between them; original: --overlap).")
    Boolean overlap;

    @Option(names = "--channel", defaultValue = "mean", description = "'mean' or a channel number from 1 (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(names = "--band", paramLabel = "LOW:HIGH", description = "Band-pass to LOW:HIGH Hz before the envelope.")
    String band;

    @Option(names = "--format", defaultValue = "raven", description = "Table format for --out DIR: raven, audacity or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", description = "Folder for one table per recording, or '-' for CSV on standard output (the default without --reference/--autotune).")
    String out;

    @Option(names = "--reference", description = "Reference table (Raven, Audacity or CSV) of the one recording: print agreement as JSON.")
    Path reference;

    @Mixin
    MatchOptions matching = new MatchOptions();

    @Option(names = "--autotune", description = "Search the parameters for the best F1 against --reference and print them as JSON.")
    boolean autotune;

    @Option(names = "--export-audio", paramLabel = "DIR", description = "Also write each segment's audio as WAV "
            + "(32-bit float, all channels) into DIR: <name>.seg0001.wav, …")
    Path exportAudio;

    @Option(names = "--export-spectrograms", paramLabel = "DIR", description = "Also write each segment's spectrogram "
            + "as .npy, shape (frequency, time), PSD (STFT from --nperseg/--noverlap/--nfft/--window), into DIR: "
            + "<name>.seg0001.npy, …")
    Path exportSpectrograms;

    @Option(names = "--nperseg", defaultValue = "256", description = "STFT segment of --export-spectrograms "
            + "(default: ${DEFAULT-VALUE}).")
    int nperseg;

    @Option(names = "--noverlap", description = "STFT overlap of --export-spectrograms (default: nperseg / 2).")
    Integer noverlap;

    @Option(names = "--nfft", description = "FFT length of --export-spectrograms (default: nperseg).")
    Integer nfft;

    @Option(names = "--window", defaultValue = "hann", description = "Window of --export-spectrograms: hann, hamming, "
            + "blackman, boxcar or tukey:ALPHA (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--suggest", description = "First suggest each recording's band (where its loud moments stand "
            + "out from the noise) and maximum length (1.5 x its longest call), printed on standard error; --band and "
            + "--max-length-ms, when given, win.")
    boolean suggest;
    @Option(names = "--measure", description = "Add Raven's measurements (as 'echoic measure' computes them, STFT from "
            + "--nperseg/--noverlap/--nfft/--window) to the segments' tables.")
    boolean measure;

    @Option(names = "--progress", description = "Show a progress bar on standard error even when it is not a terminal.")
    boolean progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SegmentationParams params() {
        int ch = ChannelOption.parse(channel);
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (band != null) {
            String[] parts = band.split(":");
            try {
                lo = Double.parseDouble(parts[0]);
                hi = Double.parseDouble(parts[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--band must be LOW:HIGH in Hz, e.g. 2000:8000: " + band);
            }
        }
        SegmentationParams p = switch (preset.toLowerCase(Locale.ROOT)) {
            case "default" -> SegmentationParams.DEFAULTS;
            case "original" -> SegmentationParams.ORIGINAL;
            default -> throw new IllegalArgumentException("--preset must be 'default' or 'original': " + preset);
        };
        p = p.withChannel(ch).withBand(lo, hi);
        if (windowMs != null) {
            p = p.withWindowMs(windowMs);
        }
        if (percentile != null) {
            p = p.withPercentile(percentile);
        }
        if (aboveNoiseDb != null) {
            p = p.withAboveNoiseDb(noneOr("--above-noise-db", aboveNoiseDb));
        }
        if (thresholdDbfs != null) {
            p = p.withThresholdDbfs(thresholdDbfs);
        }
        if (highPassHz != null) {
            p = p.withHighPassHz(noneOr("--high-pass-hz", highPassHz));
        }
        if (minSpacingMs != null) {
            p = p.withMinSpacingMs(minSpacingMs);
        }
        if (minLengthMs != null) {
            p = p.withMinLengthMs(minLengthMs);
        }
        if (maxLengthMs != null) {
            p = p.withMaxLengthMs(maxLengthMs);
        }
        if (bufferMs != null) {
            p = p.withBufferMs(bufferMs);
        }
        if (overlap != null) {
            p = p.withOverlapFree(!overlap);
        }
        return p;
    }

    /** A number, or NaN for {@code none}. */
    private static double noneOr(String option, String value) {
        if (value.equalsIgnoreCase("none")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number or 'none': " + value);
        }
    }

    /** Parameter options that --project replaces by each recording's saved parameters. */
    private static final List<String> PARAM_OPTIONS = List.of("--preset", "--window-ms", "--percentile",
            "--threshold-dbfs", "--above-noise-db", "--high-pass-hz", "--overlap", "--no-overlap",
            "--min-spacing-ms", "--min-length-ms", "--max-length-ms", "--buffer-ms", "--channel", "--band");

    @Override
    public Integer call() throws Exception {
        SegmentationParams params = params();
        List<SegmentationParams> perFile = new ArrayList<>();
        AnnotationFormat fmt;
        try {
            fmt = AnnotationFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be raven, audacity or csv: " + format);
        }
        if (autotune && reference == null) {
            throw new IllegalArgumentException("--autotune needs --reference");
        }
        Agreement.Criterion criterion = matching.criterion();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path[]> files = new ArrayList<>();
        boolean bad = project == null ? collect(files, err) : collectProject(files, perFile, err);
        if (reference != null && files.size() != 1) {
            throw new IllegalArgumentException("--reference needs exactly one recording, got " + files.size());
        }
        boolean toStdout = out == null ? reference == null : out.equals("-");
        boolean bar = files.size() > 1 && (progress || System.console() != null);
        List<Annotation> all = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "segment-envelope");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i)[0];
                if (bar) {
                    err.printf("\r[%-30s] %d/%d %s", "#".repeat(30 * i / files.size()), i, files.size(),
                            file.getFileName());
                    err.flush();
                }
                if (project != null) {
                    params = perFile.get(i);
                }
                try (Recording rec = AudioFiles.open(file); SegmentationModel model = new SegmentationModel(rec)) {
                    if (params.channel() >= rec.channels()) {
                        throw new IllegalArgumentException(file + ": --channel " + (params.channel() + 1)
                                + " does not exist (the recording has " + rec.channels() + ")");
                    }
                    SegmentationParams used = suggest ? suggested(rec, params, pool, err) : params;
                    SegmentationResult result = model.segments(used, pool, null);
                    List<Annotation> ann = new ArrayList<>();
                    for (Segment s : result.segments()) {
                        ann.add(Annotation.of(s, rec.sampleRateHz()));
                    }
                    if (measure) {
                        ann = new ArrayList<>(MeasurementTables.annotations(Measurer.measureAll(rec, params.channel(),
                                ann, stft(), null, null), Measurement.defaults(false)));
                    }
                    if (reference != null) {
                        report(stdout, err, model, rec, used, ann, pool, criterion);
                    }
                    if (toStdout) {
                        for (Annotation a : ann) {
                            Map<String, String> attrs = new java.util.LinkedHashMap<>(a.attributes());
                            attrs.put("recording", file.toString());
                            all.add(new Annotation(a.startSeconds(), a.endSeconds(), a.lowHz(), a.highHz(), a.label(),
                                    attrs));
                        }
                    } else if (out != null) {
                        Path target = project != null
                                ? SafePaths.resolveInside(Path.of(out), fmt.fileName(baseName(file)))
                                : Path.of(out).resolve(files.get(i)[1].toString())
                                        .resolveSibling(fmt.fileName(baseName(file)));
                        fmt.write(target, ann, rec.sampleRateHz() / 2);
                    }
                    exportEach(err, rec, used, result, files.get(i)[1]);
                } catch (IOException | IllegalArgumentException e) {
                    if (bar) {
                        err.println();
                    }
                    err.println("echoic: " + EchoicCli.describe(e));
                    bad = true;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (bar) {
            err.printf("\r[%s] %d/%d%n", "#".repeat(30), files.size(), files.size());
        }
        if (toStdout) {
            CsvAnnotations.write(stdout, all);
        }
        stdout.flush();
        err.flush();
        return bad ? EchoicCli.EXIT_BAD_INPUT : 0;
    }

    /** {@code p} with the band and maximum length suggested for {@code rec} (the options given win). */
    private SegmentationParams suggested(Recording rec, SegmentationParams p, ExecutorService pool, PrintWriter err)
            throws IOException, InterruptedException {
        SegmentationSuggestion.Suggestion s = SegmentationSuggestion.suggest(rec, p, pool);
        SegmentationParams q = band != null ? s.params().withBand(p.bandLowHz(), p.bandHighHz()) : s.params();
        q = maxLengthMs != null ? q.withMaxLengthMs(p.maxLengthMs()) : q;
        err.println("echoic: " + rec.path().getFileName() + ": suggested " + s.why());
        return q;
    }

    /** Writes each segment's audio and/or spectrogram (the options given) beside the recording's relative path. */
    private void exportEach(PrintWriter err, Recording rec, SegmentationParams params, SegmentationResult result,
                            Path relative) throws IOException, InterruptedException {
        String base = baseName(rec.path());
        if (exportAudio != null) {
            Path dir = exportAudio.resolve(relative.toString()).getParent();
            SegmentExports.writeAudio(dir, base, rec, result.segments()).skipped()
                    .forEach(s -> err.println("echoic: skipped " + s));
        }
        if (exportSpectrograms != null) {
            Path dir = exportSpectrograms.resolve(relative.toString()).getParent();
            SegmentExports.writeSpectrograms(dir, base, rec, params.channel(), result.segments(), stft())
                    .skipped().forEach(s -> err.println("echoic: skipped " + s));
        }
    }

    private StftParams stft() {
        return new StftParams(nperseg, noverlap == null ? nperseg / 2 : noverlap, nfft == null ? nperseg : nfft,
                org.echoic.dsp.WindowFunction.parse(window), StftParams.Detrend.NONE, StftParams.Scaling.DENSITY,
                StftParams.Mode.PSD);
    }

    private void report(PrintWriter stdout, PrintWriter err, SegmentationModel model, Recording rec,
                        SegmentationParams params, List<Annotation> detected, ExecutorService pool,
                        Agreement.Criterion criterion)
            throws IOException, InterruptedException {
        List<Annotation> refs = AnnotationFormat.readAny(reference);
        long beyond = refs.stream().filter(a -> a.startSeconds() >= rec.durationSeconds()).count();
        if (beyond > 0) {
            // e.g. the table of a whole 5-minute recording against a 10-second excerpt of it
            err.printf(Locale.ROOT, "echoic: warning: %s: %d of %d references start at or after the end of %s "
                    + "(%.3f s); they count as missed%n", reference, beyond, refs.size(), rec.path(),
                    rec.durationSeconds());
            err.flush();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recording", rec.path().toString());
        json.put("reference", reference.toString());
        if (autotune) {
            AutoTune.Result r = AutoTune.search(List.of(new AutoTune.Target(model, refs)), params, criterion, pool,
                    null);
            json.put("f1", r.bestF1());
            json.put("currentF1", r.startF1());
            json.put("evaluations", r.evaluations());
            json.put("best", paramsJson(r.best()));
        } else {
            Agreement.Result a = Agreement.compare(refs, detected, criterion);
            json.put("references", a.references());
            json.put("detections", a.detections());
            json.put("matches", a.matches());
            json.put("precision", a.precision());
            json.put("recall", a.recall());
            json.put("f1", a.f1());
            json.put("meanOnsetErrorSeconds", Double.isNaN(a.meanOnsetErrorSeconds()) ? null : a.meanOnsetErrorSeconds());
            json.put("meanOffsetErrorSeconds", Double.isNaN(a.meanOffsetErrorSeconds()) ? null : a.meanOffsetErrorSeconds());
        }
        json.put("match", matching.match);
        if (criterion.kind() == Agreement.Kind.OVERLAP) {
            json.put("minIoU", criterion.value());
        } else {
            json.put("toleranceSeconds", criterion.value());
        }
        stdout.println(Json.line(json));
    }

    static Map<String, Object> paramsJson(SegmentationParams p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windowMs", p.windowMs());
        if (p.usesAbsoluteThreshold()) {
            m.put("thresholdDbfs", p.thresholdDbfs());
        } else if (p.usesNoiseThreshold()) {
            m.put("aboveNoiseDb", p.aboveNoiseDb());
        } else {
            m.put("percentile", p.thresholdPercentile());
        }
        m.put("minSpacingMs", p.minSpacingMs());
        m.put("minLengthMs", p.minLengthMs());
        m.put("maxLengthMs", p.maxLengthMs());
        m.put("bufferMs", p.bufferMs());
        m.put("channel", p.channel() < 0 ? "mean" : String.valueOf(p.channel() + 1));
        if (p.hasBand()) {
            m.put("band", p.bandLowHz() + ":" + p.bandHighHz());
        } else if (p.hasHighPass()) {
            m.put("highPassHz", p.highPassHz());
        }
        m.put("overlapFree", p.overlapFree());
        return m;
    }

    /** The recordings of --project and their saved parameters; reports moved or changed recordings. */
    private boolean collectProject(List<Path[]> files, List<SegmentationParams> params, PrintWriter err)
            throws IOException, InterruptedException {
        if (!inputs.isEmpty()) {
            throw new IllegalArgumentException("--project takes the recordings from the project: do not name files too");
        }
        for (String option : PARAM_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new IllegalArgumentException("--project uses each recording's saved parameters: do not give "
                        + option);
            }
        }
        Project p = ProjectInput.read(project, err::println);
        List<RecordingProblem> problems = ProjectFiles.verify(p, new FileHashes(), null);
        for (RecordingProblem problem : problems) {
            err.println("echoic: " + problem.message());
        }
        for (int i = 0; i < p.recordings().size(); i++) {
            int index = i;
            if (problems.stream().noneMatch(x -> x.index() == index)) {
                ProjectRecording r = p.recordings().get(i);
                files.add(new Path[] {r.path(), r.path().getFileName()});
                params.add(r.segmentation());
            }
        }
        return !problems.isEmpty();
    }

    /** Audio files to process: {file, path relative to the output folder}; reports missing inputs. */
    private boolean collect(List<Path[]> files, PrintWriter err) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("name recordings or folders to segment, or a project with --project");
        }
        boolean bad = false;
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(Files::isRegularFile).filter(p -> AUDIO_EXTENSIONS.contains(extension(p))).sorted()
                            .forEach(p -> files.add(new Path[] {p, in.relativize(p)}));
                }
            } else if (Files.exists(in)) {
                files.add(new Path[] {in, in.getFileName()});
            } else {
                err.println("echoic: " + in + ": does not exist");
                bad = true;
            }
        }
        return bad;
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
