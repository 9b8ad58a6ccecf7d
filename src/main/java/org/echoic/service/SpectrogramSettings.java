package org.echoic.service;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.render.FrequencyAxis;
import org.echoic.render.SpectrogramRenderParams;

/**
 * Everything the spectrogram view shows besides the time range: the STFT settings (PSD or magnitude mode), the
 * colour scale ({@code floorDb} NaN = the image's maximum minus {@code rangeDb}), the colour map, the frequency axis
 * and the band {@code [minHz, maxHz]} ({@code maxHz} NaN = the Nyquist frequency). Immutable value; thread-safe.
 */
public record SpectrogramSettings(StftParams stft, ColorMap colorMap, FrequencyAxis axis, double minHz, double maxHz,
                                  double floorDb, double rangeDb) {

    /** 256/128 Hann PSD, viridis, linear 0 Hz to Nyquist, 80 dB below the image's maximum. */
    public static final SpectrogramSettings DEFAULT = new SpectrogramSettings(StftParams.DEFAULT, ColorMap.VIRIDIS,
            FrequencyAxis.LINEAR, 0, Double.NaN, Double.NaN, 80);

    public SpectrogramSettings {
        if (stft == null || colorMap == null || axis == null) {
            throw new IllegalArgumentException("STFT settings, colour map and axis are required");
        }
        if (stft.mode() == StftParams.Mode.COMPLEX) {
            throw new IllegalArgumentException("the spectrogram view shows PSD or magnitude, not complex values");
        }
        if (!(minHz >= 0) || (!Double.isNaN(maxHz) && !(maxHz > minHz))) {
            throw new IllegalArgumentException("bad band [" + minHz + ", " + maxHz + "] Hz");
        }
        if (!(rangeDb > 0)) {
            throw new IllegalArgumentException("dB range must be positive: " + rangeDb);
        }
    }

    /** The top of the band for a recording at {@code sampleRateHz}. */
    public double maxHzFor(double sampleRateHz) {
        double nyquist = sampleRateHz / 2;
        return Double.isNaN(maxHz) ? nyquist : Math.min(maxHz, nyquist);
    }

    /** The bottom of the band, above 0 on a log axis (half a bin) and below the top. */
    public double minHzFor(double sampleRateHz) {
        double top = maxHzFor(sampleRateHz);
        double lo = axis == FrequencyAxis.LOG ? Math.max(minHz, sampleRateHz / stft.nfft() / 2) : minHz;
        return Math.min(lo, top * 0.999);
    }

    /** Render parameters for samples {@code [startSample, endSample)} in an image {@code width} x {@code height}. */
    public SpectrogramRenderParams renderParams(long startSample, long endSample, int width, int height,
                                                double sampleRateHz) {
        return new SpectrogramRenderParams(startSample, endSample, width, height, minHzFor(sampleRateHz),
                maxHzFor(sampleRateHz), axis, colorMap, floorDb, rangeDb);
    }

    /** These settings as a project keeps them. */
    public org.echoic.project.SpectrogramSettings toProject() {
        return new org.echoic.project.SpectrogramSettings(stft, colorMap, floorDb, rangeDb, axis.name(), minHz, maxHz);
    }

    /** The settings a project keeps, for the view. */
    public static SpectrogramSettings fromProject(org.echoic.project.SpectrogramSettings p) {
        return new SpectrogramSettings(p.stft().mode() == StftParams.Mode.COMPLEX ? DEFAULT.stft() : p.stft(),
                p.colorMap(), FrequencyAxis.valueOf(p.axis()), p.minHz(), p.maxHz(), p.floorDb(), p.rangeDb());
    }

    public SpectrogramSettings withStft(StftParams p) {
        return new SpectrogramSettings(p, colorMap, axis, minHz, maxHz, floorDb, rangeDb);
    }

    public SpectrogramSettings withColorMap(ColorMap m) {
        return new SpectrogramSettings(stft, m, axis, minHz, maxHz, floorDb, rangeDb);
    }

    public SpectrogramSettings withAxis(FrequencyAxis a) {
        return new SpectrogramSettings(stft, colorMap, a, minHz, maxHz, floorDb, rangeDb);
    }

    /** The band {@code [lowHz, highHz]}; {@code highHz} NaN = up to Nyquist. */
    public SpectrogramSettings withBand(double lowHz, double highHz) {
        return new SpectrogramSettings(stft, colorMap, axis, lowHz, highHz, floorDb, rangeDb);
    }

    /** The colour scale: lowest colour at {@code newFloorDb} (NaN = automatic), {@code newRangeDb} to the highest. */
    public SpectrogramSettings withLevels(double newFloorDb, double newRangeDb) {
        return new SpectrogramSettings(stft, colorMap, axis, minHz, maxHz, newFloorDb, newRangeDb);
    }
}
