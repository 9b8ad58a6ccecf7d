package org.echoic.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Agreement between reference annotations and detected segments (SEGMENTATION.md): a reference and a
 * detection may be matched when their onsets and their offsets both differ by at most the tolerance;
 * the matching is one-to-one and of maximum size (greedy pairing by smallest total error, then augmenting
 * paths until none is left, so the count is the maximum bipartite matching). Precision = matches /
 * detections, recall = matches / references (each 1 when its denominator is 0), F1 their harmonic mean.
 * Stateless; thread-safe.
 */
public final class Agreement {
    /** The default tolerance on onsets and offsets, 20 ms. */
    public static final double DEFAULT_TOLERANCE_SECONDS = 0.020;
    private static final double EPS = 1e-9;

    private Agreement() {
    }

    /**
     * The figures of one comparison.
     *
     * @param pairs                  matched (reference index, detection index) pairs, by reference
     * @param meanOnsetErrorSeconds  mean |detected onset − reference onset| over matches (NaN when none)
     * @param meanOffsetErrorSeconds mean |detected offset − reference offset| over matches (NaN when none)
     */
    public record Result(int references, int detections, int matches, double precision, double recall, double f1,
                         double meanOnsetErrorSeconds, double meanOffsetErrorSeconds, List<int[]> pairs) {
    }

    /** Compares with the default 20 ms tolerance. */
    public static Result compare(List<Annotation> references, List<Annotation> detections) {
        return compare(references, detections, DEFAULT_TOLERANCE_SECONDS);
    }

    public static Result compare(List<Annotation> references, List<Annotation> detections, double toleranceSeconds) {
        int nr = references.size();
        int nd = detections.size();
        Integer[] byOnset = new Integer[nd];
        for (int i = 0; i < nd; i++) {
            byOnset[i] = i;
        }
        Arrays.sort(byOnset, Comparator.comparingDouble(i -> detections.get(i).startSeconds()));
        double[] onsets = new double[nd];
        for (int i = 0; i < nd; i++) {
            onsets[i] = detections.get(byOnset[i]).startSeconds();
        }
        List<int[]> edges = new ArrayList<>();
        List<List<Integer>> adj = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            Annotation ref = references.get(r);
            List<Integer> cand = new ArrayList<>();
            int k = lowerBound(onsets, ref.startSeconds() - toleranceSeconds - EPS);
            for (; k < nd && onsets[k] <= ref.startSeconds() + toleranceSeconds + EPS; k++) {
                int d = byOnset[k];
                if (Math.abs(detections.get(d).endSeconds() - ref.endSeconds()) <= toleranceSeconds + EPS
                        && Math.abs(detections.get(d).startSeconds() - ref.startSeconds()) <= toleranceSeconds + EPS) {
                    cand.add(d);
                    edges.add(new int[] {r, d});
                }
            }
            adj.add(cand);
        }
        edges.sort(Comparator.comparingDouble(e -> error(references.get(e[0]), detections.get(e[1]))));
        int[] refMatch = new int[nr];
        int[] detMatch = new int[nd];
        Arrays.fill(refMatch, -1);
        Arrays.fill(detMatch, -1);
        for (int[] e : edges) {
            if (refMatch[e[0]] < 0 && detMatch[e[1]] < 0) {
                refMatch[e[0]] = e[1];
                detMatch[e[1]] = e[0];
            }
        }
        for (int r = 0; r < nr; r++) {
            if (refMatch[r] < 0) {
                augment(r, adj, refMatch, detMatch, nd);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        double on = 0;
        double off = 0;
        for (int r = 0; r < nr; r++) {
            if (refMatch[r] >= 0) {
                Annotation a = references.get(r);
                Annotation d = detections.get(refMatch[r]);
                pairs.add(new int[] {r, refMatch[r]});
                on += Math.abs(d.startSeconds() - a.startSeconds());
                off += Math.abs(d.endSeconds() - a.endSeconds());
            }
        }
        int m = pairs.size();
        double precision = nd == 0 ? 1 : (double) m / nd;
        double recall = nr == 0 ? 1 : (double) m / nr;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Result(nr, nd, m, precision, recall, f1, m == 0 ? Double.NaN : on / m,
                m == 0 ? Double.NaN : off / m, List.copyOf(pairs));
    }

    private static double error(Annotation a, Annotation b) {
        return Math.abs(a.startSeconds() - b.startSeconds()) + Math.abs(a.endSeconds() - b.endSeconds());
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Breadth-first search for an augmenting path from the free reference {@code start}; flips it when found. */
    private static void augment(int start, List<List<Integer>> adj, int[] refMatch, int[] detMatch, int nd) {
        int[] parentRef = new int[nd];
        Arrays.fill(parentRef, -2);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int r = queue.poll();
            for (int d : adj.get(r)) {
                if (parentRef[d] != -2) {
                    continue;
                }
                parentRef[d] = r;
                if (detMatch[d] < 0) {
                    int cur = d;
                    while (cur >= 0) {
                        int pr = parentRef[cur];
                        int prev = refMatch[pr];
                        refMatch[pr] = cur;
                        detMatch[cur] = pr;
                        cur = prev;
                    }
                    return;
                }
                queue.add(detMatch[d]);
            }
        }
    }
}
