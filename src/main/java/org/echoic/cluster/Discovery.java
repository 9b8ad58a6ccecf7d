package org.echoic.cluster;

import java.util.function.DoubleConsumer;

/**
 * Call-type discovery from segment embeddings, as AVGN does: UMAP to a 2-D map, HDBSCAN* on the map (the number
 * of clusters chosen by the density hierarchy), optionally noise given to the nearest cluster. Deterministic for
 * a seed; runs on the calling thread and checks for interruption between the steps.
 */
public final class Discovery {
    /**
     * The map and the clusters of n segments.
     *
     * @param map    n rows of (x, y)
     * @param labels n cluster labels from 0, {@link Hdbscan#NOISE} for noise
     * @param noise  how many segments HDBSCAN left in no cluster (before any assignment)
     */
    public record Result(float[][] map, int[] labels, int clusters, int noise) {
    }

    private Discovery() {
    }

    /** Projects and clusters {@code embeddings} (n rows of equal length); progress in [0, 1]. */
    public static Result run(float[][] embeddings, ClusterParams params, DoubleConsumer progress)
            throws InterruptedException {
        DoubleConsumer p = progress == null ? x -> { } : progress;
        p.accept(0);
        float[][] map = Umap.project(embeddings, 2, params.neighbours(), params.minDist(), params.seed());
        check();
        p.accept(0.8);
        int n = embeddings.length;
        int[] labels = Hdbscan.cluster(map, params.minClusterSizeFor(n), params.minSamplesFor(n),
                params.epsilon());
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
        return new Result(map, labels, clusters, noise);
    }

    private static void check() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("clustering cancelled");
        }
    }
}
