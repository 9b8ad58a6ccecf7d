package org.echoic.embed;

import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;

/**
 * How a segment becomes frames for its embedding: a Hann STFT of about {@code windowMs} (the nearest power of
 * two of samples, at least 64) every {@code hopMs}, filtered into {@code bands} mel bands (librosa's Slaney scale
 * and norm) or gammatone channels over [fminHz, fmaxHz] (fmaxHz 0: the Nyquist frequency), as
 * {@code 10 log10(power)} clipped to the segment's maximum minus {@code rangeDb} and mapped to [0, 1].
 *
 * @param gammatone gammatone channels instead of mel bands
 */
public record FrameParams(double windowMs, double hopMs, int bands, double fminHz, double fmaxHz, double rangeDb,
                          boolean gammatone) {
    /** 8 ms windows every 1 ms, 32 mel bands from 500 Hz to Nyquist, 60 dB. */
    public static final FrameParams DEFAULTS = new FrameParams(8, 1, 32, 500, 0, 60, false);

    public FrameParams {
        if (!(windowMs > 0) || !(hopMs > 0) || bands < 1 || !(fminHz >= 0) || !(fmaxHz >= 0) || !(rangeDb > 0)) {
            throw new IllegalArgumentException("bad frame settings: window " + windowMs + " ms, hop " + hopMs
                    + " ms, " + bands + " bands, " + fminHz + "–" + fmaxHz + " Hz, range " + rangeDb + " dB");
        }
    }

    /** The STFT at {@code sampleRateHz}. */
    public StftParams stft(double sampleRateHz) {
        int target = (int) Math.max(64, Math.round(windowMs * sampleRateHz / 1000));
        int lower = Integer.highestOneBit(target);
        int nperseg = target - lower < 2 * lower - target ? lower : 2 * lower;
        int hop = (int) Math.max(1, Math.min(nperseg, Math.round(hopMs * sampleRateHz / 1000)));
        return new StftParams(nperseg, nperseg - hop, nperseg, WindowFunction.HANN, StftParams.Detrend.NONE,
                StftParams.Scaling.SPECTRUM, StftParams.Mode.PSD);
    }

    /** The highest frequency at {@code sampleRateHz}. */
    public double fmaxHz(double sampleRateHz) {
        return fmaxHz > 0 ? Math.min(fmaxHz, sampleRateHz / 2) : sampleRateHz / 2;
    }

    /** The lowest frequency at {@code sampleRateHz} (below the highest). */
    public double fminHz(double sampleRateHz) {
        return Math.min(fminHz, fmaxHz(sampleRateHz) / 4);
    }

    public FrameParams withBand(double lowHz, double highHz) {
        return new FrameParams(windowMs, hopMs, bands, lowHz, highHz, rangeDb, gammatone);
    }

    public FrameParams withGammatone(boolean v) {
        return new FrameParams(windowMs, hopMs, bands, fminHz, fmaxHz, rangeDb, v);
    }
}
