package org.echoic.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HDBSCAN* (Campello, Moulavi and Sander 2013) under the Euclidean distance, as the {@code hdbscan} library and
 * scikit-learn compute it: core distances to the {@code minSamples}-th nearest point (the point itself counting
 * as the first), the minimum spanning tree of the mutual reachability distances (Prim, O(n²) time, O(n)
 * memory), its single-linkage hierarchy condensed with {@code minClusterSize}, clusters chosen by excess of mass
 * (the root excluded), then (Malzer and Baum 2020) a chosen cluster born below {@code epsilon} replaced by its
 * lowest ancestor born above it, so clusters closer than {@code epsilon} are not split. Points in no chosen
 * cluster are noise. Labels are renumbered 0, 1, … in the order in which clusters first appear in the input.
 * Deterministic; stateless; runs on the calling thread and honours interruption.
 */
public final class Hdbscan {
    /** The label of points in no cluster. */
    public static final int NOISE = -1;
    private static final double MIN_DISTANCE = 1e-12;

    private Hdbscan() {
    }

    /**
     * Clusters {@code points} (rows of equal length).
     *
     * @param minClusterSize smallest cluster (≥ 2)
     * @param minSamples     neighbours of a core distance, the point included (≥ 1)
     * @param epsilon        distance below which clusters are not split (0: plain excess of mass)
     * @return one label per point: a cluster from 0, or {@link #NOISE}
     */
    public static int[] cluster(float[][] points, int minClusterSize, int minSamples, double epsilon)
            throws InterruptedException {
        if (minClusterSize < 2 || minSamples < 1 || !(epsilon >= 0)) {
            throw new IllegalArgumentException("HDBSCAN needs a minimum cluster size of at least 2, at least one "
                    + "sample per core distance and epsilon >= 0: " + minClusterSize + ", " + minSamples + ", "
                    + epsilon);
        }
        int n = points.length;
        int[] out = new int[n];
        Arrays.fill(out, NOISE);
        if (n < Math.max(2, minClusterSize)) {
            return out;
        }
        double[] core = coreDistances(points, minSamples);
        double[][] mst = minimumSpanningTree(points, core);
        Linkage linkage = Linkage.of(mst, n);
        Condensed tree = Condensed.of(linkage, minClusterSize);
        boolean[] chosen = tree.excessOfMass();
        if (epsilon > 0) {
            tree.applyEpsilon(chosen, epsilon);
        }
        int[] raw = tree.label(chosen);
        Map<Integer, Integer> renumber = new HashMap<>();
        for (int i = 0; i < n; i++) {
            out[i] = raw[i] < 0 ? NOISE : renumber.computeIfAbsent(raw[i], x -> renumber.size());
        }
        return out;
    }

    private static double[] coreDistances(float[][] points, int minSamples) throws InterruptedException {
        int n = points.length;
        double[] core = new double[n];
        if (minSamples <= 1) {
            return core;
        }
        NearestNeighbours.Graph g = NearestNeighbours.of(points, minSamples - 1);
        int k = g.k();
        for (int i = 0; i < n; i++) {
            core[i] = k == 0 ? 0 : g.distances()[i][k - 1];
        }
        return core;
    }

    /** Prim's algorithm on the complete mutual-reachability graph: n − 1 rows of (a, b, distance). */
    private static double[][] minimumSpanningTree(float[][] points, double[] core) throws InterruptedException {
        int n = points.length;
        boolean[] inTree = new boolean[n];
        double[] best = new double[n];
        int[] from = new int[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        double[][] edges = new double[n - 1][];
        int current = 0;
        inTree[0] = true;
        for (int e = 0; e < n - 1; e++) {
            if ((e & 255) == 0 && Thread.interrupted()) {
                throw new InterruptedException("HDBSCAN cancelled");
            }
            int next = -1;
            double nextDistance = Double.POSITIVE_INFINITY;
            float[] p = points[current];
            for (int j = 0; j < n; j++) {
                if (inTree[j]) {
                    continue;
                }
                double d = Math.max(Math.sqrt(dist2(p, points[j])), Math.max(core[current], core[j]));
                if (d < best[j]) {
                    best[j] = d;
                    from[j] = current;
                }
                if (best[j] < nextDistance) {
                    nextDistance = best[j];
                    next = j;
                }
            }
            inTree[next] = true;
            edges[e] = new double[] {from[next], next, nextDistance};
            current = next;
        }
        return edges;
    }

    private static double dist2(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double x = a[d] - b[d];
            s += x * x;
        }
        return s;
    }

    /** The single-linkage tree in scipy's layout: node n + i merges {@code left[i]} and {@code right[i]}. */
    record Linkage(int[] left, int[] right, double[] distance, int[] size, int points) {
        static Linkage of(double[][] mst, int n) {
            double[][] sorted = mst.clone();
            Arrays.sort(sorted, (x, y) -> Double.compare(x[2], y[2]));
            int[] parent = new int[2 * n - 1];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            int[] left = new int[n - 1];
            int[] right = new int[n - 1];
            double[] distance = new double[n - 1];
            int[] size = new int[2 * n - 1];
            Arrays.fill(size, 0, n, 1);
            for (int i = 0; i < n - 1; i++) {
                int a = find(parent, (int) sorted[i][0]);
                int b = find(parent, (int) sorted[i][1]);
                int node = n + i;
                left[i] = a;
                right[i] = b;
                distance[i] = sorted[i][2];
                size[node] = size[a] + size[b];
                parent[a] = node;
                parent[b] = node;
            }
            return new Linkage(left, right, distance, size, n);
        }

        private static int find(int[] parent, int x) {
            int root = x;
            while (parent[root] != root) {
                root = parent[root];
            }
            while (parent[x] != root) {
                int next = parent[x];
                parent[x] = root;
                x = next;
            }
            return root;
        }

        /** The points under {@code node}. */
        List<Integer> leaves(int node) {
            List<Integer> out = new ArrayList<>();
            Deque<Integer> stack = new ArrayDeque<>();
            stack.push(node);
            while (!stack.isEmpty()) {
                int x = stack.pop();
                if (x < points) {
                    out.add(x);
                } else {
                    stack.push(right[x - points]);
                    stack.push(left[x - points]);
                }
            }
            return out;
        }
    }
}
