package org.echoic.cluster;

import java.util.SplittableRandom;

/**
 * The first principal components of points by orthogonal (block power) iteration on the centred data: 100
 * rounds of {@code V ← orth(Xᵀ X V)} from a seeded random start, then the scores {@code X V}. Each component's
 * sign is fixed so that its largest-magnitude loading is positive, so the result does not depend on the start.
 * Stateless; deterministic for a seed.
 */
public final class Pca {
    private static final int ROUNDS = 100;

    private Pca() {
    }

    /** The scores of {@code points} on their first {@code components} principal components (n rows). */
    public static float[][] project(float[][] points, int components, long seed) {
        int n = points.length;
        float[][] out = new float[n][components];
        if (n == 0) {
            return out;
        }
        int d = points[0].length;
        double[] mean = new double[d];
        for (float[] p : points) {
            for (int j = 0; j < d; j++) {
                mean[j] += p[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] v = new double[components][d];
        for (double[] row : v) {
            for (int j = 0; j < d; j++) {
                row[j] = rnd.nextDouble() - 0.5;
            }
        }
        orthonormalise(v);
        double[] score = new double[n];
        for (int round = 0; round < ROUNDS; round++) {
            double[][] next = new double[components][d];
            for (int c = 0; c < components; c++) {
                scores(points, mean, v[c], score);
                for (int i = 0; i < n; i++) {
                    float[] p = points[i];
                    double s = score[i];
                    for (int j = 0; j < d; j++) {
                        next[c][j] += (p[j] - mean[j]) * s;
                    }
                }
            }
            v = next;
            orthonormalise(v);
        }
        for (int c = 0; c < components; c++) {
            int big = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v[c][j]) > Math.abs(v[c][big])) {
                    big = j;
                }
            }
            double sign = v[c][big] < 0 ? -1 : 1;
            scores(points, mean, v[c], score);
            for (int i = 0; i < n; i++) {
                out[i][c] = (float) (sign * score[i]);
            }
        }
        return out;
    }

    private static void scores(float[][] points, double[] mean, double[] direction, double[] out) {
        for (int i = 0; i < points.length; i++) {
            double s = 0;
            float[] p = points[i];
            for (int j = 0; j < p.length; j++) {
                s += (p[j] - mean[j]) * direction[j];
            }
            out[i] = s;
        }
    }

    /** Gram–Schmidt on the rows; a row that vanishes becomes a unit vector along its index. */
    private static void orthonormalise(double[][] v) {
        for (int c = 0; c < v.length; c++) {
            for (int q = 0; q < c; q++) {
                double dot = 0;
                for (int j = 0; j < v[c].length; j++) {
                    dot += v[c][j] * v[q][j];
                }
                for (int j = 0; j < v[c].length; j++) {
                    v[c][j] -= dot * v[q][j];
                }
            }
            double norm = 0;
            for (double x : v[c]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-12) {
                java.util.Arrays.fill(v[c], 0);
                v[c][c % v[c].length] = 1;
            } else {
                for (int j = 0; j < v[c].length; j++) {
                    v[c][j] /= norm;
                }
            }
        }
    }
}
