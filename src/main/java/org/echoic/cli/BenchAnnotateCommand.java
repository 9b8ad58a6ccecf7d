package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.echoic.audio.Recording;
import org.echoic.dsp.synth.FinchSongSynthesiser;
import org.echoic.dsp.synth.SynthesisedAudio;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.AudioFiles;
import org.echoic.io.Json;
import org.echoic.io.LabellerFiles;
import org.echoic.io.WavWriter;
import org.echoic.label.CleanUp;
import org.echoic.label.LabelNetwork;
import org.echoic.label.LabelledClip;
import org.echoic.label.TrainingParams;
import org.echoic.segment.Agreement;
import org.echoic.segment.Annotation;
import org.echoic.segment.AutoTune;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.LabelApply;
import org.echoic.service.LabelData;
import org.echoic.service.LabelScore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code echoic bench annotate}: the held-out check on synthetic finch song with known syllables. Writes
 * {@code --train} and {@code --test} songs of one bird, trains each network of {@code --networks} on the training
 * songs (the annotate defaults otherwise) and scores it on the test songs (frame error, syllable error rate raw and
 * cleaned, onset/offset F1 at ±10 / ±20 ms, training time), and scores the threshold segmenter on the same test songs
 * with its defaults and with parameters auto-tuned on five training songs. One JSON object on stdout.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Train and score the frame labellers against the threshold segmenter on synthetic finch song.")
public final class BenchAnnotateCommand implements Callable<Integer> {
    @Option(names = "--train", defaultValue = "30", description = "Training songs [${DEFAULT-VALUE}].")
    int trainSongs;

    @Option(names = "--test", defaultValue = "35", description = "Test songs [${DEFAULT-VALUE}].")
    int testSongs;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds per song file [${DEFAULT-VALUE}].")
    double seconds;

    @Option(names = "--networks", defaultValue = "bilstm", split = ",",
            description = "Networks to train, comma-separated [${DEFAULT-VALUE}].")
    List<String> networks;

    @Option(names = "--dir", description = "Where the songs and models go (default: a temporary folder).")
    Path dir;

    @Mixin
    LabelOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Path root = dir != null ? dir : Files.createTempDirectory("echoic-bench-annotate");
        List<Path> train = write(root.resolve("train"), trainSongs, 1);
        List<Path> test = write(root.resolve("test"), testSongs, 10_001);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("trainSongs", trainSongs);
        json.put("testSongs", testSongs);
        json.put("trainSeconds", trainSongs * seconds);
        json.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        json.put("processors", Runtime.getRuntime().availableProcessors());
        List<LabelData.Source> sources = LabelData.sources(List.of(root.resolve("train")), m -> { });
        List<String> classes = LabelData.classes(sources);
        List<LabelledClip> clips = new ArrayList<>();
        for (LabelData.Source s : sources) {
            clips.add(LabelData.frameClip(s, options.featureSpec(), classes));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (String name : networks) {
            TrainingParams p = options.params(AnnotateCommand.WINDOW_FRAMES).withNetwork(LabelNetwork.parse(name));
            Path model = root.resolve("model-" + name);
            Map<String, Object> r = new LinkedHashMap<>(AnnotateCommand.run(LabelNetwork.Task.FRAMES, clips, classes, p,
                    model, err));
            LabellerFiles.Loaded loaded = LabellerFiles.load(model);
            List<LabelScore> scores = new ArrayList<>();
            for (Path wav : test) {
                LabelApply.Prediction pred = LabelApply.frames(loaded.labeller(), wav, CleanUp.DEFAULT);
                scores.add(LabelScore.of(pred, AnnotationFormat.readAny(SynthCommand.truthPath(wav)),
                        loaded.labeller().classes()));
            }
            r.putAll(LabelScore.summary(scores));
            results.put(name, r);
            LabelOptions.log(err, Json.line(Map.of(name, r)));
        }
        json.put("networks", results);
        json.put("thresholdSegmenter", threshold(train.subList(0, Math.min(5, train.size())), test));
        json.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        spec.commandLine().getOut().println(Json.line(json));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private List<Path> write(Path folder, int count, long firstSeed) throws IOException {
        Files.createDirectories(folder);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path wav = folder.resolve(String.format(java.util.Locale.ROOT, "song-%03d.wav", i + 1));
            SynthesisedAudio a = FinchSongSynthesiser.synthesise(seconds, 1, firstSeed + i);
            WavWriter.write(wav, a.samples(), a.sampleRateHz(), WavWriter.Format.PCM16);
            SynthCommand.writeTruth(SynthCommand.truthPath(wav), a);
            out.add(wav);
        }
        return out;
    }

    /** F1 of the threshold segmenter on {@code test}: defaults, and parameters auto-tuned (±20 ms) on {@code tune}. */
    private static Map<String, Object> threshold(List<Path> tune, List<Path> test) throws IOException,
            InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-segment");
            t.setDaemon(true);
            return t;
        });
        List<Recording> open = new ArrayList<>();
        List<SegmentationModel> models = new ArrayList<>();
        try {
            List<AutoTune.Target> targets = new ArrayList<>();
            for (Path wav : tune) {
                Recording rec = AudioFiles.open(wav);
                open.add(rec);
                SegmentationModel m = new SegmentationModel(rec);
                models.add(m);
                targets.add(new AutoTune.Target(m, AnnotationFormat.readAny(SynthCommand.truthPath(wav))));
            }
            AutoTune.Result tuned = AutoTune.search(targets, SegmentationParams.DEFAULTS, 0.020, pool, null);
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : Map.of("defaults", SegmentationParams.DEFAULTS, "tunedOnFiveTrainingSongs", tuned.best())
                    .entrySet()) {
                List<Agreement.Result> at10 = new ArrayList<>();
                List<Agreement.Result> at20 = new ArrayList<>();
                for (Path wav : test) {
                    try (Recording rec = AudioFiles.open(wav); SegmentationModel m = new SegmentationModel(rec)) {
                        List<Annotation> det = new ArrayList<>();
                        for (Segment s : m.segments(e.getValue(), pool, null).segments()) {
                            det.add(Annotation.of(s, rec.sampleRateHz()));
                        }
                        List<Annotation> truth = AnnotationFormat.readAny(SynthCommand.truthPath(wav));
                        at10.add(Agreement.compare(truth, det, 0.010));
                        at20.add(Agreement.compare(truth, det, 0.020));
                    }
                }
                out.put(e.getKey(), Map.of("f1At10ms", LabelScore.pooled(at10), "f1At20ms", LabelScore.pooled(at20)));
            }
            return out;
        } finally {
            models.forEach(SegmentationModel::close);
            open.forEach(Recording::close);
            pool.shutdownNow();
        }
    }
}
