package org.echoic.segment;

/**
 * The parameters of envelope-threshold segmentation (SEGMENTATION.md, and what Echoic adds to it). Lengths are in
 * milliseconds and converted to frames with the recording's rate by {@link #frames(double, double)}. Immutable; the
 * {@code with…} methods make a changed copy for a UI.
 *
 * <p>{@code windowMs}, {@code channel}, the band ({@code bandLowHz}, {@code bandHighHz}) and the high-pass define
 * the envelope ({@link #envelopeSpec()}); changing them needs a new envelope. The other parameters are "fast": a
 * {@link SegmentationModel} re-segments from its cached envelope.
 *
 * <p>Two presets: {@link #ORIGINAL}, the method of SEGMENTATION.md with its defaults (90th percentile, 15–500 ms,
 * padded neighbours may overlap), and {@link #DEFAULTS}, Echoic's defaults for field recordings without references:
 * a 200 Hz high-pass (DC offsets, hum, handling and wind rumble), a threshold 10 dB above the envelope's noise floor
 * (its {@value #NOISE_PERCENTILE}th percentile) instead of a percentile of the whole envelope (which takes only the
 * loudest notes of a song and finds "calls" in pure noise), 10 ms spacing, 10–3,000 ms, and padding that never makes
 * neighbours overlap.
 *
 * @param windowMs            length of the centred moving average of |x|, in ms
 * @param thresholdPercentile percentile of the envelope used as threshold, 0–100 (when neither of the next two is set)
 * @param thresholdDbfs       absolute threshold of the envelope in dBFS; NaN = unused (overrides the others)
 * @param minSpacingMs        runs whose gap is shorter than this are merged, in ms
 * @param minLengthMs         a merged run is kept when strictly longer than this, in ms
 * @param maxLengthMs         … and strictly shorter than this, in ms
 * @param bufferMs            padding on both sides of a kept run, clamped to the recording, in ms
 * @param channel             0-based channel or {@link org.echoic.audio.Recording#MEAN_CHANNEL}
 * @param bandLowHz           lower edge of the optional band-pass before the envelope; NaN = no band
 * @param bandHighHz          upper edge of the optional band-pass; NaN = no band
 * @param highPassHz          high-pass edge before the envelope when no band is set, in Hz; NaN = none
 * @param aboveNoiseDb        threshold in dB above the noise floor (the {@value #NOISE_PERCENTILE}th percentile of
 *                            the envelope); NaN = the percentile threshold
 * @param overlapFree         padding stops half-way between neighbours, so kept segments never overlap
 */
