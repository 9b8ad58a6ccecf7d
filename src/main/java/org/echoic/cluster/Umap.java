package org.echoic.cluster;

import java.util.SplittableRandom;

/**
 * UMAP (McInnes, Healy and Melville 2018) as umap-learn computes it for {@code fit_transform} with the Euclidean
 * metric: exact nearest neighbours ({@code neighbours} counting the point itself), smooth k-NN distances (ρ, σ
 * with Σ exp(−(d − ρ)/σ) = log2 k), the fuzzy union {@code P + Pᵀ − P∘Pᵀ}, edges sampled in proportion to their
 * weight for 500 epochs (200 above 10,000 points), attraction and five negative samples per edge with the
 * learning rate falling linearly from 1, gradients clipped at 4, curve a, b from {@link UmapCurve}. Unlike
 * umap-learn's spectral start it starts from the data's first principal components (scaled to [0, 10]), which
 * keeps each tight group of points together from the start (a random start splits clusters into fragments).
 * One thread and one seeded generator: the same points and seed give the same coordinates. Runs on the calling
 * thread; honours interruption.
 */
public final class Umap {
    private static final double NEGATIVE_SAMPLE_RATE = 5;
    private static final double CLIP = 4;

    private Umap() {
    }

    /** Projects {@code points} to {@code components} dimensions (see the class comment). */
    public static float[][] project(float[][] points, int components, int neighbours, double minDist, long seed)
            throws InterruptedException {
        int n = points.length;
        if (n <= components + 1 || n < 3) {
            return Pca.project(points, components, seed);
        }
        int k = Math.max(1, Math.min(neighbours - 1, n - 1));
        NearestNeighbours.Graph graph = NearestNeighbours.of(points, k);
        float[][] init = Pca.project(points, components, seed);
        return layout(graph, init, minDist, seed);
    }

