package org.echoic.embed;

import org.echoic.segment.Segment;

/**
 * The AVGN-style baseline embedding (Sainburg, Thielk and Gentner 2020): a segment's log-scaled frames resampled
 * by linear interpolation to {@code timeBins} frames and flattened band by band, followed by
 * {@code durationWeight · log2(duration / 100 ms)} repeated {@code DURATION_COPIES} times (the time
 * normalisation would otherwise hide how long a call is). Stateless; thread-safe.
 */
public final class SpectrogramEmbedding {
    /** How many values carry the duration. */
    public static final int DURATION_COPIES = 4;

    private SpectrogramEmbedding() {
    }

    /** The length of an embedding of frames of {@code bands} resampled to {@code timeBins}. */
    public static int length(int bands, int timeBins) {
        return bands * timeBins + DURATION_COPIES;
    }

    /** The embedding of {@code frames} of a segment lasting {@code durationSeconds}. */
    public static float[] of(SegmentFrames.Frames frames, double durationSeconds, int timeBins,
                             double durationWeight) {
        int bands = frames.bands();
        float[] out = new float[length(bands, timeBins)];
        float[] resampled = resample(frames, timeBins);
        System.arraycopy(resampled, 0, out, 0, resampled.length);
        float d = (float) (durationWeight * Math.log(Math.max(durationSeconds, 1e-4) / 0.1) / Math.log(2));
        for (int i = 0; i < DURATION_COPIES; i++) {
            out[bands * timeBins + i] = d;
        }
        return out;
    }

    /**
     * The frames resampled to {@code timeBins} columns (row-major (bands, timeBins)): the mean of the frames under
     * each column when there are more frames than columns, linear interpolation otherwise.
     */
    public static float[] resample(SegmentFrames.Frames frames, int timeBins) {
        int bands = frames.bands();
        int t = frames.frames();
        float[] out = new float[bands * timeBins];
        for (int j = 0; j < timeBins; j++) {
            if (t >= timeBins) {
                int lo = (int) ((long) j * t / timeBins);
                int hi = (int) Math.max(lo + 1, (long) (j + 1) * t / timeBins);
                for (int b = 0; b < bands; b++) {
                    double sum = 0;
                    for (int i = lo; i < hi; i++) {
                        sum += frames.get(b, i);
                    }
                    out[b * timeBins + j] = (float) (sum / (hi - lo));
                }
                continue;
            }
            double pos = t == 1 ? 0 : Math.max(0, Math.min(t - 1, (j + 0.5) * t / timeBins - 0.5));
            int i0 = (int) Math.floor(pos);
            int i1 = Math.min(t - 1, i0 + 1);
            double w = pos - i0;
            for (int b = 0; b < bands; b++) {
                out[b * timeBins + j] = (float) ((1 - w) * frames.get(b, i0) + w * frames.get(b, i1));
            }
        }
        return out;
    }

    /** Convenience: the duration of {@code segment} at {@code sampleRateHz}. */
    public static double durationSeconds(Segment segment, double sampleRateHz) {
        return (segment.endFrame() - segment.startFrame()) / sampleRateHz;
    }
}
