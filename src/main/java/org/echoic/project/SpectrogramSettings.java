package org.echoic.project;

import java.util.Set;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;

/**
 * The spectrogram settings of a project: the STFT and how it is drawn. Immutable value.
 *
 * @param stft      the transform
 * @param colorMap  colours from low to high level
 * @param floorDb   level of the lowest colour in dB; NaN = the image's maximum minus {@code rangeDb}
 * @param rangeDb   dB from the lowest to the highest colour, positive
 * @param axis      frequency axis by name: {@code LINEAR}, {@code LOG} or {@code MEL} (the names of
 *                  {@code render.FrequencyAxis}, which this core package cannot use)
 * @param minHz     bottom of the band shown, in Hz (format 1.2; 0 before)
 * @param maxHz     top of the band shown, in Hz; NaN = the Nyquist frequency
 */
public record SpectrogramSettings(StftParams stft, ColorMap colorMap, double floorDb, double rangeDb, String axis,
                                  double minHz, double maxHz) {

    /** The axis names accepted. */
    public static final Set<String> AXES = Set.of("LINEAR", "LOG", "MEL");

    /** The workbench's defaults: {@link StftParams#DEFAULT}, viridis, 80 dB below the maximum, linear axis. */
    public static final SpectrogramSettings DEFAULT =
            new SpectrogramSettings(StftParams.DEFAULT, ColorMap.VIRIDIS, Double.NaN, 80, "LINEAR");

    /** Settings showing 0 Hz to the Nyquist frequency. */
    public SpectrogramSettings(StftParams stft, ColorMap colorMap, double floorDb, double rangeDb, String axis) {
        this(stft, colorMap, floorDb, rangeDb, axis, 0, Double.NaN);
    }

    public SpectrogramSettings {
        if (stft == null || colorMap == null) {
            throw new IllegalArgumentException("STFT settings and colour map are required");
        }
        if (!(rangeDb > 0) || Double.isInfinite(rangeDb)) {
            throw new IllegalArgumentException("dB range must be positive: " + rangeDb);
        }
        if (Double.isInfinite(floorDb)) {
            throw new IllegalArgumentException("dB floor must be finite or NaN (automatic): " + floorDb);
        }
        if (!(minHz >= 0) || Double.isInfinite(minHz) || (!Double.isNaN(maxHz) && !(maxHz > minHz))) {
            throw new IllegalArgumentException("band must satisfy 0 <= low < high (Hz): " + minHz + ":" + maxHz);
        }
        if (axis == null || !AXES.contains(axis)) {
            throw new IllegalArgumentException("frequency axis must be one of " + AXES + ": " + axis);
        }
    }
}
