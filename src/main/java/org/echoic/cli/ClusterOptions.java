package org.echoic.cli;

import org.echoic.cluster.ClusterParams;
import picocli.CommandLine.Option;

/** The map and clustering options of {@code cluster} and {@code bench cluster}. */
final class ClusterOptions {
    @Option(names = "--neighbours", description = "UMAP nearest neighbours (default ${DEFAULT-VALUE}).")
    int neighbours = ClusterParams.DEFAULTS.neighbours();
    @Option(names = "--min-dist", description = "UMAP minimum distance (default ${DEFAULT-VALUE}).")
    double minDist = ClusterParams.DEFAULTS.minDist();
    @Option(names = "--min-cluster-size", description = "Smallest HDBSCAN cluster in segments (default: 1 % of "
            + "the segments, at least 5).")
    int minClusterSize = ClusterParams.DEFAULTS.minClusterSize();
    @Option(names = "--min-samples", description = "HDBSCAN core-distance neighbours (default: the minimum "
            + "cluster size).")
    int minSamples = ClusterParams.DEFAULTS.minSamples();
    @Option(names = "--epsilon", description = "HDBSCAN cluster-selection epsilon in map units: clusters closer "
            + "than this are not split (default ${DEFAULT-VALUE}).")
    double epsilon = ClusterParams.DEFAULTS.epsilon();
    @Option(names = "--assign-noise", description = "Give noise segments the cluster of their nearest clustered "
            + "neighbour on the map (default: label -1).")
    boolean assignNoise = ClusterParams.DEFAULTS.assignNoise();
    @Option(names = "--projection", description = "umap (default) or tsne (exact repulsion, perplexity 30: for up "
            + "to a few thousand segments).")
    String projection = "umap";
    @Option(names = "--seed", description = "Seed of the map (default ${DEFAULT-VALUE}).")
    long seed = ClusterParams.DEFAULTS.seed();

    ClusterParams params() {
        return new ClusterParams(neighbours, minDist, minClusterSize, minSamples, epsilon, assignNoise,
                ClusterParams.Projection.valueOf(StftOptions.choice("--projection", projection, "umap", "tsne")), seed);
    }
}
