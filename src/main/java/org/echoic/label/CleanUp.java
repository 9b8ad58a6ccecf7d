package org.echoic.label;

/**
 * TweetyNet's clean-up of frame labels into segments, in this order: gaps of background shorter than
 * {@code minGapMs} between two segments are closed; segments shorter than {@code minSegmentMs} are dropped (become
 * background); every remaining segment takes the label most of its frames have (the majority vote, ties to the
 * lower class index). Immutable.
 *
 * @param minGapMs     background gaps shorter than this are closed (0 = off)
 * @param minSegmentMs segments shorter than this are dropped (0 = off)
 * @param majorityVote one label per segment: its frames' most frequent
 */
public record CleanUp(double minGapMs, double minSegmentMs, boolean majorityVote) {
    /** No clean-up: every run of one non-background label is a segment. */
    public static final CleanUp NONE = new CleanUp(0, 0, false);
    /** The defaults: gaps under 5 ms closed, segments under 20 ms dropped, majority vote. */
    public static final CleanUp DEFAULT = new CleanUp(5, 20, true);

    public CleanUp {
        if (!(minGapMs >= 0) || !(minSegmentMs >= 0)) {
            throw new IllegalArgumentException("minimum durations must be ≥ 0 ms: " + minGapMs + ", " + minSegmentMs);
        }
    }

    /**
     * Applies the clean-up to frame labels (0 = background) of frames {@code hopSeconds} apart; returns a new array
     * in which every segment (maximal run of non-background frames) carries one label when the vote is on.
     */
    public int[] apply(int[] labels, double hopSeconds, int classes) {
        int[] out = labels.clone();
        int n = out.length;
        int minGap = (int) Math.ceil(minGapMs / 1000 / hopSeconds - 1e-9);
        int minSeg = (int) Math.ceil(minSegmentMs / 1000 / hopSeconds - 1e-9);
        if (minGap > 0) {
            int t = 0;
            while (t < n) {
                if (out[t] != 0) {
                    t++;
                    continue;
                }
                int end = t;
                while (end < n && out[end] == 0) {
                    end++;
                }
                if (t > 0 && end < n && end - t < minGap) {
                    for (int i = t; i < end; i++) {
                        out[i] = out[t - 1];
                    }
                }
                t = end;
            }
        }
        int t = 0;
        while (t < n) {
            if (out[t] == 0) {
                t++;
                continue;
            }
            int end = t;
            while (end < n && out[end] != 0) {
                end++;
            }
            if (end - t < minSeg) {
                java.util.Arrays.fill(out, t, end, 0);
            } else if (majorityVote) {
                int[] counts = new int[classes];
                for (int i = t; i < end; i++) {
                    counts[out[i]]++;
                }
                int best = 1;
                for (int c = 1; c < classes; c++) {
                    if (counts[c] > counts[best]) {
                        best = c;
                    }
                }
                java.util.Arrays.fill(out, t, end, best);
            }
            t = end;
        }
        return out;
    }
}