public record SegmentationParams(double windowMs, double thresholdPercentile, double thresholdDbfs,
                                 double minSpacingMs, double minLengthMs, double maxLengthMs, double bufferMs,
                                 int channel, double bandLowHz, double bandHighHz, double highPassHz,
                                 double aboveNoiseDb, boolean overlapFree) {

    /** The percentile of the envelope taken as its noise floor. */
    public static final double NOISE_PERCENTILE = 20;

    /** SEGMENTATION.md's method and defaults: 4 ms, 90th percentile, 2 ms spacing, 15–500 ms, 5 ms buffer, mean. */
    public static final SegmentationParams ORIGINAL =
            new SegmentationParams(4, 90, Double.NaN, 2, 15, 500, 5, -1, Double.NaN, Double.NaN);

    /**
     * Echoic's defaults: 4 ms window, 200 Hz high-pass, 10 dB above the noise floor, 10 ms spacing, 10–3,000 ms, 5 ms
     * buffer without overlaps, mean channel.
     */
    public static final SegmentationParams DEFAULTS = new SegmentationParams(4, 90, Double.NaN, 10, 10, 3000, 5, -1,
            Double.NaN, Double.NaN, 200, 10, true);

    /** Parameters of the original method (no high-pass, percentile or dBFS threshold, padding may overlap). */
    public SegmentationParams(double windowMs, double thresholdPercentile, double thresholdDbfs, double minSpacingMs,
                              double minLengthMs, double maxLengthMs, double bufferMs, int channel, double bandLowHz,
                              double bandHighHz) {
        this(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs, maxLengthMs, bufferMs, channel,
                bandLowHz, bandHighHz, Double.NaN, Double.NaN, false);
    }

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
        if (!Double.isNaN(highPassHz) && !(highPassHz > 0 && Double.isFinite(highPassHz))) {
            throw new IllegalArgumentException("high-pass must be a positive number of Hz: " + highPassHz);
        }
        if (!Double.isNaN(aboveNoiseDb) && !(aboveNoiseDb >= 0 && aboveNoiseDb <= 120)) {
            throw new IllegalArgumentException("the threshold above the noise floor must be 0 to 120 dB: "
                    + aboveNoiseDb);
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

    /** True when the threshold is {@code aboveNoiseDb} above the noise floor (and no dBFS threshold is set). */
    public boolean usesNoiseThreshold() {
        return !usesAbsoluteThreshold() && !Double.isNaN(aboveNoiseDb);
    }

    /** True when the envelope is computed on a band-passed signal. */
    public boolean hasBand() {
        return !Double.isNaN(bandLowHz);
    }

    /** True when the envelope is computed on a high-passed signal (a high-pass is set and no band). */
    public boolean hasHighPass() {
        return !hasBand() && !Double.isNaN(highPassHz);
    }

    /** The parameters that define the envelope (changing them needs a new envelope). */
    public EnvelopeSpec envelopeSpec() {
        return new EnvelopeSpec(windowMs, channel, bandLowHz, bandHighHz, hasHighPass() ? highPassHz : Double.NaN);
    }

    public SegmentationParams withWindowMs(double v) {
        return new SegmentationParams(v, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    /** The percentile threshold (clears a dBFS threshold and the one above the noise floor). */
    public SegmentationParams withPercentile(double v) {
        return new SegmentationParams(windowMs, v, Double.NaN, minSpacingMs, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz, highPassHz, Double.NaN, overlapFree);
    }

    /** An absolute threshold in dBFS; NaN returns to the percentile or noise-floor threshold. */
    public SegmentationParams withThresholdDbfs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, v, minSpacingMs, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    /** A threshold {@code db} above the noise floor (clears a dBFS threshold); NaN returns to the percentile. */
    public SegmentationParams withAboveNoiseDb(double db) {
        return new SegmentationParams(windowMs, thresholdPercentile, Double.NaN, minSpacingMs, minLengthMs,
                maxLengthMs, bufferMs, channel, bandLowHz, bandHighHz, highPassHz, db, overlapFree);
    }

    public SegmentationParams withMinSpacingMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, v, minLengthMs, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    public SegmentationParams withMinLengthMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, v, maxLengthMs,
                bufferMs, channel, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    public SegmentationParams withMaxLengthMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs, v,
                bufferMs, channel, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    public SegmentationParams withBufferMs(double v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, v, channel, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    public SegmentationParams withChannel(int v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, bufferMs, v, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    /** A band [low, high] in Hz; NaN, NaN removes it. */
    public SegmentationParams withBand(double lowHz, double highHz) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, bufferMs, channel, lowHz, highHz, highPassHz, aboveNoiseDb, overlapFree);
    }

    /** A high-pass edge in Hz (used when no band is set); NaN removes it. */
    public SegmentationParams withHighPassHz(double hz) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, bufferMs, channel, bandLowHz, bandHighHz, hz, aboveNoiseDb, overlapFree);
    }

    /** Whether padding stops half-way between neighbours (no overlaps). */
    public SegmentationParams withOverlapFree(boolean v) {
        return new SegmentationParams(windowMs, thresholdPercentile, thresholdDbfs, minSpacingMs, minLengthMs,
                maxLengthMs, bufferMs, channel, bandLowHz, bandHighHz, highPassHz, aboveNoiseDb, v);
    }
}
