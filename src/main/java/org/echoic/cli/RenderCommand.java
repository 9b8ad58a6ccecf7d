package org.echoic.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.echoic.audio.Recording;
import org.echoic.dsp.ColorMap;
import org.echoic.io.AudioFiles;
import org.echoic.render.FrequencyAxis;
import org.echoic.render.WaveformParams;
import org.echoic.service.FigureExporter;
import org.echoic.service.SpectrogramExporter;
import org.echoic.service.SpectrogramSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic render FILE --view spectrogram|waveform --out X.png}: the spectrogram or waveform view of a range as a
 * PNG, headless (figures for papers), drawn by the same renderers as the workbench: by default a figure with axes,
 * colour bar and title ({@link FigureExporter}), with {@code --no-axes} the bare plot.
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

    @Option(names = "--width", description = "Width of the whole image in pixels at scale 1, axes included "
            + "(default ${DEFAULT-VALUE}).")
    int width = 1200;

    @Option(names = "--height", description = "Height of the whole image in pixels at scale 1, axes included "
            + "(default ${DEFAULT-VALUE}).")
    int height = 400;

    @Option(names = "--colormap", description = "viridis, magma, inferno, grey; on white: gray_r, Greys, Blues; cividis (default ${DEFAULT-VALUE}).")
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

    @Option(names = "--axes", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw a figure: time axis, frequency or amplitude axis, dB colour bar and title "
                    + "(default); --no-axes writes the bare plot image.")
    boolean axes = true;

    @Option(names = "--title", description = "Title above the plot (default: the file name and range; \"\" for none).")
    String title;

    @Option(names = "--scale", description = "Multiplies the image and everything in it, text included, 0.25 to 16 "
            + "(default 1; the PNG records 96 x scale dpi).")
    Double scale;

    @Option(names = "--dpi", description = "Dots per inch, instead of --scale: scale = dpi / 96.")
    Double dpi;

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
        if (scale != null && dpi != null) {
            throw new IllegalArgumentException("give --scale or --dpi, not both");
        }
        double s = dpi != null ? dpi / FigureExporter.BASE_DPI : scale != null ? scale : 1;
        FigureExporter.Options options = new FigureExporter.Options(axes, title, s);
        try (Recording rec = AudioFiles.open(file)) {
            int channel = stft.channel(rec);
            long start = stft.startSample(rec);
            long end = stft.endSample(rec);
            BufferedImage img = v.equals("WAVEFORM") ? waveform(rec, channel, start, end, options)
                    : spectrogram(rec, channel, start, end, options);
            FigureExporter.writePng(out, img, FigureExporter.BASE_DPI * s);
            System.out.println("wrote " + out + " (" + img.getWidth() + " x " + img.getHeight() + ")");
        }
        return 0;
    }

    private BufferedImage spectrogram(Recording rec, int channel, long start, long end, FigureExporter.Options options)
            throws InterruptedException {
        SpectrogramSettings settings = new SpectrogramSettings(stft.params("psd"), ColorMap.parse(colormap),
                FrequencyAxis.parse(axis), fminHz, fmaxHz == null ? Double.NaN : fmaxHz,
                dbFloor == null ? Double.NaN : dbFloor, dbRange);
        return FigureExporter.spectrogram(rec, file, channel, settings, start, end, width, height, options, null)
                .image();
    }

    /** The waveform from the recording's summary pyramid (min/max envelope and RMS), as in the workbench. */
    private BufferedImage waveform(Recording rec, int channel, long start, long end, FigureExporter.Options options)
            throws InterruptedException {
        WaveformParams params = new WaveformParams(WaveformParams.AmplitudeScale.valueOf(
                StftOptions.choice("--amplitude", amplitude, "linear", "dbfs")), gain, WaveformParams.DEFAULT.dbRangeDb());
        return FigureExporter.waveform(rec, channel, params, start, end, width, height, options).image();
    }
}
