package org.echoic.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.echoic.audio.Recording;
import org.echoic.audio.SummaryPyramid;
import org.echoic.dsp.ColorMap;
import org.echoic.io.AudioFiles;
import org.echoic.render.FrequencyAxis;
import org.echoic.render.Viewport;
import org.echoic.render.WaveformParams;
import org.echoic.render.WaveformRenderer;
import org.echoic.service.SpectrogramExporter;
import org.echoic.service.SpectrogramSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic render FILE --view spectrogram|waveform --out X.png}: the spectrogram or waveform view of a range as a
 * PNG, headless (figures for papers), drawn by the same renderers as the workbench.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a view of a recording to a PNG image.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file.")
    Path file;

    @Option(names = "--view", description = "What to draw: spectrogram or waveform (default ${DEFAULT-VALUE}).")
    String view = "spectrogram";

    @Mixin
    StftOptions stft = new StftOptions();

    @Option(names = "--width", description = "Image width in pixels (default ${DEFAULT-VALUE}).")
    int width = 1200;

    @Option(names = "--height", description = "Image height in pixels (default ${DEFAULT-VALUE}).")
    int height = 400;

    @Option(names = "--colormap", description = "viridis, magma, inferno or grey (default ${DEFAULT-VALUE}).")
    String colormap = "viridis";

    @Option(names = "--db-range", description = "dB from the lowest to the highest colour (default ${DEFAULT-VALUE}).")
    double dbRange = 80;

    @Option(names = "--db-floor", description = "dB of the lowest colour (default: the image's maximum minus the range).")
    Double dbFloor;

    @Option(names = "--fmin", description = "Lowest frequency in Hz (default 0).")
    double fminHz;

    @Option(names = "--fmax", description = "Highest frequency in Hz (default: half the sample rate).")
    Double fmaxHz;

    @Option(names = "--axis", description = "Frequency axis: linear, log or mel (default ${DEFAULT-VALUE}).")
    String axis = "linear";

    @Option(names = "--out", required = true, description = "Output .png.")
    Path out;

    @Option(names = "--amplitude", description = "Waveform amplitude axis: linear or dbfs (default ${DEFAULT-VALUE}).")
    String amplitude = "linear";

    @Option(names = "--gain", description = "Waveform vertical zoom, at least 1 (default ${DEFAULT-VALUE}).")
    double gain = 1;

    @Override
    public Integer call() throws Exception {
        String v = StftOptions.choice("--view", view, "spectrogram", "waveform");
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out must end in .png: " + out);
        }
        if (width < 1 || height < 1 || width > SpectrogramExporter.MAX_PNG_SIDE || height > SpectrogramExporter.MAX_PNG_SIDE) {
            throw new IllegalArgumentException("--width and --height must be 1 to " + SpectrogramExporter.MAX_PNG_SIDE
                    + ": " + width + " x " + height);
        }
        try (Recording rec = AudioFiles.open(file)) {
            int channel = stft.channel(rec);
            long start = stft.startSample(rec);
            long end = stft.endSample(rec);
            int[] argb = v.equals("WAVEFORM") ? waveform(rec, channel, start, end) : spectrogram(rec, channel, start, end);
            SpectrogramExporter.writePng(out, argb, width, height);
            System.out.println("wrote " + out + " (" + width + " x " + height + ")");
        }
        return 0;
    }

    private int[] spectrogram(Recording rec, int channel, long start, long end) throws InterruptedException {
        SpectrogramSettings settings = new SpectrogramSettings(stft.params("psd"), ColorMap.parse(colormap),
                FrequencyAxis.parse(axis), fminHz, fmaxHz == null ? Double.NaN : fmaxHz,
                dbFloor == null ? Double.NaN : dbFloor, dbRange);
        return SpectrogramExporter.render(rec, file, channel, settings, start, end, width, height, null);
    }

    /** The waveform from the recording's summary pyramid (min/max envelope and RMS), as in the workbench. */
    private int[] waveform(Recording rec, int channel, long start, long end) throws InterruptedException {
        WaveformParams params = new WaveformParams(WaveformParams.AmplitudeScale.valueOf(
                StftOptions.choice("--amplitude", amplitude, "linear", "dbfs")), gain, WaveformParams.DEFAULT.dbRangeDb());
        SummaryPyramid pyramid = SummaryPyramid.create(rec, channel);
        pyramid.run(f -> { });
        Viewport vp = new Viewport(start, Math.max(Viewport.MIN_FRAMES_PER_PIXEL, (end - start) / (double) width), width,
                0, rec.sampleRateHz() / 2, Viewport.FrequencyScale.LINEAR);
        int[] argb = new int[width * height];
        new WaveformRenderer().render(pyramid, vp, height, params, argb);
        return argb;
    }
}
