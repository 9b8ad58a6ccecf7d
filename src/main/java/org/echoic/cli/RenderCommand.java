package org.echoic.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.echoic.audio.Recording;
import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.io.AtomicFiles;
import org.echoic.io.AudioFiles;
import org.echoic.render.FrequencyAxis;
import org.echoic.render.SpectrogramRenderParams;
import org.echoic.render.SpectrogramRenderer;
import org.echoic.render.SpectrogramTileCache;
import org.echoic.render.SpectrogramTileKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code echoic render FILE --view spectrogram --out X.png}: the spectrogram view as a PNG, headless. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a view of a recording to a PNG image.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file.")
    Path file;

    @Option(names = "--view", description = "What to draw: spectrogram (default ${DEFAULT-VALUE}).")
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

    @Override
    public Integer call() throws Exception {
        StftOptions.choice("--view", view, "spectrogram");
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out must end in .png: " + out);
        }
        StftParams params = stft.params("psd");
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Recording rec = AudioFiles.open(file)) {
            int channel = stft.channel(rec);
            SpectrogramRenderParams rp = new SpectrogramRenderParams(stft.startSample(rec), stft.endSample(rec),
                    width, height, fminHz, fmaxHz == null ? rec.sampleRateHz() / 2 : fmaxHz,
                    FrequencyAxis.parse(axis), ColorMap.parse(colormap), dbFloor == null ? Double.NaN : dbFloor,
                    dbRange);
            if (params.frameCount(rec.frames()) == 0) {
                throw new IllegalArgumentException(file + ": shorter than one segment of " + params.nperseg() + " samples");
            }
            SpectrogramTileCache cache = new SpectrogramTileCache(256L << 20);
            List<Future<?>> jobs = new ArrayList<>();
            for (SpectrogramTileKey key : SpectrogramRenderer.tilesFor(file, channel, params, rec.frames(), rp)) {
                jobs.add(pool.submit(() -> cache.getOrCompute(rec, key)));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            int[] argb = new int[width * height];
            List<SpectrogramTileKey> missing = new SpectrogramRenderer(cache)
                    .paint(file, channel, params, rec.sampleRateHz(), rec.frames(), rp, argb);
            if (!missing.isEmpty()) {
                throw new IllegalStateException(missing.size() + " tiles did not fit in the tile cache");
            }
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, width, height, argb, 0, width);
            AtomicFiles.write(out, o -> {
                if (!ImageIO.write(img, "png", o)) {
                    throw new java.io.IOException("no PNG writer available");
                }
            });
            System.out.println("wrote " + out + " (" + width + " x " + height + ")");
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }
}
