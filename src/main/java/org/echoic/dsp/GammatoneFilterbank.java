package org.echoic.dsp;

/**
 * A gammatone filterbank applied in the FFT domain (like Ellis's {@code gammatonegram}): 4th-order
 * gammatone filters with centre frequencies equally spaced on the ERB-rate scale
 * ({@code 21.4 log10(1 + 0.00437 f)}) and bandwidth {@code b = 1.019 ERB(fc)}, {@code ERB = 24.7 + 0.108 f}
 * (Glasberg and Moore). The power weight of bin frequency f is {@code (1 + ((f - fc) / b)^2)^-4}
 * (the squared magnitude response of the 4th-order filter, 1 at fc). Matrices are (channel, frequency),
 * channels from low to high. Stateless; thread-safe.
 */
public final class GammatoneFilterbank {
    private GammatoneFilterbank() {
    }

    /** ERB-rate of {@code hz}. */
    public static double erbRate(double hz) {
        return 21.4 * Math.log10(1 + 0.00437 * hz);
    }

    /** Centre frequencies in Hz of {@code channels} filters equally spaced in ERB-rate over [fmin, fmax]. */
    public static double[] centresHz(int channels, double fminHz, double fmaxHz) {
        if (channels < 1 || !(fmaxHz > fminHz) || fminHz < 0) {
            throw new IllegalArgumentException("bad gammatone bank: " + channels + " over [" + fminHz + ", "
                    + fmaxHz + "] Hz");
        }
        double a = erbRate(fminHz);
        double b = erbRate(fmaxHz);
        double[] fc = new double[channels];
        for (int i = 0; i < channels; i++) {
            double e = channels == 1 ? (a + b) / 2 : a + (b - a) * i / (channels - 1);
            fc[i] = (Math.pow(10, e / 21.4) - 1) / 0.00437;
        }
        return fc;
    }

    /** The (channels, nfft / 2 + 1) power weights. */
    public static float[] matrix(double sampleRateHz, int nfft, int channels, double fminHz, double fmaxHz) {
        double[] fc = centresHz(channels, fminHz, fmaxHz);
        int bins = nfft / 2 + 1;
        float[] w = new float[channels * bins];
        for (int c = 0; c < channels; c++) {
            double b = 1.019 * (24.7 + 0.108 * fc[c]);
            for (int k = 0; k < bins; k++) {
                double x = (k * sampleRateHz / nfft - fc[c]) / b;
                double g = 1 + x * x;
                w[c * bins + k] = (float) (1 / (g * g * g * g));
            }
        }
        return w;
    }
}
