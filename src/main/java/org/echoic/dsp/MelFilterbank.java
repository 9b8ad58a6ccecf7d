package org.echoic.dsp;

/**
 * Mel filterbanks with librosa's conventions ({@code librosa.filters.mel}): triangles between
 * {@code nMels + 2} points equally spaced on the Slaney mel scale (linear below 1 kHz, logarithmic above;
 * librosa's default) or the HTK scale ({@code 2595 log10(1 + f / 700)}), evaluated at the FFT bin
 * frequencies; with {@link Norm#SLANEY} each triangle is divided by its width in Hz / 2 (constant area,
 * librosa's {@code norm='slaney'}), with {@link Norm#NONE} triangles peak at 1. Matrices are
 * (mel, frequency) row-major float32. Stateless; thread-safe.
 */
public final class MelFilterbank {
    /** Mel scale formula. */
    public enum Scale { SLANEY, HTK }

    /** Filter normalisation. */
    public enum Norm { SLANEY, NONE }

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    private MelFilterbank() {
    }

    /** librosa.hz_to_mel. */
    public static double hzToMel(double hz, Scale scale) {
        if (scale == Scale.HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP : hz / F_SP;
    }

    /** librosa.mel_to_hz. */
    public static double melToHz(double mel, Scale scale) {
        if (scale == Scale.HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /** The (nMels, nfft / 2 + 1) weights of librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm). */
    public static float[] matrix(double sampleRateHz, int nfft, int nMels, double fminHz, double fmaxHz,
                                 Scale scale, Norm norm) {
        if (nMels < 1 || !(fmaxHz > fminHz) || fminHz < 0 || nfft < 2) {
            throw new IllegalArgumentException("bad mel filterbank: " + nMels + " mels over [" + fminHz + ", "
                    + fmaxHz + "] Hz, nfft " + nfft);
        }
        int bins = nfft / 2 + 1;
        double[] melF = new double[nMels + 2];
        double lo = hzToMel(fminHz, scale);
        double hi = hzToMel(fmaxHz, scale);
        for (int i = 0; i < melF.length; i++) {
            melF[i] = melToHz(lo + (hi - lo) * i / (nMels + 1), scale);
        }
        float[] w = new float[nMels * bins];
        for (int m = 0; m < nMels; m++) {
            double enorm = norm == Norm.SLANEY ? 2.0 / (melF[m + 2] - melF[m]) : 1.0;
            for (int k = 0; k < bins; k++) {
                double f = k * sampleRateHz / nfft;
                double lower = (f - melF[m]) / (melF[m + 1] - melF[m]);
                double upper = (melF[m + 2] - f) / (melF[m + 2] - melF[m + 1]);
                w[m * bins + k] = (float) (Math.max(0, Math.min(lower, upper)) * enorm);
            }
        }
        return w;
    }

    /**
     * Multiplies a (rows, bins) weight matrix with a (bins, frames) spectrogram: the result is (rows, frames).
     */
    public static float[] apply(float[] weights, int rows, Spectrogram power) {
        int bins = power.bins();
        int frames = power.frames();
        if (weights.length != rows * bins) {
            throw new IllegalArgumentException("weights are not " + rows + " x " + bins);
        }
        float[] out = new float[rows * frames];
        float[] v = power.values();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < bins; k++) {
                float wk = weights[r * bins + k];
                if (wk == 0) {
                    continue;
                }
                int src = k * frames;
                int dst = r * frames;
                for (int t = 0; t < frames; t++) {
                    out[dst + t] += wk * v[src + t];
                }
            }
        }
        return out;
    }
}
