package org.echoic.service;

import java.util.Locale;
import java.util.concurrent.Executor;

import org.echoic.audio.Recording;
import org.echoic.dsp.DilatedSpectralBuffer;
import org.echoic.dsp.GammatoneFilterbank;
import org.echoic.dsp.MelFilterbank;
import org.echoic.dsp.Mfcc;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;

/**
 * The arrays the workbench shows and exports for a sample range, shape (row, time) like scipy: the spectrogram
 * with the view's STFT settings, or features on 25 ms Hann windows with a 10 ms hop (spectrum-scaled power):
 * 128 mel bands (librosa's Slaney scale and Slaney area normalisation), 64 MFCCs (orthonormal DCT-II of the
 * log-mel with an 80 dB top), 64 gammatone channels (50 Hz to Nyquist), and the dilated buffer of the mel bands
 * (lags 1, 2, 4, 8). Stateless; thread-safe; runs on the calling thread and the given executor.
 */
public final class FeatureArrays {
    /** Mel bands of the mel, MFCC and dilated features. */
    public static final int MEL_BANDS = 128;
    /** MFCCs kept. */
    public static final int MFCC_COEFFICIENTS = 64;
    /** Gammatone channels. */
    public static final int GAMMATONE_CHANNELS = 64;
    /** Dilation and number of lags of the dilated buffer. */
    public static final int DILATION = 2;
    public static final int DILATED_LAGS = 4;

    /** What to compute. */
    public enum Kind {
        SPECTROGRAM("Spectrogram (view's STFT settings)"),
        MEL("Mel, 128 bands (Slaney scale, Slaney norm)"),
        MFCC("MFCC, 64 coefficients (DCT-II ortho)"),
        GAMMATONE("Gammatone, 64 channels"),
        DILATED_MEL("Dilated mel buffer, lags 1, 2, 4, 8");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the kind is named in the user interface and in export file names' description. */
        public String label() {
            return label;
        }

        /** Lower-case file-name tag, e.g. {@code mfcc}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A computed (rows, frames) array.
     *
     * @param values       row-major values
     * @param rows         rows (frequency bins, bands or coefficients)
     * @param frames       time columns
     * @param startSeconds centre of the first column, seconds from the start of the recording
     * @param hopSeconds   time between columns
     */
    public record FeatureArray(float[] values, int rows, int frames, double startSeconds, double hopSeconds) {
    }

    private FeatureArrays() {
    }

    /** The STFT the features of {@code kind} use for a recording at {@code sampleRateHz}. */
    public static StftParams stftFor(Kind kind, StftParams viewParams, double sampleRateHz) {
        if (kind == Kind.SPECTROGRAM) {
            return viewParams;
        }
        int nperseg = (int) Math.round(0.025 * sampleRateHz);
        int hop = Math.max(1, (int) Math.round(0.010 * sampleRateHz));
        int nfft = Integer.highestOneBit(Math.max(2, nperseg) - 1) << 1;
        return new StftParams(nperseg, nperseg - hop, nfft, WindowFunction.HANN, StftParams.Detrend.NONE,
                StftParams.Scaling.SPECTRUM, StftParams.Mode.PSD);
    }

    /**
     * Computes {@code kind} over samples {@code [startSample, endSample)} of {@code channel}.
     *
     * @throws IllegalArgumentException if the range is shorter than one window or the result too large
     */
    public static FeatureArray compute(Kind kind, Recording rec, int channel, long startSample, long endSample,
                                       StftParams viewParams, Executor executor, int parallelism)
            throws InterruptedException {
        double fs = rec.sampleRateHz();
        StftParams p = stftFor(kind, viewParams, fs);
        Spectrogram s = Stft.spectrogram(rec, channel, startSample, endSample, p, executor, parallelism, null);
        double t0 = s.timeSeconds(0);
        double hop = p.hop() / fs;
        return switch (kind) {
            case SPECTROGRAM -> new FeatureArray(s.values(), s.bins(), s.frames(), t0, hop);
            case MEL -> new FeatureArray(mel(s, p, fs), MEL_BANDS, s.frames(), t0, hop);
            case MFCC -> new FeatureArray(Mfcc.compute(mel(s, p, fs), MEL_BANDS, s.frames(), MFCC_COEFFICIENTS, 80),
                    MFCC_COEFFICIENTS, s.frames(), t0, hop);
            case GAMMATONE -> new FeatureArray(MelFilterbank.apply(GammatoneFilterbank.matrix(fs, p.nfft(),
                    GAMMATONE_CHANNELS, 50, fs / 2), GAMMATONE_CHANNELS, s), GAMMATONE_CHANNELS, s.frames(), t0, hop);
            case DILATED_MEL -> new FeatureArray(DilatedSpectralBuffer.stack(mel(s, p, fs), MEL_BANDS, s.frames(),
                    DILATION, DILATED_LAGS, false), MEL_BANDS * DILATED_LAGS, s.frames(), t0, hop);
        };
    }

    private static float[] mel(Spectrogram s, StftParams p, double fs) {
        return MelFilterbank.apply(MelFilterbank.matrix(fs, p.nfft(), MEL_BANDS, 0, fs / 2, MelFilterbank.Scale.SLANEY,
                MelFilterbank.Norm.SLANEY), MEL_BANDS, s);
    }
}
