package org.echoic.segment;

import java.util.List;

/**
 * The outcome of one segmentation: the kept segments (padded, in order, possibly overlapping), the
 * rejected runs (at most {@link #REJECTED_LIST_LIMIT} listed, all counted), and the threshold used.
 * Immutable.
 *
 * @param segments        kept runs padded by the buffer, sorted by start
 * @param rejected        the first rejected runs, in order (see {@link #REJECTED_LIST_LIMIT})
 * @param tooShortCount   number of merged runs rejected as too short
 * @param tooLongCount    number of merged runs rejected as too long
 * @param thresholdLevel  the threshold as an envelope value (mean |x|, full scale = 1)
 * @param params          the parameters that produced this result
 */
public record SegmentationResult(List<Segment> segments, List<RejectedRun> rejected, long tooShortCount,
                                 long tooLongCount, double thresholdLevel, SegmentationParams params) {

    /** At most this many rejected runs are listed (all are counted). */
    public static final int REJECTED_LIST_LIMIT = 100_000;

    public SegmentationResult {
        segments = List.copyOf(segments);
        rejected = List.copyOf(rejected);
    }

    /** The threshold in dBFS ({@code 20 log10(level)}; −∞ for a zero threshold). */
    public double thresholdDbfs() {
        return 20 * Math.log10(thresholdLevel);
    }
}
