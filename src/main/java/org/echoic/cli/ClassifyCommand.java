package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.io.AnnotationFormat;
import org.echoic.io.Json;
import org.echoic.io.LabellerFiles;
import org.echoic.label.FrameLabels;
import org.echoic.label.LabelNetwork;
import org.echoic.label.LabelledClip;
import org.echoic.service.LabelApply;
import org.echoic.service.LabelData;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentTables;
import org.echoic.segment.Annotation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code echoic classify train|apply}: one label per given segment (seed 003's classifier of utterances). */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Learn to label given segments from annotated recordings, and apply it to their tables.",
        subcommands = {ClassifyCommand.Train.class, ClassifyCommand.Apply.class})
public final class ClassifyCommand implements Runnable {
    /** Frames per segment window (192 ms at the default 2 ms hop; longer segments are cropped to their middle). */
    static final int WINDOW_FRAMES = 96;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code classify train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a segment classifier on the labelled rows of the tables beside the recordings.")
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
            List<LabelData.Source> sources = LabelData.sources(recordings, msg -> LabelOptions.log(err, msg));
            List<String> classes = LabelData.classes(LabelNetwork.Task.SEGMENTS, sources);
            List<LabelledClip> clips = LabelData.clips(LabelNetwork.Task.SEGMENTS, sources, options.featureSpec(),
                    classes);
            Map<String, Object> m = AnnotateCommand.run(LabelNetwork.Task.SEGMENTS, clips, classes,
                    options.params(WINDOW_FRAMES), out, err);
            spec.commandLine().getOut().println(Json.line(m));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code classify apply}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Fill label and confidence of the segments in the tables beside the recordings.")
    static final class Apply implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "The model folder (classify train --out).")
        Path model;

        @Option(names = "--out", required = true, description = "Folder for the tables.")
        Path out;

        @Option(names = "--format", defaultValue = "csv", description = "csv, raven or audacity [${DEFAULT-VALUE}].")
        String format;

        @Option(names = "--score", description = "Also print the accuracy against the tables' own labels (JSON).")
        boolean score;

        @Parameters(arity = "1..*", description = "Audio files or folders with tables beside them.")
        List<Path> recordings;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            AnnotationFormat fmt = LabelOptions.format(format);
            LabellerFiles.Loaded loaded = LabellerFiles.load(model);
            if (loaded.labeller().task() != LabelNetwork.Task.SEGMENTS) {
                throw new IllegalArgumentException(model + ": a frame labeller; use 'echoic annotate apply'");
            }
            PrintWriter err = spec.commandLine().getErr();
            long right = 0;
            long total = 0;
            for (Path in : recordings) {
                for (Path rec : RecordingService.expand(in)) {
                    Path table = SegmentTables.besides(rec).orElse(null);
                    if (table == null) {
                        LabelOptions.log(err, rec + ": no table beside it (" + SegmentTables.LOOKED_FOR + "); skipped");
                        continue;
                    }
                    List<Annotation> rows = AnnotationFormat.readAny(table);
                    List<Annotation> labelled = LabelApply.classify(loaded.labeller(), rec, rows);
                    for (int i = 0; i < rows.size(); i++) {
                        total++;
                        right += FrameLabels.className(rows.get(i)).equals(labelled.get(i).label()) ? 1 : 0;
                    }
                    Path target = LabelOptions.tablePath(out, rec, fmt);
                    LabelOptions.writeTable(target, table, labelled, fmt, loaded.labeller().sampleRateHz() / 2);
                    LabelOptions.log(err, target + ": " + labelled.size() + " segments labelled");
                }
            }
            if (score) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("segments", total);
                m.put("accuracy", total == 0 ? null : right / (double) total);
                spec.commandLine().getOut().println(Json.line(m));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
