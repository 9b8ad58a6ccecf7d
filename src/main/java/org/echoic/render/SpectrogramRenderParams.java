package org.echoic.render;

import org.echoic.dsp.ColorMap;

/**
 * What a spectrogram image shows: samples {@code [startSample, endSample)} across {@code width} pixels,
 * {@code [minHz, maxHz]} up {@code height} pixels on a frequency axis, colours from {@code floorDb}
 * (lowest colour) to {@code floorDb + rangeDb} (highest colour). {@code floorDb = NaN} means "the
 * image's maximum minus rangeDb". Immutable value.
 */
public record SpectrogramRenderParams(long startSample, long endSample, int width, int height, double minHz,
                                      double maxHz, FrequencyAxis axis, ColorMap colorMap, double floorDb,
                                      double rangeDb) {

    public SpectrogramRenderParams {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + " x " + height);
        }
        if (endSample <= startSample || startSample < 0) {
            throw new IllegalArgumentException("empty sample range [" + startSample + ", " + endSample + ")");
        }
        if (!(maxHz > minHz) || minHz < 0) {
            throw new IllegalArgumentException("bad frequency range [" + minHz + ", " + maxHz + "] Hz");
        }
        if (!(rangeDb > 0)) {
            throw new IllegalArgumentException("dB range must be positive: " + rangeDb);
        }
        if (axis == null || colorMap == null) {
            throw new IllegalArgumentException("axis and colour map are required");
        }
    }

    /** Samples per pixel column. */
    public double samplesPerPixel() {
        return (endSample - startSample) / (double) width;
    }
}
