package org.echoic.label;

/**
 * How a labeller turns sound into frames: a log-power spectrogram cropped to a band, log-mel bands or MFCCs, on
 * STFT windows of {@code windowMs} every {@code hopMs} (Hann, scipy-equal STFT), then normalised. Immutable.
 *
 * @param kind          spectrogram, mel or MFCC
 * @param windowMs      STFT window length in ms (rounded to samples; the FFT is the next power of two)
 * @param hopMs         frame hop in ms (rounded to samples)
 * @param lowHz         lowest frequency kept (spectrogram and mel)
 * @param highHz        highest frequency kept (spectrogram and mel; capped at Nyquist)
 * @param bands         mel bands (mel and MFCC)
 * @param coefficients  MFCCs kept (MFCC)
 * @param normalisation per-feature standardisation (from the training frames), per-frame, or none
 */
public record FeatureSpec(Kind kind, double windowMs, double hopMs, double lowHz, double highHz, int bands,
                          int coefficients, Normalisation normalisation) {
    /** What the frames are. */
    public enum Kind { SPECTROGRAM, MEL, MFCC }

    /** How each frame is scaled before the network sees it. */
    public enum Normalisation {
        /** Each feature to zero mean and unit variance over the training frames (vak's SpectScaler). */
        FEATURE,
        /** Each frame to zero mean and unit variance over its own values. */
        FRAME,
        /** As computed (log power in dB / 10, MFCC / 10). */
        NONE
    }

    /** Defaults: log-power spectrogram 500 Hz–10 kHz on 8 ms windows every 2 ms, standardised per feature. */
    public static final FeatureSpec DEFAULT = new FeatureSpec(Kind.SPECTROGRAM, 8, 2, 500, 10_000, 64, 20,
            Normalisation.FEATURE);

    public FeatureSpec {
        if (!(windowMs > 0) || !(hopMs > 0) || hopMs > windowMs) {
            throw new IllegalArgumentException("window and hop must be positive, hop ≤ window: " + windowMs + " / "
                    + hopMs + " ms");
        }
        if (!(lowHz >= 0) || !(highHz > lowHz)) {
            throw new IllegalArgumentException("band must satisfy 0 ≤ low < high: " + lowHz + ":" + highHz + " Hz");
        }
        if (bands < 2 || coefficients < 1 || coefficients > bands) {
            throw new IllegalArgumentException("need 2+ mel bands and 1..bands coefficients: " + bands + " / "
                    + coefficients);
        }
    }

    /** STFT window length in samples at {@code sampleRateHz}. */
    public int nperseg(double sampleRateHz) {
        return Math.max(8, (int) Math.round(windowMs * sampleRateHz / 1000));
    }

    /** Hop in samples at {@code sampleRateHz}. */
    public int hop(double sampleRateHz) {
        return Math.max(1, Math.min(nperseg(sampleRateHz), (int) Math.round(hopMs * sampleRateHz / 1000)));
    }

    /** FFT size: the power of two at or above the window. */
    public int nfft(double sampleRateHz) {
        int n = nperseg(sampleRateHz);
        return Integer.bitCount(n) == 1 ? n : Integer.highestOneBit(n) << 1;
    }

    /** The same settings with another kind. */
    public FeatureSpec withKind(Kind k) {
        return new FeatureSpec(k, windowMs, hopMs, lowHz, highHz, bands, coefficients, normalisation);
    }
}
