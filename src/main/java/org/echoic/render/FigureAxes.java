package org.echoic.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.echoic.dsp.StftParams;

/**
 * The axes of exported figures, each placing its ticks with the mapping its plot is painted with: time through
 * {@link #timeViewport} (the {@link Viewport} of the waveform, the samples per pixel of the spectrogram), frequency
 * through {@link SpectrogramRenderer#hzToY}, amplitude through {@link WaveformRenderer#toY}, and the colour bar's dB
 * through {@link SpectrogramRenderer#colourIndex}'s scale. Stateless; thread-safe.
 */
public final class FigureAxes {
    private FigureAxes() {
    }

    /**
     * The viewport that shows samples {@code [startSample, endSample)} across {@code widthPx} (no closer than
     * {@code minFramesPerPixel}; pass 0 for the spectrogram, which shows the range exactly).
     */
    public static Viewport timeViewport(long startSample, long endSample, double sampleRateHz, int widthPx,
                                        double minFramesPerPixel) {
        return new Viewport(startSample, Math.max(minFramesPerPixel, (endSample - startSample) / (double) widthPx),
                widthPx, 0, sampleRateHz / 2, Viewport.FrequencyScale.LINEAR);
    }

    /**
     * Time from the start of the recording: in ms when the range is under 1 s and ends before 10 s, as a clock
     * (m:ss, or h:mm:ss from an hour on) when it spans two minutes or more, else in seconds.
     */
    public static AxisTicks.Axis time(long startSample, long endSample, double sampleRateHz, double minFramesPerPixel) {
        double t0 = startSample / sampleRateHz;
        double t1 = endSample / sampleRateHz;
        boolean ms = t1 - t0 < 1 && t1 < 10;
        boolean clock = t1 - t0 >= 120;
        boolean hours = t1 >= 3600;
        String title = ms ? "Time (ms)" : clock ? (hours ? "Time (h:mm:ss)" : "Time (m:ss)") : "Time (s)";
        return axis(title, (len, extent) -> {
            Viewport vp = timeViewport(startSample, endSample, sampleRateHz, len, minFramesPerPixel);
            double visibleEnd = Math.min(t1, vp.endFrame() / sampleRateHz);
            java.util.function.DoubleUnaryOperator toPx = t -> vp.frameToX(t * sampleRateHz);
            if (clock) {
                return AxisTicks.clock(t0, visibleEnd, hours, toPx, extent, gap(extent));
            }
            return AxisTicks.uniform(t0, visibleEnd, ms ? 1e-3 : 1, toPx, extent,
                    Math.max(gap(extent), extent.applyAsDouble("000")));
        });
    }

    /** Frequency of a spectrogram painted with these settings, in kHz when the top is at least 2 kHz. */
    public static AxisTicks.Axis frequency(StftParams params, double sampleRateHz, double minHz, double maxHz,
                                           FrequencyAxis scale) {
        boolean khz = maxHz >= 2000;
        double unit = khz ? 1000 : 1;
        return axis(khz ? "Frequency (kHz)" : "Frequency (Hz)", (len, extent) -> {
            java.util.function.DoubleUnaryOperator toPx = hz -> SpectrogramRenderer.hzToY(hz, params, sampleRateHz,
                    minHz, maxHz, scale, len);
            double lo = scale == FrequencyAxis.LOG ? Math.max(minHz, sampleRateHz / params.nfft() / 2) : minHz;
            return scale == FrequencyAxis.LINEAR
                    ? AxisTicks.uniform(lo, maxHz, unit, toPx, extent, gap(extent))
                    : AxisTicks.decades(lo, maxHz, unit, toPx, extent, gap(extent));
        });
    }

    /** Amplitude of a waveform: linear over ±1/gain, or dBFS down to the centre line ("−∞"). */
    public static AxisTicks.Axis amplitude(WaveformParams params) {
        boolean db = params.scale() == WaveformParams.AmplitudeScale.DBFS;
        return axis(db ? "Amplitude (dBFS)" : "Amplitude", (len, extent) -> {
            if (!db) {
                double top = 1 / params.gain();
                return AxisTicks.uniform(-top, top, 1, v -> WaveformRenderer.toY(v, len, params) + 0.5, extent,
                        gap(extent));
            }
            double topDb = -20 * Math.log10(params.gain());
            double bottomDb = topDb - params.dbRangeDb();
            List<AxisTicks.Tick> upper = AxisTicks.uniform(bottomDb, topDb, 1,
                    d -> WaveformRenderer.toY(Math.pow(10, d / 20), len, params) + 0.5, extent, gap(extent));
            List<AxisTicks.Tick> ticks = new ArrayList<>();
            for (AxisTicks.Tick t : upper) {
                if (t.value() > bottomDb + 1e-9) {
                    double a = Math.pow(10, t.value() / 20);
                    ticks.add(new AxisTicks.Tick(a, t.px(), t.label()));
                    ticks.add(0, new AxisTicks.Tick(-a, WaveformRenderer.toY(-a, len, params) + 0.5, t.label()));
                }
            }
            double centre = WaveformRenderer.toY(0, len, params) + 0.5;
            boolean clear = ticks.stream().allMatch(t -> Math.abs(t.px() - centre) >= extent.applyAsDouble("0") * 1.5);
            if (clear) {
                ticks.add(ticks.size() / 2, new AxisTicks.Tick(0, centre, "\u2212\u221e"));
            }
            return ticks;
        });
    }

    /** The colour bar: dB from {@code floorDb} (bottom) to {@code floorDb + rangeDb} (top) over its height. */
    public static AxisTicks.Axis decibels(String title, double floorDb, double rangeDb) {
        return axis(title, (len, extent) -> AxisTicks.uniform(floorDb, floorDb + rangeDb, 1,
                v -> len * (1 - (v - floorDb) / rangeDb), extent, gap(extent)));
    }

    /**
     * A linear value axis over {@code [lo, hi]} (hi &gt; lo): left to right when horizontal, bottom to top when
     * vertical.
     */
    public static AxisTicks.Axis linear(String title, double lo, double hi, boolean vertical) {
        return axis(title, (len, extent) -> AxisTicks.uniform(lo, hi, 1,
                v -> vertical ? len * (1 - (v - lo) / (hi - lo)) : len * (v - lo) / (hi - lo), extent, gap(extent)));
    }

    /** The dB a row of a colour bar {@code heightPx} high shows (its centre). */
    public static double decibelsAtRow(int row, int heightPx, double floorDb, double rangeDb) {
        return floorDb + rangeDb * (1 - (row + 0.5) / heightPx);
    }

    /** Title of the colour bar for an STFT mode and scaling. */
    public static String levelTitle(StftParams params) {
        if (params.mode() == StftParams.Mode.MAGNITUDE) {
            return "Magnitude (dB)";
        }
        return params.scaling() == StftParams.Scaling.DENSITY ? "PSD (dB/Hz)" : "Power (dB)";
    }

    /** Labels keep at least 0.6 of a digit's extent apart (time labels keep three digits apart). */
    private static double gap(ToDoubleFunction<String> extent) {
        return Math.max(4, extent.applyAsDouble("0") * 0.6);
    }

    private interface TickFunction {
        List<AxisTicks.Tick> ticks(int lengthPx, ToDoubleFunction<String> extentPx);
    }

    private static AxisTicks.Axis axis(String title, TickFunction f) {
        return new AxisTicks.Axis() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public List<AxisTicks.Tick> ticks(int lengthPx, ToDoubleFunction<String> extentPx) {
                return f.ticks(lengthPx, extentPx);
            }
        };
    }
}
