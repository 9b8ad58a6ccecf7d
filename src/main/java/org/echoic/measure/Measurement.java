package org.echoic.measure;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The measurement columns, with Raven Pro 1.6's names and units (e.g. {@code Peak Freq (Hz)}), in table order.
 * Pitch columns are NaN for a selection measured without F0. Immutable.
 */
public enum Measurement {
    BEGIN_TIME("Begin Time (s)", 6, m -> m.spectral().beginSeconds()),
    END_TIME("End Time (s)", 6, m -> m.spectral().endSeconds()),
    DELTA_TIME("Delta Time (s)", 6, m -> m.spectral().endSeconds() - m.spectral().beginSeconds()),
    LOW_FREQ("Low Freq (Hz)", 3, m -> m.spectral().lowHz()),
    HIGH_FREQ("High Freq (Hz)", 3, m -> m.spectral().highHz()),
    DELTA_FREQ("Delta Freq (Hz)", 3, m -> m.spectral().highHz() - m.spectral().lowHz()),
    PEAK_FREQ("Peak Freq (Hz)", 3, m -> m.spectral().peakHz()),
    PEAK_TIME("Peak Time (s)", 6, m -> m.spectral().peakSeconds()),
    PEAK_POWER_DENSITY("Peak Power Density (dB FS/Hz)", 2, m -> m.spectral().peakDb()),
    AVG_POWER_DENSITY("Avg Power Density (dB FS/Hz)", 2, m -> m.spectral().avgPowerDb()),
    CENTER_FREQ("Center Freq (Hz)", 3, m -> m.spectral().centerFreqHz()),
    FREQ_5("Freq 5% (Hz)", 3, m -> m.spectral().freq5Hz()),
    FREQ_25("Freq 25% (Hz)", 3, m -> m.spectral().freq25Hz()),
    FREQ_75("Freq 75% (Hz)", 3, m -> m.spectral().freq75Hz()),
    FREQ_95("Freq 95% (Hz)", 3, m -> m.spectral().freq95Hz()),
    BW_90("BW 90% (Hz)", 3, m -> m.spectral().bandwidth90Hz()),
    IQR_BW("IQR BW (Hz)", 3, m -> m.spectral().iqrBandwidthHz()),
    CENTER_TIME("Center Time (s)", 6, m -> m.spectral().centerTimeSeconds()),
    TIME_5("Time 5% (s)", 6, m -> m.spectral().time5Seconds()),
    TIME_25("Time 25% (s)", 6, m -> m.spectral().time25Seconds()),
    TIME_75("Time 75% (s)", 6, m -> m.spectral().time75Seconds()),
    TIME_95("Time 95% (s)", 6, m -> m.spectral().time95Seconds()),
    DUR_90("Dur 90% (s)", 6, m -> m.spectral().duration90Seconds()),
    IQR_DUR("IQR Dur (s)", 6, m -> m.spectral().iqrDurationSeconds()),
    AVG_ENTROPY("Avg Entropy (bits)", 4, m -> m.spectral().avgEntropyBits()),
    AGG_ENTROPY("Agg Entropy (bits)", 4, m -> m.spectral().aggEntropyBits()),
    ENERGY("Energy (dB FS)", 2, m -> m.spectral().energyDb()),
    MEAN_F0("Mean F0 (Hz)", 2, m -> m.pitch() == null ? Double.NaN : m.pitch().meanHz()),
    MIN_F0("Min F0 (Hz)", 2, m -> m.pitch() == null ? Double.NaN : m.pitch().minHz()),
    MAX_F0("Max F0 (Hz)", 2, m -> m.pitch() == null ? Double.NaN : m.pitch().maxHz()),
    VOICED("Voiced (%)", 1, m -> m.pitch() == null ? Double.NaN : 100 * m.pitch().voicedFraction());

    private final String column;
    private final int decimals;
    private final ToDoubleFunction<MeasuredSelection> value;

    Measurement(String column, int decimals, ToDoubleFunction<MeasuredSelection> value) {
        this.column = column;
        this.decimals = decimals;
        this.value = value;
    }

    /** The column name with its unit, as Raven writes it. */
    public String column() {
        return column;
    }

    /** The value of this measurement for {@code m} (NaN when undefined). */
    public double valueOf(MeasuredSelection m) {
        return value.applyAsDouble(m);
    }

    /** The value as table text: fixed decimals (trailing zeros dropped), empty when undefined. */
    public String format(MeasuredSelection m) {
        double v = valueOf(m);
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /** True for the F0 summary columns. */
    public boolean isPitch() {
        return this == MEAN_F0 || this == MIN_F0 || this == MAX_F0 || this == VOICED;
    }

    /** True for the selection's own bounds (Begin/End Time, Low/High Freq), which tables already carry. */
    public boolean isBound() {
        return this == BEGIN_TIME || this == END_TIME || this == LOW_FREQ || this == HIGH_FREQ;
    }

    /** Every measurement except the bounds; with {@code pitch}, the F0 columns too. */
    public static Set<Measurement> defaults(boolean pitch) {
        Set<Measurement> s = EnumSet.noneOf(Measurement.class);
        for (Measurement m : values()) {
            if (!m.isBound() && (pitch || !m.isPitch())) {
                s.add(m);
            }
        }
        return s;
    }

    /** Parses a comma-separated list of column names (as written, case-insensitive) or enum names. */
    public static Set<Measurement> parseList(String text) {
        Set<Measurement> s = EnumSet.noneOf(Measurement.class);
        for (String part : List.of(text.split(","))) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            s.add(parse(t));
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no measurement named in \"" + text + "\"");
        }
        return s;
    }

    private static Measurement parse(String name) {
        for (Measurement m : values()) {
            if (m.column.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)
                    || m.column.replaceAll(" \\(.*\\)$", "").equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown measurement \"" + name + "\" (known: e.g. \"Peak Freq\", "
                + "\"Freq 5%\", \"BW 90%\", \"Avg Entropy\", \"Mean F0\")");
    }
}
