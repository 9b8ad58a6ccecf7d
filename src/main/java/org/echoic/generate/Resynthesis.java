package org.echoic.generate;

import java.util.function.DoubleConsumer;

import org.echoic.dsp.GriffinLim;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.StftParams;

/**
 * Frames to sound: the scaling is undone to a magnitude spectrogram ({@link org.echoic.dsp.SpectralFrames#toMagnitude})
 * and Griffin-Lim (fast variant, momentum {@value #MOMENTUM}) reconstructs a signal with the model's STFT
 * settings, {@code nperseg + (T − 1)·hop} samples long. The overlap-add divides by the summed squared
 * windows, which tend to 0 in the first and last {@code nperseg − hop} samples and would turn phase errors
 * there into loud clicks; those edge samples are scaled as if silent frames continued the sequence (by the
 * ratio of their window coverage to the full coverage at the same phase). The result is normalised to a peak
 * of {@value #PEAK_DBFS} dBFS (silence stays silent). Pure Java: any thread. Stateless; thread-safe.
 */
public final class Resynthesis {
    /** Default Griffin-Lim iterations. */
    public static final int DEFAULT_ITERATIONS = 64;
    /** Fast Griffin-Lim momentum. */
    public static final double MOMENTUM = 0.99;
    /** Peak level after normalisation, dBFS. */
    public static final double PEAK_DBFS = -1;

    private Resynthesis() {
    }

    /**
     * A mono signal and its rate.
     *
     * @param samples              normalised samples in [−1, 1]
     * @param sampleRateHz         rate in Hz
     * @param spectralConvergence  Griffin-Lim's ‖|STFT(x)| − S‖ / ‖S‖ after the last iteration (NaN for silence)
     */
    public record Audio(float[] samples, double sampleRateHz, double spectralConvergence) {
        public double durationSeconds() {
            return samples.length / sampleRateHz;
        }
    }

    /**
     * Resynthesises {@code frames}.
     *
     * @throws IllegalStateException if the model has no audio ({@link ModelSound#unavailable()})
     */
    public static Audio toAudio(float[][] frames, ModelSound sound, int iterations, long seed,
                                DoubleConsumer progress) throws InterruptedException {
        if (!sound.hasAudio()) {
            throw new IllegalStateException(sound.unavailable());
        }
        Spectrogram mag = sound.frames().toMagnitude(frames, sound.sampleRateHz());
        GriffinLim.Result r = GriffinLim.reconstruct(mag, iterations, MOMENTUM, seed, progress);
        float[] x = r.signal();
        taperEdges(x, sound.frames().stft());
        double peak = 0;
        for (float v : x) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("Griffin-Lim produced a non-finite sample");
            }
            peak = Math.max(peak, Math.abs(v));
        }
        double[] sc = r.spectralConvergence();
        double last = sc.length == 0 ? Double.NaN : sc[sc.length - 1];
        if (peak > 0) {
            double gain = Math.pow(10, PEAK_DBFS / 20) / peak;
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (x[i] * gain);
            }
        } else {
            last = Double.NaN;
        }
        return new Audio(x, sound.sampleRateHz(), last);
    }

    /** Scales the partly covered edge samples by coverage(n) / coverage of a fully covered sample of that phase. */
    static void taperEdges(float[] x, StftParams p) {
        int n = p.nperseg();
        int hop = p.hop();
        int frames = (x.length - n) / hop + 1;
        double[] w = p.window().values(n);
        double[] cov = new double[x.length];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < n; i++) {
                cov[t * hop + i] += w[i] * w[i];
            }
        }
        int edge = n - hop;
        int shift = (edge + hop - 1) / hop * hop;
        double max = java.util.Arrays.stream(cov).max().orElse(0);
        for (int i = 0; i < Math.min(edge, x.length); i++) {
            x[i] *= (float) ratio(cov, i, i + shift, max);
            int j = x.length - 1 - i;
            x[j] *= (float) ratio(cov, j, j - shift, max);
        }
    }

    private static double ratio(double[] cov, int at, int full, double max) {
        double ref = full >= 0 && full < cov.length ? Math.max(cov[full], cov[at]) : max;
        return ref > 0 ? cov[at] / ref : 0;
    }
}
