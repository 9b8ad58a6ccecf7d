package org.echoic.dsp;

import java.util.Random;
import java.util.function.DoubleConsumer;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Griffin-Lim phase reconstruction of a signal from a magnitude spectrogram made with the same STFT
 * settings (scipy's frame placement and scaling), with the "fast Griffin-Lim" momentum of Perraudin,
 * Balazs and Søndergaard (2013); {@code momentum = 0} is the classic algorithm. The inverse STFT is a
 * weighted overlap-add ({@code x = Σ w·y_t / Σ w²}). Single-threaded; allocates per call, not per frame;
 * stateless and thread-safe.
 */
public final class GriffinLim {

    /** The reconstruction and the spectral convergence {@code ‖|STFT(x)| − S‖ / ‖S‖} after each iteration. */
    public record Result(float[] signal, double[] spectralConvergence) {
    }

    private GriffinLim() {
    }

    /**
     * @param magnitude  a spectrogram in magnitude mode
     * @param iterations at least 1
     * @param momentum   fast Griffin-Lim α (≈ 0.99), 0 for classic Griffin-Lim
     * @param seed       seeds the random initial phases
     * @param progress   receives the fraction done (may be null)
     */
    public static Result reconstruct(Spectrogram magnitude, int iterations, double momentum, long seed,
                                     DoubleConsumer progress) throws InterruptedException {
        StftParams p = magnitude.params();
        if (p.mode() != StftParams.Mode.MAGNITUDE || iterations < 1 || momentum < 0 || momentum >= 2) {
            throw new IllegalArgumentException("Griffin-Lim needs a magnitude spectrogram, iterations >= 1, "
                    + "momentum in [0, 2)");
        }
        Transform tr = new Transform(p, magnitude.sampleRateHz(), magnitude.frames());
        int bins = p.bins();
        int frames = magnitude.frames();
        double[] target = new double[bins * frames];
        double norm = 0;
        for (int k = 0; k < bins; k++) {
            for (int t = 0; t < frames; t++) {
                double s = magnitude.get(k, t) / tr.amp;
                target[t * bins + k] = s;
                norm += s * s;
            }
        }
        norm = Math.sqrt(norm);
        Random rnd = new Random(seed);
        double[] re = new double[target.length];
        double[] im = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            double phi = 2 * Math.PI * rnd.nextDouble();
            re[i] = target[i] * Math.cos(phi);
            im[i] = target[i] * Math.sin(phi);
        }
        double[] prevRe = re.clone();
        double[] prevIm = im.clone();
        double[] pRe = new double[target.length];
        double[] pIm = new double[target.length];
        double[] x = new double[tr.length];
        double[] sc = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("Griffin-Lim interrupted");
            }
            tr.inverse(re, im, x);
            tr.forward(x, pRe, pIm);
            double err = 0;
            for (int i = 0; i < target.length; i++) {
                double mag = Math.sqrt(pRe[i] * pRe[i] + pIm[i] * pIm[i]);
                double d = mag - target[i];
                err += d * d;
                double tRe = mag > 1e-300 ? target[i] * pRe[i] / mag : target[i];
                double tIm = mag > 1e-300 ? target[i] * pIm[i] / mag : 0;
                re[i] = tRe + momentum * (tRe - prevRe[i]);
                im[i] = tIm + momentum * (tIm - prevIm[i]);
                prevRe[i] = tRe;
                prevIm[i] = tIm;
            }
            sc[it] = norm > 0 ? Math.sqrt(err) / norm : 0;
            if (progress != null) {
                progress.accept((it + 1) / (double) iterations);
            }
        }
        tr.inverse(prevRe, prevIm, x);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return new Result(out, sc);
    }

    /**
     * The inverse STFT (weighted overlap-add) of a complex spectrogram made with {@code p} in complex mode
     * (scipy's scaling); returns {@code (frames - 1) * hop + nperseg} samples.
     */
    public static float[] istft(Spectrogram complex) {
        StftParams p = complex.params();
        if (p.mode() != StftParams.Mode.COMPLEX) {
            throw new IllegalArgumentException("the inverse STFT needs a complex spectrogram");
        }
        Transform tr = new Transform(p, complex.sampleRateHz(), complex.frames());
        int bins = p.bins();
        double[] re = new double[bins * complex.frames()];
        double[] im = new double[re.length];
        for (int k = 0; k < bins; k++) {
            for (int t = 0; t < complex.frames(); t++) {
                re[t * bins + k] = complex.values()[k * complex.frames() + t] / tr.amp;
                im[t * bins + k] = complex.imag()[k * complex.frames() + t] / tr.amp;
            }
        }
        double[] x = new double[tr.length];
        tr.inverse(re, im, x);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /** Unscaled STFT / weighted overlap-add pair on double arrays, time-major complex columns. */
    private static final class Transform {
        final StftParams p;
        final int frames;
        final int length;
        final double[] window;
        final double[] sumSq;
        final double[] buf;
        final DoubleFFT_1D fft;
        final double amp;

        Transform(StftParams p, double fs, int frames) {
            this.p = p;
            this.frames = frames;
            this.length = (frames - 1) * p.hop() + p.nperseg();
            this.window = p.window().values(p.nperseg());
            this.buf = new double[p.nfft()];
            this.fft = new DoubleFFT_1D(p.nfft());
            this.sumSq = new double[length];
            double sum = 0;
            double sq = 0;
            for (double w : window) {
                sum += w;
                sq += w * w;
            }
            double scale = p.scaling() == StftParams.Scaling.DENSITY ? 1.0 / (fs * sq) : 1.0 / (sum * sum);
            this.amp = Math.sqrt(scale);
            for (int t = 0; t < frames; t++) {
                for (int i = 0; i < window.length; i++) {
                    sumSq[t * p.hop() + i] += window[i] * window[i];
                }
            }
        }

        void forward(double[] x, double[] re, double[] im) {
            int n = p.nperseg();
            int nfft = p.nfft();
            int bins = p.bins();
            for (int t = 0; t < frames; t++) {
                int off = t * p.hop();
                for (int i = 0; i < n; i++) {
                    buf[i] = x[off + i] * window[i];
                }
                java.util.Arrays.fill(buf, n, nfft, 0);
                fft.realForward(buf);
                int o = t * bins;
                re[o] = buf[0];
                im[o] = 0;
                for (int k = 1; k < bins - 1; k++) {
                    re[o + k] = buf[2 * k];
                    im[o + k] = buf[2 * k + 1];
                }
                re[o + bins - 1] = nfft % 2 == 0 ? buf[1] : buf[nfft - 1];
                im[o + bins - 1] = nfft % 2 == 0 ? 0 : buf[1];
            }
        }

        void inverse(double[] re, double[] im, double[] x) {
            int n = p.nperseg();
            int nfft = p.nfft();
            int bins = p.bins();
            java.util.Arrays.fill(x, 0);
            for (int t = 0; t < frames; t++) {
                int o = t * bins;
                buf[0] = re[o];
                for (int k = 1; k < bins - 1; k++) {
                    buf[2 * k] = re[o + k];
                    buf[2 * k + 1] = im[o + k];
                }
                if (nfft % 2 == 0) {
                    buf[1] = re[o + bins - 1];
                } else {
                    buf[nfft - 1] = re[o + bins - 1];
                    buf[1] = im[o + bins - 1];
                }
                fft.realInverse(buf, true);
                int off = t * p.hop();
                for (int i = 0; i < n; i++) {
                    x[off + i] += buf[i] * window[i];
                }
            }
            for (int i = 0; i < length; i++) {
                x[i] = sumSq[i] > 1e-10 ? x[i] / sumSq[i] : 0;
            }
        }
    }
}
