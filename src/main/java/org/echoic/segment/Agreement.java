package org.echoic.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Agreement between reference annotations and detected segments (SEGMENTATION.md): a reference and a
 * detection may be matched, by the default {@link Criterion}, when their onsets and their offsets both differ
 * by at most the tolerance, or, by the overlap criterion, when their intersection over union is at least a
 * minimum; the matching is one-to-one and of maximum size (greedy pairing by smallest total error, or by
 * largest overlap, then augmenting paths until none is left, so the count is the maximum bipartite matching). Precision = matches /
 * detections, recall = matches / references (each 1 when its denominator is 0), F1 their harmonic mean.
 * Stateless; thread-safe.
 */
public final class Agreement {
    /** The default tolerance on onsets and offsets, 20 ms. */
    public static final double DEFAULT_TOLERANCE_SECONDS = 0.020;
    private static final double EPS = 1e-9;

    private Agreement() {
    }

    /** The default minimum intersection over union of the overlap criterion, 0.5. */
    public static final double DEFAULT_MIN_IOU = 0.5;

    /** How a reference and a detection may be matched. */
    public enum Kind {
        /** Onsets and offsets each within {@link Criterion#value()} seconds. */
        ONSET_OFFSET,
        /** Intersection over union (of the time intervals) at least {@link Criterion#value()}. */
        OVERLAP
    }

    /**
     * A matching criterion.
     *
     * @param kind  onset/offset tolerance or overlap
     * @param value the tolerance in seconds (ONSET_OFFSET, ≥ 0) or the minimum IoU (OVERLAP, in (0, 1])
     */
    public record Criterion(Kind kind, double value) {
        /** The default: onsets and offsets within 20 ms. */
        public static final Criterion DEFAULT = onsetOffset(DEFAULT_TOLERANCE_SECONDS);

        public Criterion {
            if (kind == null) {
                throw new IllegalArgumentException("criterion kind is missing");
            }
            if (kind == Kind.ONSET_OFFSET && !(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("tolerance must be a finite number of seconds ≥ 0: " + value);
            }
            if (kind == Kind.OVERLAP && !(value > 0 && value <= 1)) {
                throw new IllegalArgumentException("minimum IoU must be in (0, 1]: " + value);
            }
        }

        /** Onsets and offsets each within {@code toleranceSeconds}. */
        public static Criterion onsetOffset(double toleranceSeconds) {
            return new Criterion(Kind.ONSET_OFFSET, toleranceSeconds);
        }

        /** Intersection over union at least {@code minIoU}. */
        public static Criterion overlap(double minIoU) {
            return new Criterion(Kind.OVERLAP, minIoU);
        }

        /** A short human description, e.g. "onsets and offsets within ± 20 ms" or "overlap ≥ 0.5 IoU". */
        public String describe() {
            return kind == Kind.ONSET_OFFSET
                    ? String.format(java.util.Locale.ROOT, "onsets and offsets within ± %s ms", trim(value * 1000))
                    : String.format(java.util.Locale.ROOT, "overlap ≥ %s IoU", trim(value));
        }

        private static String trim(double v) {
            String s = String.format(java.util.Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /**
     * The figures of one comparison.
     *
     * @param pairs                  matched (reference index, detection index) pairs, by reference
     * @param meanOnsetErrorSeconds  mean |detected onset − reference onset| over matches (NaN when none)
     * @param meanOffsetErrorSeconds mean |detected offset − reference offset| over matches (NaN when none)
     * @param criterion              how the matches were decided
     */
    public record Result(int references, int detections, int matches, double precision, double recall, double f1,
                         double meanOnsetErrorSeconds, double meanOffsetErrorSeconds, List<int[]> pairs,
                         Criterion criterion) {
    }

    /** Compares with the default 20 ms tolerance. */
    public static Result compare(List<Annotation> references, List<Annotation> detections) {
        return compare(references, detections, DEFAULT_TOLERANCE_SECONDS);
    }

    /** Compares with onsets and offsets within {@code toleranceSeconds}. */
    public static Result compare(List<Annotation> references, List<Annotation> detections, double toleranceSeconds) {
        return compare(references, detections, Criterion.onsetOffset(toleranceSeconds));
    }

    /** Compares by {@code criterion}. */
    public static Result compare(List<Annotation> references, List<Annotation> detections, Criterion criterion) {
        boolean overlap = criterion.kind() == Kind.OVERLAP;
        double toleranceSeconds = overlap ? 0 : criterion.value();
        double minIoU = overlap ? criterion.value() : 0;
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
            double length = ref.endSeconds() - ref.startSeconds();
            // with IoU ≥ t a detection is at most length / t long and must reach past the reference's onset
            double from = overlap ? ref.startSeconds() - length / minIoU : ref.startSeconds() - toleranceSeconds;
            double to = overlap ? ref.endSeconds() : ref.startSeconds() + toleranceSeconds;
            int k = lowerBound(onsets, from - EPS);
            for (; k < nd && onsets[k] <= to + EPS; k++) {
                int d = byOnset[k];
                if (overlap) {
                    if (iou(ref, detections.get(d)) >= minIoU - EPS) {
                        cand.add(d);
                        edges.add(new int[] {r, d});
                    }
                } else if (Math.abs(detections.get(d).endSeconds() - ref.endSeconds()) <= toleranceSeconds + EPS
                        && Math.abs(detections.get(d).startSeconds() - ref.startSeconds()) <= toleranceSeconds + EPS) {
                    cand.add(d);
                    edges.add(new int[] {r, d});
                }
            }
            adj.add(cand);
        }
        edges.sort(Comparator.comparingDouble(e -> overlap ? -iou(references.get(e[0]), detections.get(e[1]))
                : error(references.get(e[0]), detections.get(e[1]))));
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
                m == 0 ? Double.NaN : off / m, List.copyOf(pairs), criterion);
    }

    private static double error(Annotation a, Annotation b) {
        return Math.abs(a.startSeconds() - b.startSeconds()) + Math.abs(a.endSeconds() - b.endSeconds());
    }

    /** Intersection over union of the two intervals; two equal empty intervals have IoU 1. */
    static double iou(Annotation a, Annotation b) {
        double inter = Math.min(a.endSeconds(), b.endSeconds()) - Math.max(a.startSeconds(), b.startSeconds());
        double union = Math.max(a.endSeconds(), b.endSeconds()) - Math.min(a.startSeconds(), b.startSeconds());
        if (union <= 0) {
            return a.startSeconds() == b.startSeconds() ? 1 : 0;
        }
        return Math.max(0, inter) / union;
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
