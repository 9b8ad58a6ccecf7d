package org.echoic.cluster;

import java.util.Arrays;

/**
 * Exact k nearest neighbours under the Euclidean distance, by brute force (each of the n(n − 1)/2 pairs once; a few
 * seconds for 5,000 points of 1,000 dimensions on one core). Each point's list excludes itself and is sorted by distance,
 * ties broken by index, so the result is deterministic. Stateless; runs on the calling thread and honours
 * interruption (checked once per point).
 */
public final class NearestNeighbours {
    /**
     * The neighbours of every point.
     *
     * @param indices   n rows of k neighbour indices, nearest first
     * @param distances n rows of k distances, ascending
     */
    public record Graph(int[][] indices, float[][] distances) {
        public int k() {
            return indices.length == 0 ? 0 : indices[0].length;
        }
    }

    private NearestNeighbours() {
    }

    /** The {@code k} nearest other points of every point ({@code k} clamped to n − 1). */
    public static Graph of(float[][] points, int k) throws InterruptedException {
        int n = points.length;
        int kk = Math.max(0, Math.min(k, n - 1));
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = dot(points[i], points[i]);
        }
        int[][] heapIdx = new int[n][kk];
        double[][] heapDist = new double[n][kk];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("nearest neighbours cancelled");
            }
            for (int j = i + 1; j < n && kk > 0; j++) {
                double d = Math.max(0, norms[i] + norms[j] - 2 * dot(points[i], points[j]));
                offer(heapIdx[i], heapDist[i], size, i, j, d);
                offer(heapIdx[j], heapDist[j], size, j, i, d);
            }
        }
        int[][] idx = new int[n][kk];
        float[][] dist = new float[n][kk];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[kk];
            for (int m = 0; m < kk; m++) {
                order[m] = m;
            }
            int[] hi = heapIdx[i];
            double[] hd = heapDist[i];
            Arrays.sort(order, (x, y) -> hd[x] != hd[y] ? Double.compare(hd[x], hd[y]) : Integer.compare(hi[x], hi[y]));
            for (int m = 0; m < kk; m++) {
                idx[i][m] = hi[order[m]];
                dist[i][m] = (float) Math.sqrt(hd[order[m]]);
            }
        }
        return new Graph(idx, dist);
    }

    /**
     * Offers neighbour {@code j} at squared distance {@code d} to point {@code owner}'s bounded max-heap (the root
     * is the worst kept; order by distance, then index), each pair computed once for both points.
     */
    private static void offer(int[] idx, double[] dist, int[] size, int owner, int j, double d) {
        int k = idx.length;
        if (size[owner] < k) {
            int c = size[owner]++;
            idx[c] = j;
            dist[c] = d;
            while (c > 0) {
                int parent = (c - 1) / 2;
                if (!worse(idx[c], dist[c], idx[parent], dist[parent])) {
                    break;
                }
                swap(idx, dist, c, parent);
                c = parent;
            }
        } else if (worse(idx[0], dist[0], j, d)) {
            idx[0] = j;
            dist[0] = d;
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                int r = l + 1;
                int w = c;
                if (l < k && worse(idx[l], dist[l], idx[w], dist[w])) {
                    w = l;
                }
                if (r < k && worse(idx[r], dist[r], idx[w], dist[w])) {
                    w = r;
                }
                if (w == c) {
                    break;
                }
                swap(idx, dist, c, w);
                c = w;
            }
        }
    }

    /** True when (a, da) comes after (b, db): farther, or as far with a larger index. */
    private static boolean worse(int a, double da, int b, double db) {
        return da > db || (da == db && a > b);
    }

    private static void swap(int[] idx, double[] dist, int a, int b) {
        int t = idx[a];
        idx[a] = idx[b];
        idx[b] = t;
        double u = dist[a];
        dist[a] = dist[b];
        dist[b] = u;
    }

    /** The dot product with four accumulators (the JIT does not vectorise a floating-point sum). */
    static double dot(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1 + s2 + s3;
    }
}
