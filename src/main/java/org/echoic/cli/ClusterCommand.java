package org.echoic.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.cluster.ClusterParams;
import org.echoic.cluster.Discovery;
import org.echoic.cluster.VMeasure;
import org.echoic.io.Json;
import org.echoic.service.CallTypeEmbedder;
import org.echoic.service.DiscoveryOutputs;
import org.echoic.service.SegmentEmbeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic cluster --out DIR RECORDINGS…}: embeds the segments, maps them with UMAP and clusters the map with
 * HDBSCAN*; writes {@code <name>.csv} per recording (onset_s,offset_s,label = cluster, −1 = noise), the segment
 * table with clusters and map coordinates, {@code embeddings.npy} and {@code map.npy}; a JSON summary on stdout
 * (with the V-measure against the tables' labels when they name two or more).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Discover call types: embed segments, map them (UMAP) and cluster the map (HDBSCAN).")
public final class ClusterCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RECORDING", description = "Recordings or folders.")
    List<Path> recordings = new ArrayList<>();
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Mixin
    EmbedOptions embed;
    @Mixin
    ClusterOptions cluster;
    @Mixin
    DiscoveryInputs inputs;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClusterParams params = cluster.params();
        try (DiscoveryInputs in = inputs) {
            CallTypeEmbedder.Request request = embed.request();
            List<SegmentEmbeddings.Item> items = SegmentEmbeddings.items(in.sources(recordings), null);
            long t0 = System.nanoTime();
            float[][] vectors = CallTypeEmbedder.embed(items, in.channel(), request, embed.curves(System.err), null);
            double embedSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Discovery.Result result = Discovery.run(vectors, params, null);
            double clusterSeconds = (System.nanoTime() - t1) / 1e9;
            List<Path> written = DiscoveryOutputs.writeClusters(out, items, vectors, result.map(), result.labels(),
                    params.projection() == ClusterParams.Projection.TSNE ? "t-SNE" : "UMAP");
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("method", request.method().id());
            summary.put("projection", params.projection().name().toLowerCase(java.util.Locale.ROOT));
            summary.put("segments", items.size());
            summary.put("clusters", result.clusters());
            summary.put("noiseSegments", result.noise());
            summary.put("noiseAssigned", params.assignNoise());
            summary.put("minClusterSize", result.minClusterSize());
            putTableScore(summary, items, result.labels());
            summary.put("embedSeconds", embedSeconds);
            summary.put("mapAndClusterSeconds", clusterSeconds);
            summary.put("files", written.size());
            summary.put("out", out.toString());
            spec.commandLine().getOut().println(Json.line(summary));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /**
     * When the tables name at least two labels, the V-measure of the clusters (noise −1 as one cluster) against
     * them: the score of AVGN against hand labels. Segments without a label are left out of the score.
     */
    static void putTableScore(Map<String, Object> summary, List<SegmentEmbeddings.Item> items, int[] clusters) {
        List<String> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String label = items.get(i).segment().label();
            if (label != null && !label.isBlank()) {
                truth.add(label.strip());
                predicted.add(clusters[i]);
            }
        }
        int labels = new java.util.HashSet<>(truth).size();
        summary.put("tableLabels", labels);
        if (labels >= 2) {
            VMeasure.Score score = VMeasure.of(truth, predicted);
            summary.put("labelledSegments", truth.size());
            summary.put("vMeasureAgainstTableLabels", score.vMeasure());
            summary.put("homogeneity", score.homogeneity());
            summary.put("completeness", score.completeness());
        }
    }
}
