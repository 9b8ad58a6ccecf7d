package org.echoic.cluster;

import java.util.function.DoubleConsumer;

/**
 * Call-type discovery from segment embeddings, as AVGN does: UMAP (or t-SNE) to a 2-D map, HDBSCAN* on the map (the number
 * of clusters chosen by the density hierarchy), optionally noise given to the nearest cluster. With the automatic
 * minimum cluster size, a map on which no cluster forms (a few dozen segments, one type rarer than the minimum) is
 * clustered again with the size lowered one by one, down to 2, until one does. Deterministic for
 * a seed; runs on the calling thread and checks for interruption between the steps.
 */
public final class Discovery {
    /**
     * The map and the clusters of n segments.
     *
     * @param map    n rows of (x, y)
     * @param labels n cluster labels from 0, {@link Hdbscan#NOISE} for noise
     * @param noise  how many segments HDBSCAN left in no cluster (before any assignment)
     * @param minClusterSize the minimum cluster size used
     */
    public record Result(float[][] map, int[] labels, int clusters, int noise, int minClusterSize) {
    }

    private Discovery() {
    }

    /** Projects and clusters {@code embeddings} (n rows of equal length); progress in [0, 1]. */
    public static Result run(float[][] embeddings, ClusterParams params, DoubleConsumer progress)
            throws InterruptedException {
        DoubleConsumer p = progress == null ? x -> { } : progress;
        p.accept(0);
        float[][] map = params.projection() == ClusterParams.Projection.TSNE
                ? Tsne.project(embeddings, Tsne.DEFAULT_PERPLEXITY, params.seed())
                : Umap.project(embeddings, 2, params.neighbours(), params.minDist(), params.seed());
        check();
        p.accept(0.8);
        int n = embeddings.length;
        int size = params.minClusterSizeFor(n);
        int[] labels = Hdbscan.cluster(map, size, params.minSamplesFor(n), params.epsilon());
        while (params.minClusterSize() == 0 && size > 2 && count(labels) == 0) {
            size--;
            labels = Hdbscan.cluster(map, size, params.minSamples() > 0 ? params.minSamples() : size,
                    params.epsilon());
        }
        check();
        int noise = 0;
        int clusters = 0;
        for (int l : labels) {
            noise += l == Hdbscan.NOISE ? 1 : 0;
            clusters = Math.max(clusters, l + 1);
        }
        if (params.assignNoise()) {
            labels = NoiseAssignment.nearestCluster(map, labels);
        }
        p.accept(1);
        return new Result(map, labels, clusters, noise, size);
    }

    private static int count(int[] labels) {
        int clusters = 0;
        for (int l : labels) {
            clusters = Math.max(clusters, l + 1);
        }
        return clusters;
    }

    private static void check() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("clustering cancelled");
        }
    }
}
