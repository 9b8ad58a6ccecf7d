package org.echoic.service;

import java.nio.file.Path;
import java.util.List;

import org.echoic.segment.Agreement;
import org.echoic.segment.Annotation;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationParams;
import org.echoic.segment.SegmentationResult;

/**
 * What a {@link SegmentationSession} shows at one moment, as plain values for a view to poll: the requested
 * parameters, the automatic result (of possibly older parameters while an envelope computes), the segments after the
 * manual edits with their peak levels, the reference annotations and the agreement with them. Immutable.
 *
 * @param version        increases with every change (a poller repaints when it differs)
 * @param params         the parameters last asked for
 * @param automatic      the automatic result shown, or null before the first one
 * @param segments       the segments after the manual edits, sorted by start
 * @param peakDbfs       the peak |x| of each segment in dBFS (−∞ for silence), parallel to {@code segments}
 * @param skippedEdits   edits that found no target in the current automatic result
 * @param computing      true while an envelope or a segmentation is computing
 * @param progress       fraction of the running envelope computation, 0–1 (1 when idle)
 * @param error          the last failure in words (naming the file), or null
 * @param referenceFile  the reference table, or null
 * @param references     the reference annotations (empty without a table)
 * @param agreement      the agreement of {@code segments} with the references, or null without references
 */
public record SegmentationSnapshot(long version, SegmentationParams params, SegmentationResult automatic,
                                   List<SegmentEdits.Item> segments, double[] peakDbfs, int skippedEdits,
                                   boolean computing, double progress, String error, Path referenceFile,
                                   List<Annotation> references, Agreement.Result agreement) {

    public SegmentationSnapshot {
        segments = List.copyOf(segments);
        references = List.copyOf(references);
        peakDbfs = peakDbfs.clone();
    }

    /** The threshold of the automatic result in envelope units (full scale 1), NaN before the first result. */
    public double thresholdLevel() {
        return automatic == null ? Double.NaN : automatic.thresholdLevel();
    }
}
