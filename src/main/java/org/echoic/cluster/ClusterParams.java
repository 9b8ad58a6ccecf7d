package org.echoic.cluster;

/**
 * How segments' embeddings become a map and clusters.
 *
 * @param neighbours     UMAP nearest neighbours
 * @param minDist        UMAP minimum distance in the map (0 packs clusters tightly)
 * @param minClusterSize smallest HDBSCAN cluster, in segments; 0 chooses {@code max(5, n / 100)} (lowered when no
 *                       cluster forms, see {@link Discovery})
 * @param minSamples     HDBSCAN core-distance neighbours; 0 takes the minimum cluster size
 * @param epsilon        HDBSCAN cluster-selection epsilon in map units: clusters closer than this are not split
 * @param assignNoise    give noise segments the cluster of their nearest clustered neighbour on the map
 * @param projection     UMAP (default) or t-SNE (perplexity 30) for the map that is clustered
 * @param seed           seed of the projection (the same seed and data give the same map and clusters)
 */
public record ClusterParams(int neighbours, double minDist, int minClusterSize, int minSamples, double epsilon,
                            boolean assignNoise, Projection projection, long seed) {
    /** The defaults of {@code echoic cluster}. */
    public static final ClusterParams DEFAULTS = new ClusterParams(15, 0.1, 0, 0, 1.5, false, Projection.UMAP, 1);

    /** The projection to 2-D. */
    public enum Projection { UMAP, TSNE }

    public ClusterParams {
        if (projection == null) {
            throw new IllegalArgumentException("no projection");
        }
        if (neighbours < 2 || !(minDist >= 0) || minClusterSize < 0 || minClusterSize == 1 || minSamples < 0
                || !(epsilon >= 0)) {
            throw new IllegalArgumentException("bad clustering parameters: neighbours " + neighbours + ", min-dist "
                    + minDist + ", min-cluster-size " + minClusterSize + ", min-samples " + minSamples + ", epsilon " + epsilon);
        }
    }

    /** The minimum cluster size used for {@code n} segments. */
    public int minClusterSizeFor(int n) {
        return minClusterSize > 0 ? minClusterSize : Math.max(5, n / 100);
    }

    /** The core-distance neighbours used for {@code n} segments. */
    public int minSamplesFor(int n) {
        return minSamples > 0 ? minSamples : minClusterSizeFor(n);
    }

    public ClusterParams withNeighbours(int v) {
        return new ClusterParams(v, minDist, minClusterSize, minSamples, epsilon, assignNoise, projection, seed);
    }

    public ClusterParams withMinDist(double v) {
        return new ClusterParams(neighbours, v, minClusterSize, minSamples, epsilon, assignNoise, projection, seed);
    }

    public ClusterParams withMinClusterSize(int v) {
        return new ClusterParams(neighbours, minDist, v, minSamples, epsilon, assignNoise, projection, seed);
    }

    public ClusterParams withMinSamples(int v) {
        return new ClusterParams(neighbours, minDist, minClusterSize, v, epsilon, assignNoise, projection, seed);
    }

    public ClusterParams withEpsilon(double v) {
        return new ClusterParams(neighbours, minDist, minClusterSize, minSamples, v, assignNoise, projection, seed);
    }

    public ClusterParams withAssignNoise(boolean v) {
        return new ClusterParams(neighbours, minDist, minClusterSize, minSamples, epsilon, v, projection, seed);
    }

    public ClusterParams withProjection(Projection v) {
        return new ClusterParams(neighbours, minDist, minClusterSize, minSamples, epsilon, assignNoise, v, seed);
    }

    public ClusterParams withSeed(long v) {
        return new ClusterParams(neighbours, minDist, minClusterSize, minSamples, epsilon, assignNoise, projection, v);
    }
}
