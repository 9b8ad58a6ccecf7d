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
 */
public record SpectrogramSettings(StftParams stft, ColorMap colorMap, double floorDb, double rangeDb, String axis) {

    /** The axis names accepted. */
    public static final Set<String> AXES = Set.of("LINEAR", "LOG", "MEL");

    /** The workbench's defaults: {@link StftParams#DEFAULT}, viridis, 80 dB below the maximum, linear axis. */
    public static final SpectrogramSettings DEFAULT =
            new SpectrogramSettings(StftParams.DEFAULT, ColorMap.VIRIDIS, Double.NaN, 80, "LINEAR");

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
        if (axis == null || !AXES.contains(axis)) {
            throw new IllegalArgumentException("frequency axis must be one of " + AXES + ": " + axis);
        }
    }
}
