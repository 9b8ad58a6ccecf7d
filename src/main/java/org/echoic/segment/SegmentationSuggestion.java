package org.echoic.segment;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Executor;

import org.echoic.audio.Recording;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;

/**
 * A first-run suggestion of the band and the length limits for a recording, from the recording alone (no
 * references): the band is where the loud moments stand out from the noise (per frequency bin, the 98th percentile
 * of the power over time at least {@value #EXCESS_DB} dB above its 20th percentile; the 2–98 % span of that excess
 * power, widened by 20 %), the maximum length is 1.5 × the longest run the segmenter finds in that band (so no call
 * is rejected as too long). The spectrum is taken from at most {@value #EXCERPTS} excerpts of
 * {@value #EXCERPT_SECONDS} s spread over the recording, so an hour costs as much as a minute. Stateless;
 * thread-safe; call it off the UI thread.
 */
public final class SegmentationSuggestion {
    /**
     * How far above the noise a bin's loud moments must be for the band, in dB: noise alone spreads its power per
     * frame over about 12.4 dB between these percentiles (exponentially distributed), more in the Nyquist bin (one
     * degree of freedom), which is therefore left out.
     */
    static final double EXCESS_DB = 20;
    static final int EXCERPTS = 30;
    static final double EXCERPT_SECONDS = 2;
    /** The longest maximum length suggested, in ms. */
    static final double LONGEST_MS = 60_000;

    /**
     * The suggestion and why.
     *
     * @param params the starting parameters with the suggested band (when one was found) and maximum length
     * @param why    one line saying what was found
     */
    public record Suggestion(SegmentationParams params, String why) {
    }

    private SegmentationSuggestion() {
    }

    /** Suggests band and maximum length for {@code rec}, starting from {@code base} (its other settings kept). */
    public static Suggestion suggest(Recording rec, SegmentationParams base, Executor executor)
            throws InterruptedException, IOException {
        double[] band = band(rec, base.channel(), executor);
        SegmentationParams p = band == null ? base : base.withBand(band[0], band[1]);
        SegmentationParams all = p.withMinLengthMs(base.minLengthMs()).withMaxLengthMs(LONGEST_MS * 10);
        double longestMs = 0;
        try (SegmentationModel m = new SegmentationModel(rec)) {
            for (Segment s : m.segments(all.withBufferMs(0), executor, null).segments()) {
                longestMs = Math.max(longestMs, s.lengthFrames() * 1000.0 / rec.sampleRateHz());
            }
        }
        double maxMs = longestMs > 0 ? Math.min(LONGEST_MS, niceCeiling(1.5 * longestMs)) : base.maxLengthMs();
        p = p.withMaxLengthMs(Math.max(maxMs, base.minLengthMs() + 1));
        String bandText = band == null ? "no band stands out from the noise (the high-pass stays)"
                : String.format(java.util.Locale.ROOT, "band %.0f–%.0f Hz", band[0], band[1]);
        return new Suggestion(p, String.format(java.util.Locale.ROOT, "%s; longest call %.0f ms, so at most %.0f ms",
                bandText, longestMs, p.maxLengthMs()));
    }

    /** The band {low, high} in Hz where the recording's loud moments stand out from its noise, or null. */
    static double[] band(Recording rec, int channel, Executor executor) throws InterruptedException {
        double rate = rec.sampleRateHz();
        int nperseg = Integer.highestOneBit((int) Math.max(256, Math.min(4096, rate * 0.023)));
        StftParams params = new StftParams(nperseg, nperseg / 2, nperseg, WindowFunction.HANN,
                StftParams.Detrend.CONSTANT, StftParams.Scaling.DENSITY, StftParams.Mode.PSD);
        long excerpt = (long) Math.max(nperseg * 4, EXCERPT_SECONDS * rate);
        long total = rec.frames();
        if (total < nperseg * 2L) {
            return null;
        }
        int count = total <= excerpt * EXCERPTS ? 1 : EXCERPTS;
        long length = count == 1 ? total : excerpt;
        int bins = params.bins();
        float[][] perBin = new float[bins][];
        int frames = 0;
        for (int e = 0; e < count; e++) {
            long start = count == 1 ? 0 : (total - length) * e / (count - 1);
            Spectrogram s = Stft.spectrogram(rec, channel, start, start + length, params, executor, 1, null);
            for (int k = 0; k < bins; k++) {
                float[] old = perBin[k] == null ? new float[0] : perBin[k];
                float[] grown = Arrays.copyOf(old, old.length + s.frames());
                for (int t = 0; t < s.frames(); t++) {
                    grown[old.length + t] = s.get(k, t);
                }
                perBin[k] = grown;
            }
            frames += s.frames();
        }
        if (frames < 8) {
            return null;
        }
        double binHz = rate / nperseg;
        double[] weight = new double[bins];
        double sum = 0;
        for (int k = 0; k < bins; k++) {
            float[] v = perBin[k];
            Arrays.sort(v);
            double noise = v[(int) (0.20 * (v.length - 1))];
            double loud = v[(int) (0.98 * (v.length - 1))];
            double excessDb = 10 * Math.log10(Math.max(loud, 1e-30) / Math.max(noise, 1e-30));
            if (excessDb >= EXCESS_DB && k * binHz >= 100 && k < bins - 1) {
                weight[k] = Math.pow(10, excessDb / 10) - 1;
                sum += weight[k];
            }
        }
        if (sum <= 0) {
            return null;
        }
        double acc = 0;
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (int k = 0; k < bins; k++) {
            acc += weight[k] / sum;
            if (Double.isNaN(lo) && acc >= 0.02) {
                lo = k * binHz;
            }
            if (Double.isNaN(hi) && acc >= 0.98) {
                hi = k * binHz;
            }
        }
        double nyquist = rate / 2;
        lo = Math.max(0, lo * 0.8);
        hi = Math.min(nyquist, Math.max(hi * 1.2, lo + 2 * binHz));
        return new double[] {Math.floor(lo), hi >= nyquist - binHz ? nyquist : Math.ceil(hi)};
    }

    /** The smallest 1, 2 or 5 × 10^k at least {@code v} (v &gt; 0): round limits for lengths and slider ranges. */
    public static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
