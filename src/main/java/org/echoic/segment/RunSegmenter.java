package org.echoic.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps 4–6 of SEGMENTATION.md on a stream of maximal runs (in increasing order): merge runs whose gap
 * is shorter than the minimum spacing, keep merged runs with minLength &lt; length &lt; maxLength
 * (strictly), pad kept runs by the buffer clamped to [0, frames). Overlap-free: where two padded neighbours
 * would overlap, both stop at the middle of the gap between their runs. All lengths in frames. Single use, not
 * thread-safe.
 */
final class RunSegmenter implements Envelope.RunSink {
    private final long frames;
    private final long minSpacing;
    private final long minLength;
    private final long maxLength;
    private final long buffer;
    private final boolean overlapFree;
    private long lastKeptEnd = -1;
    private final List<Segment> kept = new ArrayList<>();
    private final List<RejectedRun> rejected = new ArrayList<>();
    private long tooShort;
    private long tooLong;
    private long start = -1;
    private long end = -1;

    RunSegmenter(long frames, long minSpacing, long minLength, long maxLength, long buffer, boolean overlapFree) {
        this.frames = frames;
        this.overlapFree = overlapFree;
        this.minSpacing = minSpacing;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.buffer = buffer;
    }

    /** A segmenter with the lengths of {@code p} converted with {@code sampleRateHz}. */
    static RunSegmenter of(SegmentationParams p, long frames, double sampleRateHz) {
        return new RunSegmenter(frames, SegmentationParams.frames(p.minSpacingMs(), sampleRateHz),
                SegmentationParams.frames(p.minLengthMs(), sampleRateHz),
                SegmentationParams.frames(p.maxLengthMs(), sampleRateHz),
                SegmentationParams.frames(p.bufferMs(), sampleRateHz), p.overlapFree());
    }

    @Override
    public void run(long runStart, long runEnd) {
        if (start >= 0 && runStart - end < minSpacing) {
            end = runEnd;
            return;
        }
        flush();
        start = runStart;
        end = runEnd;
    }

    private void flush() {
        if (start < 0) {
            return;
        }
        long len = end - start;
        if (len <= minLength) {
            tooShort++;
            reject(RejectedRun.Reason.TOO_SHORT);
        } else if (len >= maxLength) {
            tooLong++;
            reject(RejectedRun.Reason.TOO_LONG);
        } else {
            long from = Math.max(0, start - buffer);
            if (overlapFree && !kept.isEmpty() && from < kept.get(kept.size() - 1).endFrame()) {
                long middle = lastKeptEnd + (start - lastKeptEnd) / 2;
                Segment previous = kept.remove(kept.size() - 1);
                kept.add(new Segment(previous.startFrame(), Math.min(previous.endFrame(), middle)));
                from = Math.max(from, middle);
            }
            kept.add(new Segment(from, Math.min(frames, end + buffer)));
            lastKeptEnd = end;
        }
        start = -1;
    }

    private void reject(RejectedRun.Reason reason) {
        if (rejected.size() < SegmentationResult.REJECTED_LIST_LIMIT) {
            rejected.add(new RejectedRun(start, end, reason));
        }
    }

    SegmentationResult finish(double thresholdLevel, SegmentationParams params) {
        flush();
        return new SegmentationResult(kept, rejected, tooShort, tooLong, thresholdLevel, params);
    }
}
