package org.echoic.dsp;

/**
 * Streaming sample-rate converter: a polyphase windowed-sinc (Kaiser, about 90 dB stop band) filter for the
 * rational ratio out/in, which also serves as the anti-aliasing low-pass when the rate goes down. Blocks of any
 * size may be pushed; the output is identical to converting the whole signal at once. Input time 0 is preceded
 * by silence; the filter delays the signal by {@link #delayInputFrames()} input frames.
 * Stateful and not thread-safe: one instance per stream.
 */
public final class Resampler {
    /** Largest interpolation factor used; other ratios are approximated by continued fractions. */
    static final int MAX_UP = 4096;
    private static final int ZERO_CROSSINGS = 32;
    private static final double KAISER_BETA = 8.96;
    private static final double DEFAULT_ROLLOFF = 0.9;

    private final double inputRateHz;
    private final int up;
    private final int down;
    private final int taps;
    /** phases[p][taps - 1 - k] = h[p + k * up]: reversed, so that the inner loop walks both arrays upwards. */
    private final float[][] phases;
    private final double delayInputFrames;

    private float[] buf;
    private int bufLen;
    /** Input index of buf[0]. */
    private long bufStart;
    private long inputCount;
    private long outputCount;

    /** A converter whose low-pass keeps 90 % of the band below the lower of the two Nyquist frequencies. */
    public Resampler(double inputRateHz, double outputRateHz) {
        this(inputRateHz, outputRateHz, DEFAULT_ROLLOFF * Math.min(inputRateHz, outputRateHz) / 2);
    }

    /**
     * A converter with an explicit low-pass cut-off (the centre of the transition band) in Hz; it must lie below
     * both Nyquist frequencies.
     */
    public Resampler(double inputRateHz, double outputRateHz, double cutoffHz) {
        if (!(inputRateHz > 0) || !(outputRateHz > 0) || Double.isInfinite(inputRateHz)
                || Double.isInfinite(outputRateHz)) {
            throw new IllegalArgumentException("sample rates must be positive: " + inputRateHz + " Hz -> "
                    + outputRateHz + " Hz");
        }
        if (!(cutoffHz > 0) || cutoffHz >= Math.min(inputRateHz, outputRateHz) / 2) {
            throw new IllegalArgumentException("cut-off " + cutoffHz + " Hz must lie in (0, "
                    + Math.min(inputRateHz, outputRateHz) / 2 + ") Hz");
        }
        this.inputRateHz = inputRateHz;
        long[] ratio = approximate(outputRateHz / inputRateHz, MAX_UP);
        this.up = (int) ratio[0];
        this.down = (int) ratio[1];
        double fc = cutoffHz / (inputRateHz * up);
        int halfLength = (int) Math.ceil(ZERO_CROSSINGS / (2 * fc));
        int length = 2 * halfLength + 1;
        this.taps = (length + up - 1) / up;
        this.phases = new float[up][taps];
        double i0Beta = besselI0(KAISER_BETA);
        for (int n = 0; n < length; n++) {
            double t = n - halfLength;
            double sinc = t == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
            double r = t / halfLength;
            double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            phases[n % up][taps - 1 - n / up] = (float) (sinc * window * up);
        }
        this.delayInputFrames = (double) halfLength / up;
        this.buf = new float[Math.max(1024, 2 * taps)];
        this.bufLen = taps - 1;
        this.bufStart = -(taps - 1);
    }

    /** The interpolation factor L of the ratio L/M in use. */
    public int upFactor() {
        return up;
    }

    /** The decimation factor M of the ratio L/M in use. */
    public int downFactor() {
        return down;
    }

    /** The output rate actually produced, in Hz: input rate · L / M. */
    public double outputRateHz() {
        return inputRateHz * up / down;
    }

    /** How many input frames the output lags behind the input (group delay of the linear-phase filter). */
    public double delayInputFrames() {
        return delayInputFrames;
    }

    /** Filter taps applied per output sample. */
    public int tapsPerOutput() {
        return taps;
    }

    /** An upper bound of the output frames produced by pushing {@code inputFrames} more frames. */
    public int maxOutputFrames(int inputFrames) {
        return (int) (((long) inputFrames * up) / down) + 2;
    }

    /**
     * Pushes {@code frames} input samples and writes the outputs they complete to {@code out[outOffset …]},
     * which must have room for {@link #maxOutputFrames(int)} values.
     *
     * @return the number of output frames written
     */
    public int process(float[] in, int inOffset, int frames, float[] out, int outOffset) {
        if (frames < 0 || inOffset < 0 || inOffset + frames > in.length) {
            throw new IndexOutOfBoundsException("input range " + inOffset + "+" + frames + " of " + in.length);
        }
        if (bufLen + frames > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, bufLen + frames));
        }
        System.arraycopy(in, inOffset, buf, bufLen, frames);
        bufLen += frames;
        inputCount += frames;
        int written = 0;
        while (true) {
            long u = outputCount * down;
            long n0 = u / up;
            if (n0 >= inputCount) {
                break;
            }
            if (outOffset + written >= out.length) {
                throw new IndexOutOfBoundsException("output buffer too small: " + out.length);
            }
            out[outOffset + written++] = dot(buf, (int) (n0 - bufStart) - (taps - 1), phases[(int) (u - n0 * up)]);
            outputCount++;
        }
        long keepFrom = Math.min(inputCount, (outputCount * down) / up) - (taps - 1);
        int drop = (int) (keepFrom - bufStart);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
        }
        return written;
    }

    /** Σ x[from + j] · h[j] with four partial sums (instruction-level parallelism). */
    private static float dot(float[] x, int from, float[] h) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int n = h.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            a0 += x[from + j] * h[j];
            a1 += x[from + j + 1] * h[j + 1];
            a2 += x[from + j + 2] * h[j + 2];
            a3 += x[from + j + 3] * h[j + 3];
        }
        for (; j < n; j++) {
            a0 += x[from + j] * h[j];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** Best rational approximation p/q of {@code x} with p ≤ maxNumerator (continued fractions); exact for ratios of integer rates with small terms. */
    static long[] approximate(double x, int maxNumerator) {
        long p0 = 0;
        long q0 = 1;
        long p1 = 1;
        long q1 = 0;
        double v = x;
        for (int i = 0; i < 64; i++) {
            long a = (long) Math.floor(v);
            long p2 = a * p1 + p0;
            long q2 = a * q1 + q0;
            if (p2 > maxNumerator || q2 > Integer.MAX_VALUE) {
                break;
            }
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
            double frac = v - a;
            if (frac < 1e-12 || Math.abs((double) p1 / q1 - x) <= 1e-12 * x) {
                break;
            }
            v = 1 / frac;
        }
        if (p1 == 0 || q1 == 0) {
            throw new IllegalArgumentException("rate ratio " + x + " cannot be approximated with an interpolation factor up to "
                    + maxNumerator);
        }
        return new long[] {p1, q1};
    }

    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 200; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
