package org.echoic.dsp;

import org.echoic.audio.Recording;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Computes STFT columns of a recording with preallocated scratch buffers (nothing is allocated per
 * frame), in double precision, with scipy's scaling. One worker per thread: NOT thread-safe.
 */
public final class StftWorker {
    /** Frames computed per read of the source. */
    public static final int BLOCK_FRAMES = 512;

    private final StftParams params;
    private final double[] window;
    private final DoubleFFT_1D fft;
    private final double[] buf;
    private final float[] samples;
    private final double scale;

    public StftWorker(StftParams params) {
        this.params = params;
        this.window = params.window().values(params.nperseg());
        this.fft = new DoubleFFT_1D(params.nfft());
        this.buf = new double[params.nfft()];
        this.samples = new float[(BLOCK_FRAMES - 1) * params.hop() + params.nperseg()];
        double sum = 0;
        double sumSq = 0;
        for (double w : window) {
            sum += w;
            sumSq += w * w;
        }
        this.scale = params.scaling() == StftParams.Scaling.DENSITY ? 1.0 / sumSq : 1.0 / (sum * sum);
    }

    public StftParams params() {
        return params;
    }

    /**
     * Computes {@code count} (at most {@link #BLOCK_FRAMES}) consecutive frames starting at frame
     * {@code firstFrame}, where frame k starts at sample {@code originSample + k * hop}. Column j's bins go
     * to {@code out[outOffset + j * bins …]} (time-major); for complex mode the imaginary parts go to
     * {@code outImag} likewise. The caller guarantees the samples exist.
     */
    public void compute(Recording rec, int channel, long originSample, long firstFrame, int count,
                        double sampleRateHz, float[] out, float[] outImag, int outOffset) {
        if (count > BLOCK_FRAMES) {
            throw new IllegalArgumentException("at most " + BLOCK_FRAMES + " frames per call: " + count);
        }
        int hop = params.hop();
        int n = params.nperseg();
        int nfft = params.nfft();
        int bins = params.bins();
        int span = (count - 1) * hop + n;
        rec.read(originSample + firstFrame * hop, span, channel, samples, 0);
        double s = params.scaling() == StftParams.Scaling.DENSITY ? scale / sampleRateHz : scale;
        boolean psd = params.mode() == StftParams.Mode.PSD;
        double amp = Math.sqrt(s);
        int lastDoubled = nfft % 2 == 0 ? bins - 2 : bins - 1;
        for (int j = 0; j < count; j++) {
            int off = j * hop;
            double mean = 0;
            if (params.detrend() == StftParams.Detrend.CONSTANT) {
                for (int i = 0; i < n; i++) {
                    mean += samples[off + i];
                }
                mean /= n;
            }
            for (int i = 0; i < n; i++) {
                buf[i] = (samples[off + i] - mean) * window[i];
            }
            java.util.Arrays.fill(buf, n, nfft, 0);
            fft.realForward(buf);
            int o = outOffset + j * bins;
            for (int k = 0; k < bins; k++) {
                double re;
                double im;
                if (k == 0) {
                    re = buf[0];
                    im = 0;
                } else if (nfft % 2 == 0 && k == bins - 1) {
                    re = buf[1];
                    im = 0;
                } else if (nfft % 2 == 1 && k == bins - 1 && k > 0) {
                    re = buf[nfft - 1];
                    im = buf[1];
                } else {
                    re = buf[2 * k];
                    im = buf[2 * k + 1];
                }
                if (psd) {
                    double p = (re * re + im * im) * s;
                    if (k >= 1 && k <= lastDoubled) {
                        p *= 2;
                    }
                    out[o + k] = (float) p;
                } else if (params.mode() == StftParams.Mode.MAGNITUDE) {
                    out[o + k] = (float) (Math.sqrt(re * re + im * im) * amp);
                } else {
                    out[o + k] = (float) (re * amp);
                    outImag[o + k] = (float) (im * amp);
                }
            }
        }
    }
}
