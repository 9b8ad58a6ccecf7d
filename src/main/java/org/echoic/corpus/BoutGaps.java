package org.echoic.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.echoic.segment.Segment;

/**
 * Chooses the join gap of song bouts from the data: the silences between consecutive segments of each recording
 * are sorted, and the largest jump between neighbours (ratio of the larger to the smaller, each at least
 * {@value #FLOOR_SECONDS} s) whose larger gap is at least {@value #MIN_PAUSE_SECONDS} s and whose ratio is at least
 * {@value #MIN_RATIO} separates the gaps inside bouts from the pauses between them: the join gap is the geometric
 * mean of the two neighbours. Without such a jump the gaps are of one kind, and all gaps up to
 * {@value #MAX_GAP_SECONDS} s are joined (the largest gap, capped there); with no gap at all, 0. Pure; thread-safe.
 */
public final class BoutGaps {
    /** Gaps are compared as at least this long (s), so that touching segments do not make huge ratios. */
    public static final double FLOOR_SECONDS = 0.005;
    /** The smallest pause between bouts (s). */
    public static final double MIN_PAUSE_SECONDS = 0.3;
    /** The smallest ratio between the longest gap inside bouts and the shortest pause between them. */
    public static final double MIN_RATIO = 3;
    /** The longest gap ever joined (s). */
    public static final double MAX_GAP_SECONDS = 1.0;

    private BoutGaps() {
    }

    /** The gaps (s) between consecutive segments (sorted by start) of each recording; overlaps are left out. */
    public static double[] gaps(List<List<Segment>> perRecording, double[] sampleRatesHz) {
        List<Double> out = new ArrayList<>();
        for (int r = 0; r < perRecording.size(); r++) {
            List<Segment> s = new ArrayList<>(perRecording.get(r));
            s.sort(Comparator.comparingLong(Segment::startFrame));
            long end = Long.MIN_VALUE;
            for (Segment g : s) {
                if (end != Long.MIN_VALUE && g.startFrame() > end) {
                    out.add((g.startFrame() - end) / sampleRatesHz[r]);
                }
                end = Math.max(end, g.endFrame());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The join gap (s) for these gaps (see the class comment). */
    public static double choose(double[] gapsSeconds) {
        double[] g = gapsSeconds.clone();
        java.util.Arrays.sort(g);
        if (g.length == 0) {
            return 0;
        }
        double best = MIN_RATIO;
        double join = Double.NaN;
        for (int k = 0; k + 1 < g.length; k++) {
            double lo = Math.max(g[k], FLOOR_SECONDS);
            double hi = Math.max(g[k + 1], FLOOR_SECONDS);
            if (hi >= MIN_PAUSE_SECONDS && hi / lo >= best) {
                best = hi / lo;
                join = Math.sqrt(lo * hi);
            }
        }
        if (!Double.isNaN(join)) {
            return Math.min(join, MAX_GAP_SECONDS);
        }
        return Math.min(g[g.length - 1], MAX_GAP_SECONDS);
    }
}
