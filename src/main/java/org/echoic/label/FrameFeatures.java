package org.echoic.label;

import org.echoic.audio.Recording;
import org.echoic.dsp.MelFilterbank;
import org.echoic.dsp.Mfcc;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;

/**
 * The frames a labeller sees for a sample range of a recording, before normalisation: time-major
 * {@code values[t * width + f]}. Frame t covers samples {@code [startSample + t·hop, … + nperseg)}; its centre is
 * {@link #centreSeconds(int)}. Immutable once built (the array is not copied).
 *
 * @param spec         the settings
 * @param sampleRateHz the recording's rate
 * @param startSample  where frame 0 starts
 * @param frames       number of frames
 * @param width        values per frame
 * @param values       time-major values
 */
public record FrameFeatures(FeatureSpec spec, double sampleRateHz, long startSample, int frames, int width,
                            float[] values) {
    /** PSD floor before the logarithm (−100 dB re 1). */
    private static final double FLOOR = 1e-10;

    public FrameFeatures {
        if ((long) frames * width != values.length) {
            throw new IllegalArgumentException("values do not match " + frames + " x " + width);
        }
    }

    /** The STFT of {@code spec} at {@code sampleRateHz} (Hann, PSD density, no detrend). */
    public static StftParams stft(FeatureSpec spec, double sampleRateHz) {
        int n = spec.nperseg(sampleRateHz);
        return new StftParams(n, n - spec.hop(sampleRateHz), spec.nfft(sampleRateHz), WindowFunction.HANN,
                StftParams.Detrend.NONE, StftParams.Scaling.DENSITY, StftParams.Mode.PSD);
    }

    /** Values per frame of {@code spec} at {@code sampleRateHz}. */
    public static int width(FeatureSpec spec, double sampleRateHz) {
        return switch (spec.kind()) {
            case SPECTROGRAM -> {
                int[] r = binRange(spec, sampleRateHz);
                yield r[1] - r[0];
            }
            case MEL -> spec.bands();
            case MFCC -> spec.coefficients();
        };
    }

    /**
     * Computes the frames of samples {@code [startSample, endSample)} of {@code channel}
     * ({@link Recording#MEAN_CHANNEL} for the mean).
     *
     * @throws IllegalArgumentException if the range is shorter than one window or the band holds no bin
     */
    public static FrameFeatures compute(Recording rec, int channel, long startSample, long endSample, FeatureSpec spec)
            throws InterruptedException {
        double fs = rec.sampleRateHz();
        StftParams p = stft(spec, fs);
        Spectrogram s = Stft.spectrogram(rec, channel, startSample, endSample, p, null, 1, null);
        int t = s.frames();
        int w = width(spec, fs);
        float[] out = new float[t * w];
        switch (spec.kind()) {
            case SPECTROGRAM -> {
                int lo = binRange(spec, fs)[0];
                for (int f = 0; f < w; f++) {
                    int row = (lo + f) * t;
                    for (int j = 0; j < t; j++) {
                        out[j * w + f] = (float) Math.log10(Math.max(FLOOR, s.values()[row + j]));
                    }
                }
            }
            case MEL, MFCC -> {
                float[] mel = MelFilterbank.apply(MelFilterbank.matrix(fs, p.nfft(), spec.bands(), spec.lowHz(),
                        Math.min(spec.highHz(), fs / 2), MelFilterbank.Scale.SLANEY, MelFilterbank.Norm.SLANEY),
                        spec.bands(), s);
                if (spec.kind() == FeatureSpec.Kind.MEL) {
                    for (int f = 0; f < w; f++) {
                        for (int j = 0; j < t; j++) {
                            out[j * w + f] = (float) Math.log10(Math.max(FLOOR, mel[f * t + j]));
                        }
                    }
                } else {
                    float[] c = Mfcc.compute(mel, spec.bands(), t, spec.coefficients(), 80);
                    for (int f = 0; f < w; f++) {
                        for (int j = 0; j < t; j++) {
                            out[j * w + f] = c[f * t + j] / 10f;
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(spec.kind().name());
        }
        return new FrameFeatures(spec, fs, startSample, t, w, out);
    }

    /** The bins [lo, hi) of the spectrogram inside the band. */
    private static int[] binRange(FeatureSpec spec, double fs) {
        int nfft = spec.nfft(fs);
        int bins = nfft / 2 + 1;
        int lo = (int) Math.ceil(spec.lowHz() * nfft / fs);
        int hi = Math.min(bins, (int) Math.floor(Math.min(spec.highHz(), fs / 2) * nfft / fs) + 1);
        if (hi <= lo) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the band %.0f–%.0f Hz holds no frequency bin at %.0f Hz with a %d-point FFT", spec.lowHz(),
                    spec.highHz(), fs, nfft));
        }
        return new int[] {lo, hi};
    }

    /** Hop between frames in seconds. */
    public double hopSeconds() {
        return spec.hop(sampleRateHz) / sampleRateHz;
    }

    /** Centre of frame {@code t} in seconds from the start of the recording. */
    public double centreSeconds(int t) {
        return (startSample + spec.nperseg(sampleRateHz) / 2.0 + (double) t * spec.hop(sampleRateHz)) / sampleRateHz;
    }

    /** The boundary between frames {@code t − 1} and {@code t}, in seconds (a segment starting at frame t starts here). */
    public double boundarySeconds(int t) {
        return centreSeconds(t) - hopSeconds() / 2;
    }

    /** The first frame whose centre lies at or after {@code seconds} (clamped to [0, frames]). */
    public int frameAt(double seconds) {
        double nperseg = spec.nperseg(sampleRateHz);
        double t = (seconds * sampleRateHz - startSample - nperseg / 2.0) / spec.hop(sampleRateHz);
        return (int) Math.max(0, Math.min(frames, Math.ceil(t - 1e-9)));
    }
}
