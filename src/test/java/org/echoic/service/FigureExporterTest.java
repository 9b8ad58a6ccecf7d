package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.echoic.audio.ArrayRecording;
import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.render.FigureRenderer;
import org.echoic.render.FrequencyAxis;
import org.echoic.render.WaveformParams;
import org.junit.jupiter.api.Test;

/**
 * Figures for papers: ticks sit on the pixels of the features they name (a 5 kHz tone on the 5 kHz tick, a click at
 * 1 s on the 1 s tick), the colour bar rises monotonically through the colour map, the margins hold text, the bare
 * figure is the old image, and scaling doubles everything.
 */
class FigureExporterTest {
    private static final double FS = 32_000;

    /** 2 s: a 5 kHz tone, light noise, and a click at exactly 1.000 s. */
    private static ArrayRecording toneAndClick(boolean tone) {
        float[] x = new float[(int) (2 * FS)];
        Random rnd = new Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((tone ? 0.3 * Math.sin(2 * Math.PI * 5000 * i / FS) : 0) + 0.001 * rnd.nextGaussian());
        }
        x[(int) FS] = 0.9f;
        return new ArrayRecording(Path.of("tone.wav"), FS, x);
    }

    private static boolean black(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) & 0xffffff) == 0;
    }

    private static int lum(int rgb) {
        return ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
    }

    /** A tick mark (black) in the column left of the plot within ±1 row of {@code row}. */
    private static boolean yTickNear(BufferedImage img, FigureRenderer.Layout l, int row) {
        for (int d = -1; d <= 1; d++) {
            if (black(img, l.plotX() - 3, l.plotY() + row + d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean xTickNear(BufferedImage img, FigureRenderer.Layout l, int column) {
        for (int d = -1; d <= 1; d++) {
            if (black(img, l.plotX() + column + d, l.plotY() + l.plotHeight() + 3)) {
                return true;
            }
        }
        return false;
    }

    private static int toneRow(BufferedImage img, FigureRenderer.Layout l, int column) {
        int best = 0;
        for (int y = 1; y < l.plotHeight(); y++) {
            if (lum(img.getRGB(l.plotX() + column, l.plotY() + y))
                    > lum(img.getRGB(l.plotX() + column, l.plotY() + best))) {
                best = y;
            }
        }
        return best;
    }

    @Test
    void aFiveKilohertzToneSitsOnTheFiveKilohertzTickOnLinearAndMelAxes() throws Exception {
        ArrayRecording rec = toneAndClick(true);
        for (FrequencyAxis axis : new FrequencyAxis[] {FrequencyAxis.LINEAR, FrequencyAxis.MEL}) {
            SpectrogramSettings s = SpectrogramSettings.DEFAULT.withStft(new StftParams(512, 256, 512,
                    WindowFunction.HANN, StftParams.Detrend.NONE, StftParams.Scaling.DENSITY, StftParams.Mode.PSD))
                    .withAxis(axis);
            FigureExporter.Figure f = FigureExporter.spectrogram(rec, "tone-" + axis, 0, s, 0, rec.frames(), 1000,
                    600, FigureExporter.Options.DEFAULT, null);
            FigureRenderer.Layout l = f.layout();
            int h = l.plotHeight();
            double frac = (axis.toScale(5000) - axis.toScale(0)) / (axis.toScale(FS / 2) - axis.toScale(0));
            int expected = (int) Math.floor(h * (1 - frac));
            int row = toneRow(f.image(), l, l.plotWidth() / 4);
            assertEquals(expected, row, 1, axis + ": the tone is painted at 5 kHz");
            assertTrue(yTickNear(f.image(), l, row), axis + ": a tick marks the tone's row " + row);
        }
    }

    @Test
    void aClickAtOneSecondSitsOnTheOneSecondTickInWaveformAndSpectrogram() throws Exception {
        ArrayRecording rec = toneAndClick(false);
        FigureExporter.Figure w = FigureExporter.waveform(rec, 0, WaveformParams.DEFAULT, 0, rec.frames(), 1200, 400,
                FigureExporter.Options.DEFAULT);
        FigureRenderer.Layout l = w.layout();
        int centre = l.plotY() + l.plotHeight() / 2;
        int click = -1;
        int reach = 0;
        for (int x = 0; x < l.plotWidth(); x++) {
            int r = 0;
            while (r < l.plotHeight() / 2 - 1 && lum(w.image().getRGB(l.plotX() + x, centre - r - 1)) > 300) {
                r++;
            }
            if (r > reach) {
                reach = r;
                click = x;
            }
        }
        assertEquals(Math.floor(l.plotWidth() / 2.0), click, 1, "the click is drawn at 1 s");
        assertTrue(xTickNear(w.image(), l, click), "the 1 s tick marks the click's column " + click);

        SpectrogramSettings s = SpectrogramSettings.DEFAULT.withStft(new StftParams(64, 32, 64, WindowFunction.HANN,
                StftParams.Detrend.NONE, StftParams.Scaling.DENSITY, StftParams.Mode.PSD));
        FigureExporter.Figure f = FigureExporter.spectrogram(rec, "click", 0, s, 0, rec.frames(), 1200, 400,
                FigureExporter.Options.DEFAULT, null);
        l = f.layout();
        long[] sums = new long[l.plotWidth()];
        long max = 0;
        for (int x = 0; x < sums.length; x++) {
            for (int y = 0; y < l.plotHeight(); y++) {
                sums[x] += lum(f.image().getRGB(l.plotX() + x, l.plotY() + y));
            }
            max = Math.max(max, sums[x]);
        }
        int first = -1;
        int last = -1;
        for (int x = 0; x < sums.length; x++) {
            if (sums[x] >= max * 0.97) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        int col = (first + last) / 2;
        assertEquals(Math.floor(l.plotWidth() / 2.0), col, 1, "the click's broadband column is at 1 s");
        assertTrue(xTickNear(f.image(), l, col), "the 1 s tick marks the click's column " + col);
    }

    @Test
    void theColourBarRisesThroughTheMapAndTheMarginsHoldText() throws Exception {
        ArrayRecording rec = toneAndClick(true);
        SpectrogramSettings s = SpectrogramSettings.DEFAULT.withColorMap(ColorMap.MAGMA);
        FigureExporter.Figure f = FigureExporter.spectrogram(rec, "bar", 0, s, 0, rec.frames(), 900, 400,
                FigureExporter.Options.DEFAULT, null);
        BufferedImage img = f.image();
        FigureRenderer.Layout l = f.layout();
        assertEquals(900, img.getWidth(), "--width is the whole figure");
        assertEquals(400, img.getHeight());
        int mid = l.plotY() + l.plotHeight() / 2;
        int barX = l.plotX() + l.plotWidth() + 2;
        while (barX < img.getWidth() && ((img.getRGB(barX, mid) & 0xffffff) == 0xffffff || black(img, barX, mid))) {
            barX++;
        }
        assertTrue(barX < img.getWidth() - 10, "a colour bar right of the plot");
        Map<Integer, Integer> index = new HashMap<>();
        int[] table = ColorMap.MAGMA.table();
        for (int i = 0; i < table.length; i++) {
            index.putIfAbsent(table[i] | 0xff000000, i);
        }
        int previous = -1;
        for (int y = l.plotY() + l.plotHeight() - 1; y >= l.plotY(); y--) {
            Integer i = index.get(img.getRGB(barX + 3, y) | 0xff000000);
            assertNotNull(i, "bar row " + y + " has a colour of the map");
            assertTrue(i >= previous, "the bar rises monotonically at row " + y);
            previous = i;
        }
        assertEquals(0, index.get(img.getRGB(barX + 3, l.plotY() + l.plotHeight() - 1) | 0xff000000));
        assertTrue(previous >= 254, "the top of the bar is the top colour");
        assertTrue(inkIn(img, 0, l.plotY(), l.plotX() - 8, l.plotY() + l.plotHeight()) > 100, "frequency labels");
        assertTrue(inkIn(img, l.plotX(), l.plotY() + l.plotHeight() + 8, l.plotX() + l.plotWidth(), 400) > 100,
                "time labels");
        assertTrue(inkIn(img, l.plotX(), 0, l.plotX() + l.plotWidth(), l.plotY() - 2) > 50, "title");
        assertTrue(inkIn(img, barX + 25, l.plotY(), 900, l.plotY() + l.plotHeight()) > 100, "dB labels");
        assertEquals(0, inkIn(img, l.plotX() + l.plotWidth() + 2, l.plotY(), barX - 1, l.plotY() + l.plotHeight()),
                "the gap between plot and bar stays white");
    }

    private static int inkIn(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theBareFigureIsTheOldImageAndMatchesTheGolden() throws Exception {
        ArrayRecording rec = SpectrogramExporterTest.chirp();
        SpectrogramSettings s = SpectrogramSettings.DEFAULT.withColorMap(ColorMap.MAGMA);
        FigureExporter.Figure f = FigureExporter.spectrogram(rec, "chirp", 0, s, 0, rec.frames(), 320, 160,
                new FigureExporter.Options(false, null, 1), null);
        int[] old = SpectrogramExporter.render(rec, "chirp", 0, s, 0, rec.frames(), 320, 160, null);
        assertArrayEquals(old, f.image().getRGB(0, 0, 320, 160, null, 0, 320));
        try (InputStream in = getClass().getResourceAsStream("/golden/export_chirp_magma.png")) {
            BufferedImage golden = ImageIO.read(in);
            int off = 0;
            for (int y = 0; y < 160; y++) {
                for (int x = 0; x < 320; x++) {
                    off += Math.abs(lum(golden.getRGB(x, y)) - lum(f.image().getRGB(x, y))) > 9 ? 1 : 0;
                }
            }
            assertTrue(off <= 320 * 160 / 200, off + " pixels differ from the golden image");
        }
    }

    @Test
    void scaleTwoDoublesTheImageTheMarginsAndTheText() throws Exception {
        ArrayRecording rec = toneAndClick(true);
        FigureExporter.Figure one = FigureExporter.waveform(rec, 0, WaveformParams.DEFAULT, 0, rec.frames(), 600, 300,
                FigureExporter.Options.DEFAULT);
        FigureExporter.Figure two = FigureExporter.waveform(rec, 0, WaveformParams.DEFAULT, 0, rec.frames(), 600, 300,
                new FigureExporter.Options(true, "A title", 2));
        assertEquals(1200, two.image().getWidth());
        assertEquals(600, two.image().getHeight());
        assertEquals(2.0 * one.layout().plotX(), two.layout().plotX(), 6, "left margin doubles");
        assertEquals(2.0 * one.layout().plotY(), two.layout().plotY(), 6, "top margin doubles");
        assertEquals(2.0 * one.layout().plotHeight(), two.layout().plotHeight(), 8, "plot doubles");
        assertThrows(IllegalArgumentException.class, () -> FigureExporter.waveform(rec, 0, WaveformParams.DEFAULT, 0,
                rec.frames(), 60, 40, FigureExporter.Options.DEFAULT), "too small for axes");
        assertEquals("tone.wav, 0.000\u20132.000 s",
                FigureExporter.title(FigureExporter.Options.DEFAULT, rec, 0, rec.frames()));
    }
}
