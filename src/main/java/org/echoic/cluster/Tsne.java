package org.echoic.cluster;

/**
 * t-SNE (van der Maaten and Hinton 2008) to 2-D as scikit-learn's {@code TSNE} sets it up: input affinities on the
 * {@code 3·perplexity} nearest neighbours (σ by binary search to the perplexity, symmetrised and normalised, as
 * Barnes-Hut t-SNE does), a start on the first two principal components scaled to a standard deviation of 1e-4,
 * early exaggeration 12 for 250 iterations with momentum 0.5, then momentum 0.8, 750 iterations in all, learning
 * rate {@code max(n / 12 / 4, 50)} with delta-bar-delta gains. The repulsion is computed exactly over all pairs
 * (O(n²) per iteration: seconds for a thousand segments, a few minutes for ten thousand). Deterministic for a
 * seed; runs on the calling thread and honours interruption.
 */
public final class Tsne {
    /** scikit-learn's default perplexity. */
    public static final double DEFAULT_PERPLEXITY = 30;
    private static final int ITERATIONS = 750;
    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final double EXAGGERATION = 12;

    private Tsne() {
    }

    /** The 2-D map of {@code points} with the given perplexity (clamped below n / 3). */
    public static float[][] project(float[][] points, double perplexity, long seed) throws InterruptedException {
        int n = points.length;
        if (n < 4) {
            return Pca.project(points, 2, seed);
        }
        double perp = Math.max(2, Math.min(perplexity, (n - 1) / 3.0));
        NearestNeighbours.Graph g = NearestNeighbours.of(points, (int) Math.min(n - 1, Math.ceil(3 * perp)));
        Edges p = affinities(g, perp);
        float[][] init = Pca.project(points, 2, seed);
        double[][] y = new double[n][2];
        double sd = 0;
        for (float[] r : init) {
            sd += r[0] * r[0];
        }
        sd = Math.sqrt(sd / n);
        for (int i = 0; i < n; i++) {
            y[i][0] = sd > 0 ? 1e-4 * init[i][0] / sd : 0;
            y[i][1] = sd > 0 ? 1e-4 * init[i][1] / sd : 0;
        }
        double rate = Math.max(n / EXAGGERATION / 4, 50);
        double[][] update = new double[n][2];
        double[][] gains = new double[n][2];
        for (double[] row : gains) {
            row[0] = 1;
            row[1] = 1;
        }
        double[][] grad = new double[n][2];
        for (int it = 0; it < ITERATIONS; it++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("t-SNE cancelled");
            }
            double exaggeration = it < EXAGGERATION_ITERATIONS ? EXAGGERATION : 1;
            double momentum = it < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
            double z = 0;
            for (double[] row : grad) {
                row[0] = 0;
                row[1] = 0;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = y[i][0] - y[j][0];
                    double dy = y[i][1] - y[j][1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    z += 2 * w;
                    double w2 = w * w;
                    grad[i][0] -= w2 * dx;
                    grad[i][1] -= w2 * dy;
                    grad[j][0] += w2 * dx;
                    grad[j][1] += w2 * dy;
                }
            }
            for (double[] row : grad) {
                row[0] /= z;
                row[1] /= z;
            }
            for (int e = 0; e < p.weights().length; e++) {
                int i = p.a()[e];
                int j = p.b()[e];
                double dx = y[i][0] - y[j][0];
                double dy = y[i][1] - y[j][1];
                double a = exaggeration * p.weights()[e] / (1 + dx * dx + dy * dy);
                grad[i][0] += a * dx;
                grad[i][1] += a * dy;
                grad[j][0] -= a * dx;
                grad[j][1] -= a * dy;
            }
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 2; d++) {
                    double gd = 4 * grad[i][d];
                    boolean increase = gd * update[i][d] < 0;
                    gains[i][d] = Math.max(0.01, increase ? gains[i][d] + 0.2 : gains[i][d] * 0.8);
                    update[i][d] = momentum * update[i][d] - rate * gains[i][d] * gd;
                    y[i][d] += update[i][d];
                }
            }
        }
        float[][] out = new float[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = (float) y[i][0];
            out[i][1] = (float) y[i][1];
        }
        return out;
    }

    /** Unordered pairs (a < b) with their joint affinity. */
    private record Edges(int[] a, int[] b, double[] weights) {
    }

    /** The joint affinities p_ij = (p_j|i + p_i|j) / 2n of every pair that is in either neighbour list. */
    private static Edges affinities(NearestNeighbours.Graph g, double perplexity) {
        int n = g.indices().length;
        int k = g.k();
        double target = Math.log(perplexity);
        java.util.TreeMap<Long, Double> sym = new java.util.TreeMap<>();
        double[] cond = new double[k];
        for (int i = 0; i < n; i++) {
            conditional(g.distances()[i], target, cond);
            for (int m = 0; m < k; m++) {
                int j = g.indices()[i][m];
                sym.merge((long) Math.min(i, j) * n + Math.max(i, j), cond[m], Double::sum);
            }
        }
        int[] a = new int[sym.size()];
        int[] b = new int[sym.size()];
        double[] w = new double[sym.size()];
        int e = 0;
        for (java.util.Map.Entry<Long, Double> x : sym.entrySet()) {
            a[e] = (int) (x.getKey() / n);
            b[e] = (int) (x.getKey() % n);
            w[e++] = x.getValue() / (2.0 * n);
        }
        return new Edges(a, b, w);
    }

    /** p_j|i over one point's neighbours at distances {@code d}, with the precision found by bisection. */
    private static void conditional(float[] d, double targetEntropy, double[] out) {
        int k = d.length;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double beta = 1;
        double d0 = d[0] * (double) d[0];
        for (int it = 0; it < 100; it++) {
            double sum = 0;
            double weighted = 0;
            for (int m = 0; m < k; m++) {
                double dd = d[m] * (double) d[m] - d0;
                out[m] = Math.exp(-beta * dd);
                sum += out[m];
                weighted += dd * out[m];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int m = 0; m < k; m++) {
                out[m] /= sum;
            }
            if (Math.abs(entropy - targetEntropy) < 1e-5) {
                return;
            }
            if (entropy > targetEntropy) {
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
    }
}
