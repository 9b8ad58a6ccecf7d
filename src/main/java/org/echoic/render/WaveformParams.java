package org.echoic.render;

/**
 * How a waveform lane scales amplitude. Immutable.
 *
 * @param scale      linear amplitude or decibels relative to full scale
 * @param gain       vertical zoom: 1 shows full scale (±1) over the lane's height, 2 shows ±0.5, …
 * @param dbRangeDb  in {@link AmplitudeScale#DBFS}, the level (below 0 dBFS) that maps to the centre line
 */
public record WaveformParams(AmplitudeScale scale, double gain, double dbRangeDb) {

    /** Full scale, linear, 60 dB range for the dB scale. */
    public static final WaveformParams DEFAULT = new WaveformParams(AmplitudeScale.LINEAR, 1, 60);

    /** Vertical axis of a waveform. */
    public enum AmplitudeScale { LINEAR, DBFS }

    public WaveformParams {
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("amplitude gain must be positive: " + gain);
        }
        if (!(dbRangeDb > 0) || Double.isInfinite(dbRangeDb)) {
            throw new IllegalArgumentException("dB range must be positive: " + dbRangeDb);
        }
    }

    public WaveformParams withGain(double newGain) {
        return new WaveformParams(scale, newGain, dbRangeDb);
    }

    public WaveformParams withScale(AmplitudeScale newScale) {
        return new WaveformParams(newScale, gain, dbRangeDb);
    }

    /**
     * Position of amplitude {@code value} on the axis: 0 at the centre, ±1 at the top and bottom edges (beyond
     * means clipped). Odd and monotone in {@code value}, so envelopes stay envelopes.
     */
    public double toAxis(double value) {
        double v = value * gain;
        if (scale == AmplitudeScale.LINEAR) {
            return v;
        }
        double a = Math.abs(v);
        if (a == 0) {
            return 0;
        }
        double f = Math.max(0, 1 + 20 * Math.log10(a) / dbRangeDb);
        return Math.copySign(f, v);
    }

    /** The amplitude at axis position {@code axis} in [-1, 1] (inverse of {@link #toAxis}). */
    public double fromAxis(double axis) {
        if (scale == AmplitudeScale.LINEAR) {
            return axis / gain;
        }
        if (axis == 0) {
            return 0;
        }
        double a = Math.pow(10, (Math.abs(axis) - 1) * dbRangeDb / 20) / gain;
        return Math.copySign(a, axis);
    }
}
