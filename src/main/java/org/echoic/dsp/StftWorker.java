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
            double nyqRe = nfft % 2 == 0 ? buf[1] : buf[nfft - 1];
            double nyqIm = nfft % 2 == 0 ? 0 : buf[1];
            int inner = bins - 1;
            if (psd) {
                double twice = 2 * s;
                out[o] = (float) (buf[0] * buf[0] * s);
                for (int k = 1; k < inner; k++) {
                    double re = buf[2 * k];
                    double im = buf[2 * k + 1];
                    out[o + k] = (float) ((re * re + im * im) * twice);
                }
                double last = (nyqRe * nyqRe + nyqIm * nyqIm) * (nfft % 2 == 0 ? s : twice);
                out[o + bins - 1] = (float) last;
            } else if (params.mode() == StftParams.Mode.MAGNITUDE) {
                out[o] = (float) (Math.abs(buf[0]) * amp);
                for (int k = 1; k < inner; k++) {
                    out[o + k] = (float) (Math.sqrt(buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1]) * amp);
                }
                out[o + bins - 1] = (float) (Math.sqrt(nyqRe * nyqRe + nyqIm * nyqIm) * amp);
            } else {
                out[o] = (float) (buf[0] * amp);
                outImag[o] = 0;
                for (int k = 1; k < inner; k++) {
                    out[o + k] = (float) (buf[2 * k] * amp);
                    outImag[o + k] = (float) (buf[2 * k + 1] * amp);
                }
                out[o + bins - 1] = (float) (nyqRe * amp);
                outImag[o + bins - 1] = (float) (nyqIm * amp);
            }
        }
    }
}
