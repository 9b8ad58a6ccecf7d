package org.echoic.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HDBSCAN*'s condensed cluster tree: clusters (0 is the root) with their parent, birth λ = 1/distance and
 * size, and for each point the cluster it falls out of and when. Clusters are numbered top-down, so a child's
 * number exceeds its parent's. Not thread-safe (built and used by one {@link Hdbscan#cluster} call).
 */
final class Condensed {
    private final int[] clusterParent;
    private final double[] birthLambda;
    private final int[] clusterSize;
    private final int[] pointCluster;
    private final double[] pointLambda;

    private Condensed(int[] clusterParent, double[] birthLambda, int[] clusterSize, int[] pointCluster,
                      double[] pointLambda) {
        this.clusterParent = clusterParent;
        this.birthLambda = birthLambda;
        this.clusterSize = clusterSize;
        this.pointCluster = pointCluster;
        this.pointLambda = pointLambda;
    }

    static Condensed of(Hdbscan.Linkage linkage, int minClusterSize) {
        int n = linkage.points();
        int[] relabel = new int[2 * n - 1];
        List<Integer> parents = new ArrayList<>(List.of(-1));
        List<Double> births = new ArrayList<>(List.of(0.0));
        List<Integer> sizes = new ArrayList<>(List.of(n));
        int[] pointCluster = new int[n];
        double[] pointLambda = new double[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int root = 2 * n - 2;
        relabel[root] = 0;
        queue.add(root);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            int i = node - n;
            int l = linkage.left()[i];
            int r = linkage.right()[i];
            double lambda = 1 / Math.max(linkage.distance()[i], 1e-12);
            int label = relabel[node];
            int sl = linkage.size()[l];
            int sr = linkage.size()[r];
            if (sl >= minClusterSize && sr >= minClusterSize) {
                for (int child : new int[] {l, r}) {
                    relabel[child] = parents.size();
                    parents.add(label);
                    births.add(lambda);
                    sizes.add(linkage.size()[child]);
                    queue.add(child);
                }
                continue;
            }
            for (int child : new int[] {l, r}) {
                if (linkage.size()[child] >= minClusterSize) {
                    relabel[child] = label;
                    queue.add(child);
                } else {
                    for (int p : linkage.leaves(child)) {
                        pointCluster[p] = label;
                        pointLambda[p] = lambda;
                    }
                }
            }
        }
        return new Condensed(parents.stream().mapToInt(Integer::intValue).toArray(),
                births.stream().mapToDouble(Double::doubleValue).toArray(),
                sizes.stream().mapToInt(Integer::intValue).toArray(), pointCluster, pointLambda);
    }

    int clusters() {
        return clusterParent.length;
    }

    /** Excess-of-mass selection: which clusters are chosen (never the root). */
    boolean[] excessOfMass() {
        int c = clusters();
        double[] stability = new double[c];
        for (int p = 0; p < pointCluster.length; p++) {
            stability[pointCluster[p]] += pointLambda[p] - birthLambda[pointCluster[p]];
        }
        boolean[] hasChildren = new boolean[c];
        for (int k = 1; k < c; k++) {
            int parent = clusterParent[k];
            stability[parent] += (birthLambda[k] - birthLambda[parent]) * clusterSize[k];
            hasChildren[parent] = true;
        }
        boolean[] chosen = new boolean[c];
        double[] childSum = new double[c];
        for (int k = c - 1; k >= 1; k--) {
            double value;
            if (hasChildren[k] && childSum[k] > stability[k]) {
                value = childSum[k];
            } else {
                chosen[k] = true;
                value = stability[k];
            }
            childSum[clusterParent[k]] += value;
        }
        keepTopmost(chosen);
        return chosen;
    }

    /** Replaces each chosen cluster born below {@code epsilon} by its lowest ancestor born above it. */
    void applyEpsilon(boolean[] chosen, double epsilon) {
        boolean[] out = new boolean[chosen.length];
        for (int k = 1; k < chosen.length; k++) {
            if (!chosen[k]) {
                continue;
            }
            int node = k;
            if (1 / birthLambda[k] < epsilon) {
                while (clusterParent[node] != 0 && 1 / birthLambda[clusterParent[node]] <= epsilon) {
                    node = clusterParent[node];
                }
                if (clusterParent[node] != 0) {
                    node = clusterParent[node];
                }
            }
            out[node] = true;
        }
        keepTopmost(out);
        System.arraycopy(out, 0, chosen, 0, chosen.length);
    }

    /** Unchooses every cluster below a chosen one. */
    private void keepTopmost(boolean[] chosen) {
        boolean[] covered = new boolean[chosen.length];
        for (int k = 1; k < chosen.length; k++) {
            int parent = clusterParent[k];
            covered[k] = covered[parent] || (parent != 0 && chosen[parent]);
            if (covered[k]) {
                chosen[k] = false;
            }
        }
    }

    /** Each point's chosen cluster (the cluster number), or −1 when it falls out before reaching one. */
    int[] label(boolean[] chosen) {
        int[] out = new int[pointCluster.length];
        Arrays.fill(out, -1);
        for (int p = 0; p < out.length; p++) {
            int k = pointCluster[p];
            while (k != 0 && !chosen[k]) {
                k = clusterParent[k];
            }
            out[p] = k == 0 ? -1 : k;
        }
        return out;
    }
}
