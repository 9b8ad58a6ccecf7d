package org.echoic.measure;

/**
 * Settings of the F0 contour of a selection. Frame k of the recording covers samples
 * {@code [k·hop, k·hop + window)}; frames whose centre lies in the selection are analysed. A frame is voiced when the
 * detector finds a pitch, its confidence is at least {@code minConfidence}, and the pitch lies in
 * [{@code minHz}, {@code maxHz}]. Immutable.
 *
 * @param algorithm     YIN or MPM (TarsosDSP)
 * @param windowSamples samples per analysis frame (the lowest F0 found is about 2·fs/window)
 * @param hopSamples    samples between frame starts
 * @param minHz         lowest accepted F0
 * @param maxHz         highest accepted F0 (infinite: up to the Nyquist frequency)
 * @param minConfidence lowest accepted confidence in [0, 1]
 */
public record PitchParams(PitchAlgorithm algorithm, int windowSamples, int hopSamples, double minHz, double maxHz,
                          double minConfidence) {

    /** YIN, 1024-sample frames every 256 samples, any F0, confidence at least 0.5. */
    public static final PitchParams DEFAULT = new PitchParams(PitchAlgorithm.YIN, 1024, 256, 0,
            Double.POSITIVE_INFINITY, 0.5);

    public PitchParams {
        if (algorithm == null) {
            throw new IllegalArgumentException("pitch algorithm is required");
        }
        if (windowSamples < 16 || windowSamples > (1 << 20)) {
            throw new IllegalArgumentException("pitch window must be 16…1048576 samples: " + windowSamples);
        }
        if (hopSamples < 1) {
            throw new IllegalArgumentException("pitch hop must be at least 1 sample: " + hopSamples);
        }
        if (!(minHz >= 0) || !(maxHz > minHz)) {
            throw new IllegalArgumentException("pitch range must satisfy 0 <= min < max: " + minHz + "–" + maxHz);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("pitch confidence must be in [0, 1]: " + minConfidence);
        }
    }
}
