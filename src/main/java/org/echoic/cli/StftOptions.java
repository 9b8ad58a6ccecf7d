package org.echoic.cli;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;

import picocli.CommandLine.Option;

/**
 * STFT, channel and time-range options shared by the spectrogram, features and render commands. The spectrogram
 * command starts from scipy.signal.spectrogram's defaults ({@link #scipySpectrogram()}), the others from a Hann window
 * with half overlap and no detrending.
 */
final class StftOptions {
    /** The default overlap is nperseg / this. */
    private int overlapDivisor = 2;

    @Option(names = "--nperseg", description = "Samples per segment (default ${DEFAULT-VALUE}).")
    int nperseg = 256;

    @Option(names = "--noverlap", description = "Overlapping samples (default: nperseg / 8 for spectrogram, as scipy; "
            + "nperseg / 2 otherwise).")
    Integer noverlap;

    @Option(names = "--nfft", description = "FFT length >= nperseg (default: nperseg).")
    Integer nfft;

    @Option(names = "--window", description = "hann, hamming, blackman, boxcar or tukey:ALPHA (default ${DEFAULT-VALUE}).")
    String window = "hann";

    @Option(names = "--detrend", description = "none or constant (default ${DEFAULT-VALUE}).")
    String detrend = "none";

    @Option(names = "--scaling", description = "density or spectrum (default ${DEFAULT-VALUE}).")
    String scaling = "density";

    @Option(names = "--channel", description = "0-based channel (default: the mean of all channels).")
    Integer channel;

    @Option(names = "--start", description = "Start in seconds (default 0).")
    double startSeconds;

    @Option(names = "--end", description = "End in seconds (default: the end of the file).")
    Double endSeconds;

    /**
     * The defaults of scipy.signal.spectrogram: nperseg 256, noverlap nperseg // 8, a periodic Tukey window with
     * alpha 0.25, each segment detrended by its mean, density scaling.
     */
    static StftOptions scipySpectrogram() {
        StftOptions o = new StftOptions();
        o.window = "tukey:0.25";
        o.detrend = "constant";
        o.overlapDivisor = 8;
        return o;
    }

    StftParams params(String mode) {
        int ov = noverlap == null ? nperseg / overlapDivisor : noverlap;
        int n = nfft == null ? nperseg : nfft;
        return new StftParams(nperseg, ov, n, WindowFunction.parse(window),
                StftParams.Detrend.valueOf(choice("--detrend", detrend, "none", "constant")),
                StftParams.Scaling.valueOf(choice("--scaling", scaling, "density", "spectrum")),
                StftParams.Mode.valueOf(choice("--mode", mode, "psd", "magnitude", "complex")));
    }

    int channel(Recording rec) {
        if (channel == null) {
            return Recording.MEAN_CHANNEL;
        }
        if (channel < 0 || channel >= rec.channels()) {
            throw new IllegalArgumentException(rec.path() + ": has no channel " + channel + " (it has "
                    + rec.channels() + ", numbered from 0)");
        }
        return channel;
    }

    long startSample(Recording rec) {
        return toSample(rec, startSeconds, "--start");
    }

    long endSample(Recording rec) {
        long end = endSeconds == null ? rec.frames() : toSample(rec, endSeconds, "--end");
        if (end <= startSample(rec)) {
            throw new IllegalArgumentException("--end must be after --start");
        }
        return end;
    }

    private static long toSample(Recording rec, double seconds, String option) {
        if (!(seconds >= 0) || seconds * rec.sampleRateHz() > rec.frames() + 0.5) {
            throw new IllegalArgumentException(option + " " + seconds + " s lies outside " + rec.path() + " ("
                    + rec.durationSeconds() + " s)");
        }
        return Math.min(rec.frames(), Math.round(seconds * rec.sampleRateHz()));
    }

    static String choice(String option, String value, String... allowed) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v.toUpperCase(java.util.Locale.ROOT);
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ": " + value);
    }
}
