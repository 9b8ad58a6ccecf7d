package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.io.AnnotationFormat;
import org.echoic.io.Json;
import org.echoic.io.LabellerFiles;
import org.echoic.label.CleanUp;
import org.echoic.label.FeatureSpec;
import org.echoic.label.LabelNetwork;
import org.echoic.label.LabelledClip;
import org.echoic.label.LabellerTrainer;
import org.echoic.label.TrainingParams;
import org.echoic.service.LabelApply;
import org.echoic.service.LabelData;
import org.echoic.service.LabelScore;
import org.echoic.service.LabellerJob;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code echoic annotate train|apply}: a frame labeller that finds and names syllables (TweetyNet's task). */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Learn to label every spectrogram frame from annotated recordings, and apply it.",
        subcommands = {AnnotateCommand.Train.class, AnnotateCommand.Apply.class})
public final class AnnotateCommand implements Runnable {
    /** Frames per training window of the frame labeller (0.5 s at the default 2 ms hop). */
    static final int WINDOW_FRAMES = 256;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code annotate train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a frame labeller on recordings with annotation tables beside them; one JSON line "
                    + "per epoch on stderr, a summary on stdout.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--recordings", required = true, arity = "1..*",
                description = "Audio files or folders; each needs a table beside it (" + SegmentTables.LOOKED_FOR + ").")
        List<Path> recordings;

        @Option(names = "--out", required = true, description = "The model folder to write.")
        Path out;

        @Mixin
        LabelOptions options;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            FeatureSpec features = options.featureSpec();
            TrainingParams params = options.params(WINDOW_FRAMES);
            List<LabelData.Source> sources = LabelData.sources(recordings, msg -> LabelOptions.log(err, msg));
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no recording with an annotation table beside it in " + recordings);
            }
            List<String> classes = LabelData.classes(LabelNetwork.Task.FRAMES, sources);
            List<LabelledClip> clips = LabelData.clips(LabelNetwork.Task.FRAMES, sources, features, classes);
            spec.commandLine().getOut().println(Json.line(run(LabelNetwork.Task.FRAMES, clips, classes, params, out,
                    err)));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * Trains {@code clips} as a job on this thread; the summary of the run. While it trains, {@code System.out} goes
     * to standard error: ND4J 1.0.0-M2.1's SameDiff prints a line for every op it differentiates (the GRU's
     * gradient), which would otherwise end up in the command's JSON on standard output.
     */
    static Map<String, Object> run(LabelNetwork.Task task, List<LabelledClip> clips, List<String> classes,
                                   TrainingParams params, Path out, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        LabellerJob job = new LabellerJob(task, clips, classes, params, out,
                Map.of("appVersion", EchoicCli.appVersion()));
        java.io.PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            job.train(new ConsoleSession(err, job.curves()));
        } finally {
            System.setOut(stdout);
        }
        LabellerTrainer.Result r = job.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", out.toString());
        m.put("network", params.network().cliName());
        m.put("classes", classes);
        m.put("clips", clips.size());
        m.put("frames", clips.stream().mapToLong(c -> c.features().frames()).sum());
        m.put("epochs", r.history().size());
        m.put("bestEpoch", r.bestEpoch() + 1);
        LabellerTrainer.EpochResult best = r.bestEpoch() < 0 ? null : r.history().get(r.bestEpoch());
        m.put("validationLoss", best == null ? null : best.validationLoss());
        m.put("validationAccuracy", best == null || Double.isNaN(best.validationAccuracy()) ? null
                : best.validationAccuracy());
        m.put("trainingSeconds", (System.nanoTime() - start) / 1e9);
        return m;
    }

    /** {@code annotate apply}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Label recordings with a trained frame labeller: one table per recording in --out.")
    static final class Apply implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "The model folder (annotate train --out).")
        Path model;

        @Option(names = "--out", required = true, description = "Folder for the tables.")
        Path out;

        @Option(names = "--format", defaultValue = "csv",
                description = "csv (<name>.csv: onset_s,offset_s,label,confidence), raven or audacity [${DEFAULT-VALUE}].")
        String format;

        @Option(names = "--min-gap-ms", defaultValue = "5",
                description = "Clean-up: close background gaps shorter than this [${DEFAULT-VALUE}].")
        double minGapMs;

        @Option(names = "--min-segment-ms", defaultValue = "20",
                description = "Clean-up: drop segments shorter than this [${DEFAULT-VALUE}].")
        double minSegmentMs;

        @Option(names = "--no-majority", description = "Clean-up: keep label changes inside a segment (no majority vote).")
        boolean noMajority;

        @Option(names = "--raw", description = "No clean-up at all: every run of one label is a segment.")
        boolean raw;

        @Option(names = "--score", description = "Also score against the tables beside the recordings (JSON on stdout).")
        boolean score;

        @Parameters(arity = "1..*", description = "Audio files or folders.")
        List<Path> recordings;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            AnnotationFormat fmt = LabelOptions.format(format);
            LabellerFiles.Loaded loaded = LabellerFiles.load(model);
            if (loaded.labeller().task() != LabelNetwork.Task.FRAMES) {
                throw new IllegalArgumentException(model + ": a segment classifier; use 'echoic classify apply'");
            }
            CleanUp cleanUp = raw ? CleanUp.NONE : new CleanUp(minGapMs, minSegmentMs, !noMajority);
            List<LabelScore> scores = new ArrayList<>();
            PrintWriter stdout = spec.commandLine().getOut();
            for (Path in : recordings) {
                for (Path rec : RecordingService.expand(in)) {
                    LabelApply.Prediction p = LabelApply.frames(loaded.labeller(), rec, cleanUp);
                    Path target = LabelOptions.tablePath(out, rec, fmt);
                    Path beside = SegmentTables.besides(rec).orElse(null);
                    LabelOptions.writeTable(target, beside, p.segments(), fmt, p.grid().sampleRateHz() / 2);
                    LabelOptions.log(spec.commandLine().getErr(), target + ": " + p.segments().size() + " segments");
                    if (score && beside != null) {
                        scores.add(LabelScore.of(p, org.echoic.io.AnnotationFormat.readAny(beside),
                                loaded.labeller().classes()));
                    }
                }
            }
            if (score) {
                stdout.println(Json.line(LabelScore.summary(scores)));
                stdout.flush();
            }
            return 0;
        }
    }
}
