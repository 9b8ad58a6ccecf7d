package org.echoic.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.cluster.ClusterParams;
import org.echoic.cluster.Discovery;
import org.echoic.cluster.Hdbscan;
import org.echoic.cluster.NoiseAssignment;
import org.echoic.cluster.VMeasure;
import org.echoic.dsp.synth.CallTypeSynthesiser;
import org.echoic.dsp.synth.FinchSongSynthesiser;
import org.echoic.dsp.synth.SynthesisedAudio;
import org.echoic.dsp.synth.VariableFinchSynthesiser;
import org.echoic.io.Json;
import org.echoic.segment.Segment;
import org.echoic.service.CallTypeEmbedder;
import org.echoic.service.CorpusService;
import org.echoic.service.SegmentEmbeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code echoic bench cluster}: synthetic songs with known syllable types ({@link CallTypeSynthesiser} or
 * {@link FinchSongSynthesiser}, the true syllable boundaries as segments), embedded, mapped and clustered with the {@code cluster} defaults; prints the
 * time of each step, segments per second and the V-measure against the true types as one JSON object.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Embed + UMAP + HDBSCAN of synthetic songs of known syllable types: speed and V-measure (JSON).")
final class BenchClusterCommand implements Callable<Integer> {
    /** Which synthesiser makes the songs. */
    enum Corpus { calltypes, finch, variable }

    @Option(names = "--corpus", description = "calltypes (CallTypeSynthesiser: --types types of bird --bird-seed) or "
            + "finch (FinchSongSynthesiser, issue 16's Bengalese-finch-like song: types i, a–f; --song-seconds "
            + "each) or variable (VariableFinchSynthesiser: --types 8–12, alike and imbalanced types, hand-segment "
            + "boundaries, --background noise) (default ${DEFAULT-VALUE}).")
    Corpus corpus = Corpus.calltypes;
    @Option(names = "--background", arity = "1..*", description = "variable: 32 kHz recordings whose sound lies "
            + "under every song (e.g. the non-song parts of real recordings); default: pink noise only.")
    List<Path> background = List.of();
    @Option(names = "--song-seconds", description = "finch: seconds per recording (default ${DEFAULT-VALUE}).")
    double songSeconds = 8;
    @Option(names = "--songs", description = "Songs (default ${DEFAULT-VALUE}).")
    int songs = 35;
    @Option(names = "--types", description = "Syllable types of the bird (default: 8 for calltypes, 10 for variable).")
    Integer types;
    @Option(names = "--bird-seed", description = "Which synthetic bird (default ${DEFAULT-VALUE}).")
    long birdSeed = 1;
    @Mixin
    ClusterOptions cluster;
    @Mixin
    EmbedOptions embed;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (songs < 1 || !(songSeconds > 0)) {
            throw new IllegalArgumentException("--songs must be at least 1 and --song-seconds above 0");
        }
        int typeCount = types != null ? types : corpus == Corpus.variable ? VariableFinchSynthesiser.DEFAULT_TYPES
                : CallTypeSynthesiser.DEFAULT_TYPES;
        float[] noise = corpus == Corpus.variable ? BackgroundNoise.read(background,
                VariableFinchSynthesiser.SAMPLE_RATE_HZ) : null;
        List<String> truth = new ArrayList<>();
        List<SegmentEmbeddings.Item> items = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int s = 0; s < songs; s++) {
            SynthesisedAudio song = switch (corpus) {
                case finch -> FinchSongSynthesiser.synthesise(songSeconds, birdSeed, s + 1);
                case variable -> VariableFinchSynthesiser.song(birdSeed, typeCount, s, noise);
                case calltypes -> CallTypeSynthesiser.song(birdSeed, typeCount, s);
            };
            Recording rec = new ArrayRecording(Path.of("song-" + s + ".wav"), song.sampleRateHz(), song.samples());
            CorpusService.Source source = new CorpusService.Source(rec.path().toString(), rec, null, null);
            int i = 0;
            for (SynthesisedAudio.Call c : song.calls()) {
                Segment g = new Segment(Math.round(c.onsetSeconds() * song.sampleRateHz()),
                        Math.round(c.offsetSeconds() * song.sampleRateHz()), c.label());
                items.add(new SegmentEmbeddings.Item(source, i++, g, song.sampleRateHz()));
                truth.add(c.label());
            }
        }
        double synthSeconds = seconds(t0);
        long t1 = System.nanoTime();
        float[][] vectors = CallTypeEmbedder.embed(items, Recording.MEAN_CHANNEL, embed.request(), null, null);
        double embedSeconds = seconds(t1);
        long t2 = System.nanoTime();
        ClusterParams params = cluster.params();
        Discovery.Result result = Discovery.run(vectors, params.withAssignNoise(false), null);
        double clusterSeconds = seconds(t2);
        int[] assigned = NoiseAssignment.nearestCluster(result.map(), result.labels());
        VMeasure.Score kept = VMeasure.of(truth, boxed(result.labels()));
        VMeasure.Score all = VMeasure.of(truth, boxed(assigned));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", embed.method);
        out.put("corpus", corpus.name());
        out.put("birdSeed", birdSeed);
        out.put("songs", songs);
        out.put("types", new java.util.HashSet<>(truth).size());
        out.put("segments", items.size());
        out.put("background", background.stream().map(p -> p.getFileName().toString()).toList());
        out.put("dimensions", vectors.length == 0 ? 0 : vectors[0].length);
        out.put("clusters", result.clusters());
        out.put("noiseFraction", (double) result.noise() / Math.max(1, items.size()));
        out.put("vMeasure", kept.vMeasure());
        out.put("homogeneity", kept.homogeneity());
        out.put("completeness", kept.completeness());
        out.put("vMeasureNoiseAssigned", all.vMeasure());
        out.put("homogeneityNoiseAssigned", all.homogeneity());
        out.put("completenessNoiseAssigned", all.completeness());
        out.put("synthSeconds", synthSeconds);
        out.put("embedSeconds", embedSeconds);
        out.put("mapAndClusterSeconds", clusterSeconds);
        out.put("segmentsPerSecond", items.size() / (embedSeconds + clusterSeconds));
        out.put("noiseLabel", Hdbscan.NOISE);
        out.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        spec.commandLine().getOut().println(Json.line(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static List<Integer> boxed(int[] labels) {
        List<Integer> out = new ArrayList<>(labels.length);
        for (int l : labels) {
            out.add(l);
        }
        return out;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
