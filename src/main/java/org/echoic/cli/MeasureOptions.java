package org.echoic.cli;

import java.util.Set;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.measure.Measurement;
import org.echoic.measure.PitchAlgorithm;
import org.echoic.measure.PitchParams;

import picocli.CommandLine.Option;

/** STFT, channel, column and F0 options of {@code echoic measure} and {@code echoic bench measure}. */
final class MeasureOptions {
    @Option(names = "--nperseg", defaultValue = "512",
            description = "STFT segment in samples (default ${DEFAULT-VALUE}, Raven's default window).")
    int nperseg;

    @Option(names = "--noverlap", description = "Overlapping samples (default: nperseg / 2).")
    Integer noverlap;

    @Option(names = "--nfft", description = "FFT length >= nperseg (default: nperseg).")
    Integer nfft;

    @Option(names = "--window", defaultValue = "hann",
            description = "hann, hamming, blackman, boxcar or tukey:ALPHA (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--channel", defaultValue = "mean",
            description = "'mean' or a channel number from 1 (default: ${DEFAULT-VALUE}; a Raven row's Channel wins).")
    String channel;

    @Option(names = "--columns", paramLabel = "LIST",
            description = "Comma-separated measurements to write, e.g. \"Peak Freq,Freq 5%,BW 90%\" (default: all; "
                    + "the F0 columns with --pitch).")
    String columns;

    @Option(names = "--pitch", description = "Also track F0 with TarsosDSP and write <name>.pitch.csv.")
    boolean pitch;

    @Option(names = "--pitch-algorithm", defaultValue = "yin", description = "yin or mpm (default ${DEFAULT-VALUE}).")
    String pitchAlgorithm;

    @Option(names = "--pitch-window", defaultValue = "1024", description = "F0 frame in samples (default ${DEFAULT-VALUE}).")
    int pitchWindow;

    @Option(names = "--pitch-hop", defaultValue = "256", description = "F0 hop in samples (default ${DEFAULT-VALUE}).")
    int pitchHop;

    @Option(names = "--pitch-min-hz", defaultValue = "0", description = "Lowest accepted F0 (default ${DEFAULT-VALUE}).")
    double pitchMinHz;

    @Option(names = "--pitch-max-hz", description = "Highest accepted F0 (default: the Nyquist frequency).")
    Double pitchMaxHz;

    @Option(names = "--pitch-min-confidence", defaultValue = "0.5",
            description = "Lowest confidence of a voiced frame, 0…1 (default ${DEFAULT-VALUE}).")
    double pitchMinConfidence;

    StftParams stft() {
        int ov = noverlap == null ? nperseg / 2 : noverlap;
        int n = nfft == null ? nperseg : nfft;
        return new StftParams(nperseg, ov, n, WindowFunction.parse(window), StftParams.Detrend.NONE,
                StftParams.Scaling.DENSITY, StftParams.Mode.PSD);
    }

    /** The F0 settings, or null without {@code --pitch}. */
    PitchParams pitch() {
        if (!pitch) {
            return null;
        }
        return new PitchParams(PitchAlgorithm.parse(pitchAlgorithm), pitchWindow, pitchHop, pitchMinHz,
                pitchMaxHz == null ? Double.POSITIVE_INFINITY : pitchMaxHz, pitchMinConfidence);
    }

    Set<Measurement> columns() {
        return columns == null ? Measurement.defaults(pitch) : Measurement.parseList(columns);
    }

    /** The 0-based channel or {@link Recording#MEAN_CHANNEL}. */
    int channel() {
        return ChannelOption.parse(channel);
    }
}
