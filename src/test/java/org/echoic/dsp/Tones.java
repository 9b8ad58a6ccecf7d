package org.echoic.dsp;

/** Test helpers: sine generation and the amplitude of one frequency measured with a Hann-windowed DFT bin. */
public final class Tones {
    private Tones() {
    }

    public static float[] sine(double frequencyHz, double rateHz, double amplitude, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * i / rateHz));
        }
        return x;
    }

    /** Amplitude of the component at {@code frequencyHz} in x[from, to). */
    public static double amplitude(float[] x, int from, int to, double frequencyHz, double rateHz) {
        double re = 0;
        double im = 0;
        double wsum = 0;
        int n = to - from;
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            double ph = 2 * Math.PI * frequencyHz * i / rateHz;
            re += w * x[from + i] * Math.cos(ph);
            im -= w * x[from + i] * Math.sin(ph);
            wsum += w;
        }
        return 2 * Math.hypot(re, im) / wsum;
    }

    /** Root mean square of x[from, to). */
    public static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }
}
