package org.echoic.segment;

/**
 * The parameters of envelope-threshold segmentation (SEGMENTATION.md), with the defaults of the
 * original method. Lengths are in milliseconds and converted to frames with the recording's rate by
 * {@link #frames(double, double)}. Immutable; the {@code with…} methods make a changed copy for a UI.
 *
 * <p>{@code windowMs}, {@code channel} and the band ({@code bandLowHz}, {@code bandHighHz}) define the
 * envelope ({@link #envelopeSpec()}); changing them needs a new envelope. The other parameters are
 * "fast": a {@link SegmentationModel} re-segments from its cached envelope.
 *
 * @param windowMs            length of the centred moving average of |x|, in ms [4]
 * @param thresholdPercentile percentile of the envelope used as threshold, 0–100 [90]
 * @param thresholdDbfs       absolute threshold of the envelope in dBFS instead of the percentile; NaN = unused
 * @param minSpacingMs        runs whose gap is shorter than this are merged, in ms [2]
 * @param minLengthMs         a merged run is kept when strictly longer than this, in ms [15]
 * @param maxLengthMs         … and strictly shorter than this, in ms [500]
 * @param bufferMs            padding on both sides of a kept run, clamped to the recording, in ms [5]
 * @param channel             0-based channel or {@link org.echoic.audio.Recording#MEAN_CHANNEL} [-1]
 * @param bandLowHz           lower edge of the optional band-pass before the envelope; NaN = no band
 * @param bandHighHz          upper edge of the optional band-pass; NaN = no band
 */
public record SegmentationParams(double windowMs, double thresholdPercentile, double thresholdDbfs,
                                 double minSpacingMs, double minLengthMs, double maxLengthMs, double bufferMs,
                                 int channel, double bandLowHz, double bandHighHz) {

    /** The defaults of SEGMENTATION.md: 4 ms window, 90th percentile, 2 ms spacing, 15–500 ms, 5 ms buffer, mean channel. */
    public static final SegmentationParams DEFAULTS =
            new SegmentationParams(4, 90, Double.NaN, 2, 15, 500, 5, -1, Double.NaN, Double.NaN);

    public SegmentationParams {
        if (!(windowMs > 0) || Double.isInfinite(windowMs)) {
            throw new IllegalArgumentException("window must be a positive number of ms: " + windowMs);
        }
        if (!(thresholdPercentile >= 0 && thresholdPercentile <= 100)) {
            throw new IllegalArgumentException("percentile must lie in [0, 100]: " + thresholdPercentile);
        }
        if (Double.isInfinite(thresholdDbfs)) {
            throw new IllegalArgumentException("threshold in dBFS must be finite: " + thresholdDbfs);
        }
        requireNonNegative("min spacing", minSpacingMs);
        requireNonNegative("min length", minLengthMs);
        requireNonNegative("max length", maxLengthMs);
        requireNonNegative("buffer", bufferMs);
        if (channel < -1) {
            throw new IllegalArgumentException("channel must be 0-based or -1 for the mean: " + channel);
        }
        if (Double.isNaN(bandLowHz) != Double.isNaN(bandHighHz)) {
            throw new IllegalArgumentException("a band needs both edges (low and high Hz)");
        }
        if (!Double.isNaN(bandLowHz) && !(bandLowHz >= 0 && bandHighHz > bandLowHz && Double.isFinite(bandHighHz))) {
            throw new IllegalArgumentException("band must satisfy 0 <= low < high: " + bandLowHz + ":" + bandHighHz);
        }
    }

    private static void requireNonNegative(String what, double ms) {
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException(what + " must be a non-negative number of ms: " + ms);
        }
    }

    /** A length in ms as frames: {@code round(ms · rate / 1000)}. */
    public static long frames(double ms, double sampleRateHz) {
        return Math.round(ms * sampleRateHz / 1000.0);
    }

    /** True when an absolute dBFS threshold replaces the percentile. */
    public boolean usesAbsoluteThreshold() {
        return !Double.isNaN(thresholdDbfs);
    }

    /** True when the envelope is computed on a band-passed signal. */
    public boolean hasBand() {
        return !Double.isNaN(bandLowHz);
    }

    /** The parameters that define the envelope (changing them needs a new envelope). */
    public EnvelopeSpec envelopeSpec() {
        return new EnvelopeSpec(windowMs, channel, bandLowHz, bandHighHz);
    }

    public SegmentationParams withWindowMs(double v) {
        return new SegmentationParams(v, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz);
    }

    /** The percentile threshold (clears an absolute dBFS threshold). */
    public SegmentationParams withPercentile(double v) {
        return new SegmentationParams(windowMs, v, Double.NaN, minSpacingMs, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz);
    }

    /** An absolute threshold in dBFS; NaN returns to the percentile. */
    public SegmentationParams withThresholdDbfs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, v, minSpacingMs, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz);
    }

    public SegmentationParams withMinSpacingMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, v, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz);
    }

    public SegmentationParams withMinLengthMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, v, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz);
    }

    public SegmentationParams withMaxLengthMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs, v,
                bufferMs, channel, bandLowHz, bandHighHz);
    }

    public SegmentationParams withBufferMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, v, channel, bandLowHz, bandHighHz);
    }

    public SegmentationParams withChannel(int v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, bufferMs, v, bandLowHz, bandHighHz);
    }

    /** A band [low, high] in Hz; NaN, NaN removes it. */
    public SegmentationParams withBand(double lowHz, double highHz) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, bufferMs, channel, lowHz, highHz);
    }
}