    /** Lays out the fuzzy graph of {@code graph} from {@code init} (changed in place and returned). */
    static float[][] layout(NearestNeighbours.Graph graph, float[][] init, double minDist, long seed)
            throws InterruptedException {
        int n = init.length;
        int dims = init.length == 0 ? 0 : init[0].length;
        FuzzyGraph fuzzy = FuzzyGraph.of(graph);
        int epochs = n <= 10_000 ? 500 : 200;
        UmapCurve curve = UmapCurve.fit(minDist, 1.0);
        double a = curve.a();
        double b = curve.b();
        scaleToTen(init);
        float[][] y = init;
        double maxW = 0;
        for (double w : fuzzy.weights()) {
            maxW = Math.max(maxW, w);
        }
        int m = fuzzy.heads().length;
        double[] perSample = new double[m];
        for (int e = 0; e < m; e++) {
            double samples = epochs * fuzzy.weights()[e] / maxW;
            perSample[e] = samples >= 1 ? epochs / samples : -1;
        }
        double[] nextSample = perSample.clone();
        double[] perNegative = new double[m];
        for (int e = 0; e < m; e++) {
            perNegative[e] = perSample[e] / NEGATIVE_SAMPLE_RATE;
        }
        double[] nextNegative = perNegative.clone();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] grad = new double[dims];
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("UMAP cancelled");
            }
            double alpha = 1.0 - (double) epoch / epochs;
            for (int e = 0; e < m; e++) {
                if (perSample[e] <= 0 || nextSample[e] > epoch) {
                    continue;
                }
                float[] current = y[fuzzy.heads()[e]];
                float[] other = y[fuzzy.tails()[e]];
                double d2 = dist2(current, other);
                double coeff = d2 > 0 ? -2 * a * b * Math.pow(d2, b - 1) / (a * Math.pow(d2, b) + 1) : 0;
                for (int d = 0; d < dims; d++) {
                    double g = clip(coeff * (current[d] - other[d])) * alpha;
                    current[d] += (float) g;
                    other[d] -= (float) g;
                }
                nextSample[e] += perSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
                for (int p = 0; p < negatives; p++) {
                    int kk = rnd.nextInt(n);
                    if (kk == fuzzy.heads()[e]) {
                        continue;
                    }
                    float[] far = y[kk];
                    double f2 = dist2(current, far);
                    if (f2 <= 0) {
                        continue;
                    }
                    double rep = 2 * b / ((0.001 + f2) * (a * Math.pow(f2, b) + 1));
                    for (int d = 0; d < dims; d++) {
                        grad[d] = clip(rep * (current[d] - far[d])) * alpha;
                    }
                    for (int d = 0; d < dims; d++) {
                        current[d] += (float) grad[d];
                    }
                }
                nextNegative[e] += negatives * perNegative[e];
            }
        }
        return y;
    }

    private static double clip(double v) {
        return v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
    }

    private static double dist2(float[] p, float[] q) {
        double s = 0;
        for (int d = 0; d < p.length; d++) {
            double x = p[d] - q[d];
            s += x * x;
        }
        return s;
    }

    /** Scales each coordinate to [0, 10], as umap-learn does with its initial layout. */
    private static void scaleToTen(float[][] y) {
        if (y.length == 0) {
            return;
        }
        for (int d = 0; d < y[0].length; d++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float[] row : y) {
                lo = Math.min(lo, row[d]);
                hi = Math.max(hi, row[d]);
            }
            double span = hi > lo ? hi - lo : 1;
            for (float[] row : y) {
                row[d] = (float) (10 * (row[d] - lo) / span);
            }
        }
    }

    /** The symmetric fuzzy simplicial set as a list of directed edges (both directions), in a fixed order. */
    record FuzzyGraph(int[] heads, int[] tails, double[] weights) {
        static FuzzyGraph of(NearestNeighbours.Graph g) {
            int n = g.indices().length;
            int k = g.k();
            double target = Math.log(k + 1) / Math.log(2);
            java.util.Map<Long, Double> directed = new java.util.HashMap<>();
            double meanAll = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    meanAll += g.distances()[i][j];
                }
            }
            meanAll /= Math.max(1, (long) n * k);
            for (int i = 0; i < n; i++) {
                float[] d = g.distances()[i];
                double rho = 0;
                for (float v : d) {
                    if (v > 0) {
                        rho = v;
                        break;
                    }
                }
                double sigma = sigma(d, rho, target);
                double mean = 0;
                for (float v : d) {
                    mean += v;
                }
                mean /= Math.max(1, k);
                sigma = Math.max(sigma, 1e-3 * (rho > 0 ? mean : meanAll));
                for (int j = 0; j < k; j++) {
                    double w = d[j] - rho <= 0 ? 1 : Math.exp(-(d[j] - rho) / sigma);
                    directed.put((long) i * n + g.indices()[i][j], w);
                }
            }
            java.util.Set<Long> pairs = new java.util.TreeSet<>();
            for (long key : directed.keySet()) {
                long i = key / n;
                long j = key % n;
                pairs.add(i * n + j);
                pairs.add(j * n + i);
            }
            int[] heads = new int[pairs.size()];
            int[] tails = new int[pairs.size()];
            double[] weights = new double[pairs.size()];
            int e = 0;
            for (long key : pairs) {
                int i = (int) (key / n);
                int j = (int) (key % n);
                double p = directed.getOrDefault(key, 0.0);
                double q = directed.getOrDefault((long) j * n + i, 0.0);
                heads[e] = i;
                tails[e] = j;
                weights[e++] = p + q - p * q;
            }
            return new FuzzyGraph(heads, tails, weights);
        }

        /** Binary search of σ with Σ exp(−max(0, d − ρ)/σ) = target (64 steps, as umap-learn). */
        private static double sigma(float[] d, double rho, double target) {
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            double mid = 1;
            for (int it = 0; it < 64; it++) {
                double sum = 0;
                for (float v : d) {
                    double x = v - rho;
                    sum += x > 0 ? Math.exp(-x / mid) : 1;
                }
                if (Math.abs(sum - target) < 1e-5) {
                    break;
                }
                if (sum > target) {
                    hi = mid;
                    mid = (lo + hi) / 2;
                } else {
                    lo = mid;
                    mid = Double.isInfinite(hi) ? mid * 2 : (lo + hi) / 2;
                }
            }
            return mid;
        }
    }
}
