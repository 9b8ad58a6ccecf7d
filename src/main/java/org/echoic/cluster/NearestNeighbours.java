package org.echoic.cluster;

import java.util.Arrays;

/**
 * Exact k nearest neighbours under the Euclidean distance, by brute force (n² distance evaluations; a few seconds
 * for 5,000 points of 1,000 dimensions on one core). Each point's list excludes itself and is sorted by distance,
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
        int[][] idx = new int[n][kk];
        float[][] dist = new float[n][kk];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("nearest neighbours cancelled");
            }
            for (int j = 0; j < n; j++) {
                row[j] = j == i ? Double.POSITIVE_INFINITY
                        : Math.max(0, norms[i] + norms[j] - 2 * dot(points[i], points[j]));
            }
            select(row, kk, idx[i]);
            for (int m = 0; m < kk; m++) {
                dist[i][m] = (float) Math.sqrt(row[idx[i][m]]);
            }
        }
        return new Graph(idx, dist);
    }

    /** The indices of the k smallest values of {@code row}, ascending (ties by index), through a max-heap. */
    private static void select(double[] row, int k, int[] out) {
        if (k == 0) {
            return;
        }
        int[] heap = new int[k];
        int size = 0;
        for (int j = 0; j < row.length; j++) {
            if (size < k) {
                heap[size] = j;
                siftUp(heap, size++, row);
            } else if (before(j, heap[0], row)) {
                heap[0] = j;
                siftDown(heap, 0, row);
            }
        }
        Integer[] sorted = new Integer[k];
        for (int m = 0; m < k; m++) {
            sorted[m] = heap[m];
        }
        Arrays.sort(sorted, (x, y) -> before(x, y, row) ? -1 : before(y, x, row) ? 1 : 0);
        for (int m = 0; m < k; m++) {
            out[m] = sorted[m];
        }
    }

    private static boolean before(int a, int b, double[] row) {
        return row[a] < row[b] || (row[a] == row[b] && a < b);
    }

    private static void siftUp(int[] heap, int i, double[] row) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(heap[parent], heap[i], row)) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int i, double[] row) {
        int n = heap.length;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < n && before(heap[worst], heap[l], row)) {
                worst = l;
            }
            if (r < n && before(heap[worst], heap[r], row)) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[worst];
            heap[worst] = t;
            i = worst;
        }
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
