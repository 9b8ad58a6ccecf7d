package org.echoic.generate;

import java.util.Map;

import org.echoic.dsp.SpectralFrames;

/**
 * How a model's frames sound: its frame settings ({@link SpectralFrames#fromMaps}) and the sample rate the
 * frames are undone at. The rate is the {@code stft} map's optional {@code sampleRateHz} key when present,
 * else the caller's choice (e.g. the rate of the recordings, or {@link #DEFAULT_SAMPLE_RATE_HZ}); it must
 * give the model's frame width. Audio is unavailable (with a reason for the user) when the model has no
 * reference level (trained on frames that did not come from audio). Immutable; thread-safe.
 *
 * @param frames       the frame settings
 * @param sampleRateHz the rate of generated audio, in Hz
 * @param unavailable  why no audio can be made, or null when it can
 */
public record ModelSound(SpectralFrames frames, double sampleRateHz, String unavailable) {
    /** The rate assumed when neither the model nor the caller names one. */
    public static final double DEFAULT_SAMPLE_RATE_HZ = 44_100;

    /** True when generated frames can be turned into sound. */
    public boolean hasAudio() {
        return unavailable == null;
    }

    /**
     * Reads a checkpoint's {@code stft} and {@code scaling} sections.
     *
     * @param nVisible     the model's frame width
     * @param rateHz       the rate to use when the model stores none (NaN for the default)
     * @throws IllegalArgumentException if the frames at that rate would not have the model's width
     */
    public static ModelSound of(Map<String, Object> stft, Map<String, Object> scaling, int nVisible, double rateHz) {
        SpectralFrames sf = SpectralFrames.fromMaps(stft, scaling);
        double rate = SpectralFrames.sampleRateHz(stft, Double.isNaN(rateHz) ? DEFAULT_SAMPLE_RATE_HZ : rateHz);
        if (!(rate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive: " + rate);
        }
        if (stft == null || scaling == null) {
            return new ModelSound(sf, rate, "the model was trained on frames without audio settings "
                    + "(no STFT or scaling in model.json): frames only, no audio");
        }
        if (sf.nVisible(rate) != nVisible) {
            throw new IllegalArgumentException("the model's frames have " + nVisible + " values but its STFT "
                    + "settings give " + sf.nVisible(rate) + " at " + rate + " Hz: give the rate it was trained at");
        }
        if (Double.isNaN(sf.referenceDb())) {
            return new ModelSound(sf, rate, "the model has no reference level (referenceDb): frames only, no audio");
        }
        return new ModelSound(sf, rate, null);
    }

    /** Seconds of one frame step (the STFT hop). */
    public double hopSeconds() {
        return frames.stft().hop() / sampleRateHz;
    }

    /** Frames of {@code seconds} of sound (at least 1). */
    public int framesFor(double seconds) {
        return Math.max(1, (int) Math.round(seconds / hopSeconds()));
    }

    /** Frequency in Hz of each of the model's frame values. */
    public double[] binHz() {
        int lo = frames.firstBin(sampleRateHz);
        double[] hz = new double[frames.nVisible(sampleRateHz)];
        for (int i = 0; i < hz.length; i++) {
            hz[i] = (lo + i) * sampleRateHz / frames.stft().nfft();
        }
        return hz;
    }
}
