package org.echoic.segment;

import java.nio.file.Path;

import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;

/**
 * A one-channel view of a recording's channel (or mean) band-passed to [lowHz, highHz] with zero phase:
 * a second-order Butterworth high-pass at lowHz and low-pass at highHz (RBJ biquads, Q = 1/√2), run
 * forward and then backward (like scipy's filtfilt), so the magnitude response is squared (−6 dB at
 * the edges, 24 dB/octave outside) and there is no delay. A high-pass edge of 0 Hz or a low-pass edge at
 * or above Nyquist is omitted. The signal is taken as zero outside the recording.
 *
 * <p>Reads are computed on demand: a request is extended by {@link #paddingFrames()} frames on each side
 * (the filters' impulse responses decay below 1e-9 within it), so any block equals the whole-signal
 * forward-backward filtering to about 1e-9 of full scale. Thread-safe (no mutable state).
 */
public final class BandPassRecording implements Recording {
    private final Recording source;
    private final int channel;
    private final double[][] biquads;
    private final int padding;

    /** Band-passes {@code channel} (or {@link Recording#MEAN_CHANNEL}) of {@code source}. */
    public BandPassRecording(Recording source, int channel, double lowHz, double highHz) {
        double nyquist = source.sampleRateHz() / 2;
        if (!(lowHz >= 0 && highHz > lowHz) || lowHz >= nyquist) {
            throw new IllegalArgumentException(source.path() + ": band " + lowHz + "–" + highHz
                    + " Hz does not fit below Nyquist (" + nyquist + " Hz)");
        }
        this.source = source;
        this.channel = channel;
        double[] hp = lowHz > 0 ? biquad(lowHz, source.sampleRateHz(), true) : null;
        double[] lp = highHz < nyquist ? biquad(highHz, source.sampleRateHz(), false) : null;
        biquads = hp == null && lp == null ? new double[0][] : hp == null ? new double[][] {lp}
                : lp == null ? new double[][] {hp} : new double[][] {hp, lp};
        double r = 0;
        for (double[] c : biquads) {
            r = Math.max(r, Math.sqrt(Math.abs(c[4])));
        }
        long p = r == 0 ? 0 : (long) Math.ceil(Math.log(1e-9) / Math.log(r)) + 8;
        padding = (int) Math.min(p, Math.min(source.frames(), 1L << 26));
    }

    /** RBJ cookbook biquad {b0, b1, b2, a1, a2} (a0 normalised) with Q = 1/√2. */
    static double[] biquad(double f, double rate, boolean highPass) {
        double w0 = 2 * Math.PI * f / rate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 / Math.sqrt(2));
        double a0 = 1 + alpha;
        double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
        double b1 = highPass ? -(1 + cos) : 1 - cos;
        return new double[] {b0 / a0, b1 / a0, b0 / a0, -2 * cos / a0, (1 - alpha) / a0};
    }

    /** Frames of context read on each side of a request. */
    public int paddingFrames() {
        return padding;
    }

    @Override
    public Path path() {
        return source.path();
    }

    @Override
    public String container() {
        return source.container();
    }

    @Override
    public SampleEncoding encoding() {
        return SampleEncoding.FLOAT32;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public double sampleRateHz() {
        return source.sampleRateHz();
    }

    @Override
    public long frames() {
        return source.frames();
    }

    @Override
    public void read(long startFrame, int frameCount, int ch, float[] dst, int dstOffset) {
        if (ch != 0 && ch != MEAN_CHANNEL) {
            throw new IndexOutOfBoundsException("channel " + ch + " of 1");
        }
        checkRead(startFrame, frameCount, 0, dst, dstOffset);
        long from = Math.max(0, startFrame - padding);
        long to = Math.min(frames(), startFrame + frameCount + (long) padding);
        float[] raw = new float[(int) (to - from)];
        source.read(from, raw.length, channel, raw, 0);
        double[] y = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            y[i] = raw[i];
        }
        for (double[] c : biquads) {
            forward(c, y);
        }
        reverse(y);
        for (double[] c : biquads) {
            forward(c, y);
        }
        reverse(y);
        int off = (int) (startFrame - from);
        for (int i = 0; i < frameCount; i++) {
            dst[dstOffset + i] = (float) y[off + i];
        }
    }

    /** Direct form II transposed, zero initial state, in place. */
    private static void forward(double[] c, double[] y) {
        double z1 = 0;
        double z2 = 0;
        for (int i = 0; i < y.length; i++) {
            double x = y[i];
            double out = c[0] * x + z1;
            z1 = c[1] * x - c[3] * out + z2;
            z2 = c[2] * x - c[4] * out;
            y[i] = out;
        }
    }

    private static void reverse(double[] y) {
        for (int i = 0, j = y.length - 1; i < j; i++, j--) {
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
    }

    @Override
    public void close() {
        // the source belongs to the caller
    }
}
