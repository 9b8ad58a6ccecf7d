package org.echoic.generate;

import java.util.function.DoubleConsumer;

import org.echoic.dsp.GriffinLim;
import org.echoic.dsp.Spectrogram;

/**
 * Frames to sound: the scaling is undone to a magnitude spectrogram ({@link org.echoic.dsp.SpectralFrames#toMagnitude})
 * and Griffin-Lim (fast variant, momentum {@value #MOMENTUM}) reconstructs a signal with the model's STFT
 * settings, {@code nperseg + (T − 1)·hop} samples long; the result is normalised to a peak of
 * {@value #PEAK_DBFS} dBFS (silence stays silent). Pure Java: any thread. Stateless; thread-safe.
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
}
