package org.echoic.cluster;

/**
 * Gives each noise point the cluster of its nearest clustered point (Euclidean distance), so every segment gets a
 * label. Stateless; thread-safe.
 */
public final class NoiseAssignment {
    private NoiseAssignment() {
    }

    /** A copy of {@code labels} with every {@link Hdbscan#NOISE} replaced; unchanged if there is no cluster. */
    public static int[] nearestCluster(float[][] points, int[] labels) {
        int[] out = labels.clone();
        for (int i = 0; i < points.length; i++) {
            if (labels[i] != Hdbscan.NOISE) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < points.length; j++) {
                if (labels[j] == Hdbscan.NOISE) {
                    continue;
                }
                double d = 0;
                for (int k = 0; k < points[i].length; k++) {
                    double x = points[i][k] - points[j][k];
                    d += x * x;
                }
                if (d < best) {
                    best = d;
                    out[i] = labels[j];
                }
            }
        }
        return out;
    }
}
