package org.echoic.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javax.imageio.ImageIO;

import org.echoic.audio.Recording;
import org.echoic.io.AtomicFiles;
import org.echoic.io.CsvArrayWriter;
import org.echoic.io.NpyWriter;
import org.echoic.render.SpectrogramRenderParams;
import org.echoic.render.SpectrogramRenderer;
import org.echoic.render.SpectrogramTile;
import org.echoic.render.SpectrogramTileCache;
import org.echoic.render.SpectrogramTileKey;

/**
 * Exports from the spectrogram view, without JavaFX: the view as a PNG at any size (tiles the shared cache holds are
 * reused, the others computed on the calling thread) and arrays of a range as {@code .npy} or {@code .csv}, shape
 * (row, time). Every file is written atomically. Stateless; thread-safe; call it off the UI thread.
 */
public final class SpectrogramExporter {
    /** Largest PNG side in pixels. */
    public static final int MAX_PNG_SIDE = 16_384;

    private SpectrogramExporter() {
    }

    /**
     * Renders samples {@code [startSample, endSample)} with {@code settings} into a {@code width} x {@code height}
     * ARGB buffer (top row = highest frequency).
     *
     * @param shared cache whose tiles may be reused (may be null); it is not modified
     * @throws InterruptedException if interrupted while computing tiles
     */
    public static int[] render(Recording rec, Object recordingKey, int channel, SpectrogramSettings settings,
                               long startSample, long endSample, int width, int height, SpectrogramTileCache shared)
            throws InterruptedException {
        return renderPlot(rec, recordingKey, channel, settings, startSample, endSample, width, height, shared).argb();
    }

    /** A rendered spectrogram: its ARGB pixels and the dB of its lowest colour (resolved when automatic). */
    public record Plot(int[] argb, double floorDb) {
    }

    /** As {@link #render}, with the dB floor the colours were scaled from (for a colour bar). */
    public static Plot renderPlot(Recording rec, Object recordingKey, int channel, SpectrogramSettings settings,
                                  long startSample, long endSample, int width, int height,
                                  SpectrogramTileCache shared) throws InterruptedException {
        if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
            throw new IllegalArgumentException("image size must be 1 to " + MAX_PNG_SIDE + " pixels a side: "
                    + width + " x " + height);
        }
        if (settings.stft().frameCount(rec.frames()) == 0) {
            throw new IllegalArgumentException(rec.path() + ": shorter than one segment of "
                    + settings.stft().nperseg() + " samples");
        }
        SpectrogramRenderParams rp = settings.renderParams(startSample, endSample, width, height, rec.sampleRateHz());
        List<SpectrogramTileKey> keys = SpectrogramRenderer.tilesFor(recordingKey, channel, settings.stft(),
                rec.frames(), rp);
        long bytes = (long) keys.size() * SpectrogramTileCache.TILE_COLUMNS * settings.stft().bins() * 4;
        if (bytes > Runtime.getRuntime().maxMemory() / 2) {
            throw new IllegalArgumentException("an image of " + width + " x " + height + " pixels with an FFT of "
                    + settings.stft().nfft() + " needs " + (bytes >> 20) + " MiB of tiles: choose a smaller size");
        }
        SpectrogramTileCache local = new SpectrogramTileCache(Long.MAX_VALUE);
        for (SpectrogramTileKey k : keys) {
            SpectrogramTile t = shared == null ? null : shared.get(k);
            local.put(t != null ? t : SpectrogramTileCache.compute(rec, k));
        }
        int[] argb = new int[width * height];
        SpectrogramRenderer renderer = new SpectrogramRenderer(local);
        renderer.paint(recordingKey, channel, settings.stft(), rec.sampleRateHz(), rec.frames(), rp, argb);
        return new Plot(argb, renderer.lastFloorDb());
    }

    /** Writes an ARGB buffer as an opaque RGB PNG, atomically. */
    public static void writePng(Path out, int[] argb, int width, int height) throws IOException {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("the image file must end in .png: " + out);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFiles.write(out, o -> {
            if (!ImageIO.write(img, "png", o)) {
                throw new IOException("no PNG writer available for " + out);
            }
        });
    }

    /** Renders and writes the view as a PNG (see {@link #render}). */
    public static void exportPng(Path out, Recording rec, Object recordingKey, int channel,
                                 SpectrogramSettings settings, long startSample, long endSample, int width,
                                 int height, SpectrogramTileCache shared) throws IOException, InterruptedException {
        writePng(out, render(rec, recordingKey, channel, settings, startSample, endSample, width, height, shared),
                width, height);
    }

    /**
     * Computes {@code kind} over samples {@code [startSample, endSample)} and writes it as {@code .npy} or
     * {@code .csv} (by the file's extension), shape (row, time).
     *
     * @return the array written
     */
    public static FeatureArrays.FeatureArray exportArray(Path out, FeatureArrays.Kind kind, Recording rec, int channel,
                                                         long startSample, long endSample,
                                                         SpectrogramSettings settings, Executor executor,
                                                         int parallelism) throws IOException, InterruptedException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".npy") && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("the array file must end in .npy or .csv: " + out);
        }
        FeatureArrays.FeatureArray a = FeatureArrays.compute(kind, rec, channel, startSample, endSample,
                settings.stft(), executor, parallelism);
        if (name.endsWith(".npy")) {
            NpyWriter.writeFloat32(out, a.values(), a.rows(), a.frames());
        } else {
            CsvArrayWriter.write(out, a.values(), a.rows(), a.frames());
        }
        return a;
    }
}
