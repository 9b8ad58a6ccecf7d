package org.echoic.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.echoic.audio.Recording;
import org.echoic.audio.SummaryPyramid;
import org.echoic.io.AtomicFiles;
import org.echoic.render.AxisTicks;
import org.echoic.render.FigureAxes;
import org.echoic.render.FigureRenderer;
import org.echoic.render.SpectrogramTileCache;
import org.echoic.render.Viewport;
import org.echoic.render.WaveformParams;
import org.echoic.render.WaveformRenderer;

/**
 * Figures for papers from the spectrogram and waveform views, shared by {@code echoic render} and the workbench's
 * "Export PNG…": the plot drawn by the workbench's renderers, framed by {@link FigureRenderer} with time, frequency
 * or amplitude axes, a dB colour bar and a title, or the bare plot. Sizes are the whole image at scale 1; the
 * image is {@code round(width * scale) x round(height * scale)} with everything (text included) scaled, and its PNG
 * records 96 × scale dots per inch. No JavaFX; stateless; thread-safe; call it off the UI thread.
 */
public final class FigureExporter {
    /** Pixels per inch at scale 1 (written to the PNG, so that a 2× figure prints at the same size). */
    public static final double BASE_DPI = 96;

    /**
     * How a figure is drawn.
     *
     * @param axes  false for the bare plot (the image is the plot, as before figures had axes)
     * @param title text above the plot: null for the default (file name and range), blank for none
     * @param scale multiplies the image size and everything in it, 0.25 to 16
     */
    public record Options(boolean axes, String title, double scale) {
        /** Axes, the default title, scale 1. */
        public static final Options DEFAULT = new Options(true, null, 1);

        public Options {
            if (!(scale >= 0.25) || scale > 16) {
                throw new IllegalArgumentException("scale must be 0.25 to 16: " + scale);
            }
        }
    }

    /** A drawn figure and where its plot sits in it. */
    public record Figure(BufferedImage image, FigureRenderer.Layout layout) {
    }

    private FigureExporter() {
    }

    /** The spectrogram of samples {@code [start, end)} as a figure {@code width} x {@code height} (at scale 1). */
    public static Figure spectrogram(Recording rec, Object recordingKey, int channel,
                                     SpectrogramSettings settings, long start, long end, int width, int height,
                                     Options options, SpectrogramTileCache shared)
            throws InterruptedException {
        int w = scaled(width, options);
        int h = scaled(height, options);
        if (!options.axes()) {
            return bare(SpectrogramExporter.render(rec, recordingKey, channel, settings, start, end, w, h, shared), w, h);
        }
        double fs = rec.sampleRateHz();
        AxisTicks.Axis time = FigureAxes.time(start, end, fs, 0);
        AxisTicks.Axis freq = FigureAxes.frequency(settings.stft(), fs, settings.minHzFor(fs), settings.maxHzFor(fs),
                settings.axis());
        String level = FigureAxes.levelTitle(settings.stft());
        String title = title(options, rec, start, end);
        FigureRenderer.Layout layout = FigureRenderer.layout(w, h, new FigureRenderer.Spec(title, time, freq,
                FigureAxes.decibels(level, 0, settings.rangeDb()), settings.colorMap(), 0, settings.rangeDb(),
                options.scale()));
        SpectrogramExporter.Plot plot = SpectrogramExporter.renderPlot(rec, recordingKey, channel, settings, start, end,
                layout.plotWidth(), layout.plotHeight(), shared);
        double floor = Double.isFinite(plot.floorDb()) ? plot.floorDb() : 0;
        FigureRenderer.Spec spec = new FigureRenderer.Spec(title, time, freq,
                FigureAxes.decibels(level, floor, settings.rangeDb()), settings.colorMap(), floor, settings.rangeDb(),
                options.scale());
        return new Figure(FigureRenderer.draw(layout, spec, plot.argb()), layout);
    }

    /** The waveform of samples {@code [start, end)} as a figure {@code width} x {@code height} (at scale 1). */
    public static Figure waveform(Recording rec, int channel, WaveformParams params, long start, long end,
                                  int width, int height, Options options) throws InterruptedException {
        int w = scaled(width, options);
        int h = scaled(height, options);
        SummaryPyramid pyramid = SummaryPyramid.create(rec, channel);
        pyramid.run(f -> { });
        if (!options.axes()) {
            return bare(waveformPlot(pyramid, params, start, end, w, h), w, h);
        }
        FigureRenderer.Spec spec = new FigureRenderer.Spec(title(options, rec, start, end),
                FigureAxes.time(start, end, rec.sampleRateHz(), Viewport.MIN_FRAMES_PER_PIXEL),
                FigureAxes.amplitude(params), null, null, 0, 1, options.scale());
        FigureRenderer.Layout layout = FigureRenderer.layout(w, h, spec);
        return new Figure(FigureRenderer.draw(layout, spec,
                waveformPlot(pyramid, params, start, end, layout.plotWidth(), layout.plotHeight())), layout);
    }

    /** The waveform plot alone, through the viewport its time axis uses. */
    private static int[] waveformPlot(SummaryPyramid pyramid, WaveformParams params, long start, long end, int w,
                                      int h) {
        Viewport vp = FigureAxes.timeViewport(start, end, pyramid.recording().sampleRateHz(), w,
                Viewport.MIN_FRAMES_PER_PIXEL);
        int[] argb = new int[w * h];
        new WaveformRenderer().render(pyramid, vp, h, params, argb);
        return argb;
    }

    /** The default title: the file name and the range in seconds. */
    static String title(Options options, Recording rec, long start, long end) {
        if (options.title() != null) {
            return options.title();
        }
        Path name = rec.path() == null ? null : rec.path().getFileName();
        double fs = rec.sampleRateHz();
        int decimals = (end - start) / fs < 10 ? 3 : 1;
        return (name == null ? "recording" : name.toString()) + ", "
                + AxisTicks.format(start / fs, decimals) + "\u2013" + AxisTicks.format(end / fs, decimals) + " s";
    }

    private static int scaled(int side, Options options) {
        long s = Math.round(side * options.scale());
        if (side < 1 || s < 1 || s > SpectrogramExporter.MAX_PNG_SIDE) {
            throw new IllegalArgumentException("image sides must be 1 to " + SpectrogramExporter.MAX_PNG_SIDE
                    + " pixels after scaling: " + side + " x " + options.scale());
        }
        return (int) s;
    }

    private static Figure bare(int[] argb, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return new Figure(img, FigureRenderer.Layout.bare(w, h));
    }

    /** Writes {@code img} as a PNG recording {@code dpi} dots per inch (pHYs), atomically. */
    public static void writePng(Path out, BufferedImage img, double dpi) throws IOException {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("the image file must end in .png: " + out);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available for " + out);
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(phys);
            meta.mergeTree(format, root);
            AtomicFiles.write(out, o -> {
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(o)) {
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(img, null, meta), param);
                }
            });
        } finally {
            writer.dispose();
        }
    }
}
