package org.echoic.dsp.synth;

import java.util.Random;

/** Building blocks shared by the synthesisers: envelopes, noise, clamping. Stateless; deterministic (StrictMath). */
final class SynthSignals {
    /** Most samples a synthesis may produce (2^26 floats, 256 MiB). */
    static final long MAX_FRAMES = 1L << 26;

    private SynthSignals() {
    }

    /** Frames for {@code seconds} at {@code rateHz}, refusing lengths that could not be held in memory. */
    static int frames(double seconds, double rateHz) {
        if (!(seconds > 0) || seconds * rateHz > MAX_FRAMES) {
            throw new IllegalArgumentException("duration must be positive and at most "
                    + (long) (MAX_FRAMES / rateHz) + " s at " + (long) rateHz + " Hz: " + seconds + " s");
        }
        return (int) Math.round(seconds * rateHz);
    }

    /** A smooth call envelope at position {@code i} of {@code n}: raised-cosine attack and release, flat between. */
    static double envelope(int i, int n, double attackFraction, double releaseFraction) {
        double x = (i + 0.5) / n;
        if (x < attackFraction) {
            return 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * x / attackFraction);
        }
        if (x > 1 - releaseFraction) {
            return 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * (1 - x) / releaseFraction);
        }
        return 1;
    }

    /** Adds pink-ish noise (Paul Kellett's economy filter on Gaussian white noise) at an RMS of {@code dbfs}. */
    static void addPinkNoise(float[] x, double dbfs, Random rnd) {
        double[] noise = new double[x.length];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double sumSquares = 0;
        for (int i = 0; i < x.length; i++) {
            double white = rnd.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            noise[i] = b0 + b1 + b2 + white * 0.1848;
            sumSquares += noise[i] * noise[i];
        }
        double scale = StrictMath.pow(10, dbfs / 20) / Math.sqrt(sumSquares / Math.max(1, x.length));
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (noise[i] * scale);
        }
    }

    /** A uniform value in [lo, hi). */
    static double uniform(Random rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
