package org.echoic.dsp;

/**
 * Settings of a short-time Fourier transform, with the meaning of {@code scipy.signal.spectrogram}'s
 * arguments of the same names (one-sided output, no padding, {@code boundary=None}). Immutable; thread-safe.
 *
 * @param nperseg  samples per segment (frame)
 * @param noverlap samples shared by consecutive segments, in [0, nperseg)
 * @param nfft     FFT length, at least nperseg (zero padding beyond the segment)
 * @param window   the periodic window applied to each segment
 * @param detrend  what is removed from each segment before windowing
 * @param scaling  density (per Hz) or spectrum (power of a sinusoid)
 * @param mode     PSD, magnitude or complex values
 */
public record StftParams(int nperseg, int noverlap, int nfft, WindowFunction window, Detrend detrend,
                         Scaling scaling, Mode mode) {

    /** Per-segment detrending. */
    public enum Detrend { NONE, CONSTANT }

    /** Scaling of the squared spectrum: per Hz ({@code density}) or a sinusoid's power ({@code spectrum}). */
    public enum Scaling { DENSITY, SPECTRUM }

    /** What the spectrogram holds: power (PSD), |X| (magnitude) or X (complex). */
    public enum Mode { PSD, MAGNITUDE, COMPLEX }

    /** The workbench's default: 256-sample Hann segments, 128 overlap, PSD density. */
    public static final StftParams DEFAULT = new StftParams(256, 128, 256, WindowFunction.HANN, Detrend.NONE,
            Scaling.DENSITY, Mode.PSD);

    public StftParams {
        if (nperseg < 2) {
            throw new IllegalArgumentException("nperseg must be at least 2: " + nperseg);
        }
        if (noverlap < 0 || noverlap >= nperseg) {
            throw new IllegalArgumentException("noverlap must be in [0, nperseg=" + nperseg + "): " + noverlap);
        }
        if (nfft < nperseg) {
            throw new IllegalArgumentException("nfft (" + nfft + ") must be at least nperseg (" + nperseg + ")");
        }
        if (nfft > (1 << 24)) {
            throw new IllegalArgumentException("nfft too large: " + nfft);
        }
        if (window == null || detrend == null || scaling == null || mode == null) {
            throw new IllegalArgumentException("window, detrend, scaling and mode are required");
        }
    }

    /** Samples between the starts of consecutive segments. */
    public int hop() {
        return nperseg - noverlap;
    }

    /** Frequency bins of the one-sided output: {@code nfft / 2 + 1}. */
    public int bins() {
        return nfft / 2 + 1;
    }

    /** Number of whole segments in {@code samples} samples (scipy's count; 0 if shorter than a segment). */
    public long frameCount(long samples) {
        return samples < nperseg ? 0 : (samples - nperseg) / hop() + 1;
    }

    public StftParams withMode(Mode m) {
        return new StftParams(nperseg, noverlap, nfft, window, detrend, scaling, m);
    }

    public StftParams withScaling(Scaling s) {
        return new StftParams(nperseg, noverlap, nfft, window, detrend, s, mode);
    }
}
