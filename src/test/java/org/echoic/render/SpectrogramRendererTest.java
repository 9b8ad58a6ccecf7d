package org.echoic.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.echoic.audio.ArrayRecording;
import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.junit.jupiter.api.Test;

/** Tile LOD invariants, LRU bound, click visibility at every zoom, and a golden PNG. */
class SpectrogramRendererTest {
    private static final double FS = 8000;

    /** Low noise with a 5 ms click of a 2 kHz burst at {@code clickSample}. */
    static ArrayRecording noiseWithClick(int n, int clickSample) {
        Random rnd = new Random(11);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.001 * rnd.nextGaussian());
        }
        for (int i = 0; i < 40; i++) {
            x[clickSample + i] += (float) (0.8 * Math.sin(2 * Math.PI * 2000 * i / FS));
        }
        return new ArrayRecording(Path.of("click.wav"), FS, x);
    }

    @Test
    void coarseTileColumnsAreMaximaOfFineOnes() throws InterruptedException {
        ArrayRecording rec = noiseWithClick(200_000, 123_457);
        StftParams p = StftParams.DEFAULT;
        SpectrogramTile fine0 = SpectrogramTileCache.compute(rec, new SpectrogramTileKey("r", 0, p, 0, 0));
        SpectrogramTile fine1 = SpectrogramTileCache.compute(rec, new SpectrogramTileKey("r", 0, p, 0, 1));
        SpectrogramTile coarse = SpectrogramTileCache.compute(rec, new SpectrogramTileKey("r", 0, p, 2, 0));
        int bins = p.bins();
        for (int c = 0; c < 128; c++) {
            for (int k = 0; k < bins; k++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int f = 4 * c; f < 4 * c + 4; f++) {
                    SpectrogramTile t = f < 256 ? fine0 : fine1;
                    max = Math.max(max, t.db()[(f % 256) * bins + k]);
                }
                assertEquals(max, coarse.db()[c * bins + k], 1e-4);
            }
        }
        SpectrogramTile last = SpectrogramTileCache.compute(rec, new SpectrogramTileKey("r", 0, p, 3, 0));
        assertEquals((p.frameCount(rec.frames()) + 7) / 8, last.columns(), "columns end with the recording");
    }

    @Test
    void aShortClickStaysVisibleAtEveryZoom() throws InterruptedException {
        int click = 1_234_567;
        ArrayRecording rec = noiseWithClick(2_400_000, click);
        SpectrogramTileCache cache = new SpectrogramTileCache(64L << 20);
        SpectrogramRenderer renderer = new SpectrogramRenderer(cache);
        StftParams p = StftParams.DEFAULT;
        int[] top = ColorMap.VIRIDIS.table();
        for (long span : new long[] {2_000, 20_000, 200_000, 2_400_000}) {
            long start = Math.max(0, click - span / 3);
            SpectrogramRenderParams rp = new SpectrogramRenderParams(start, Math.min(rec.frames(), start + span),
                    300, 64, 0, 4000, FrequencyAxis.LINEAR, ColorMap.VIRIDIS, -110, 40);
            for (SpectrogramTileKey k : SpectrogramRenderer.tilesFor("r", 0, p, rec.frames(), rp)) {
                cache.getOrCompute(rec, k);
            }
            int[] argb = new int[300 * 64];
            assertTrue(renderer.paint("r", 0, p, FS, rec.frames(), rp, argb).isEmpty());
            int x = (int) ((click + 20 - start) / rp.samplesPerPixel());
            int row = (int) Math.round((4000 - 2000) / 4000.0 * 64);
            int bright = 0;
            for (int dx = -1; dx <= 1; dx++) {
                bright += argb[row * 300 + x + dx] == top[255] ? 1 : 0;
            }
            assertTrue(bright > 0, "click visible at span " + span);
            int noise = java.util.Arrays.stream(top).boxed().toList().indexOf(argb[row * 300 + (x + 150) % 300]);
            assertTrue(noise >= 0 && noise < 200, "noise stays darker at span " + span + ": " + noise);
        }
    }

    @Test
    void cacheEvictsLeastRecentlyUsedWithinItsByteBound() {
        StftParams p = StftParams.DEFAULT;
        SpectrogramTileCache cache = new SpectrogramTileCache(3 * (4L * 256 * 129 + 64));
        SpectrogramTile[] tiles = new SpectrogramTile[5];
        for (int i = 0; i < 5; i++) {
            tiles[i] = new SpectrogramTile(new SpectrogramTileKey("r", 0, p, 0, i), 256, 129, new float[256 * 129]);
        }
        cache.put(tiles[0]);
        cache.put(tiles[1]);
        cache.put(tiles[2]);
        assertNotNull(cache.get(tiles[0].key()));
        cache.put(tiles[3]);
        assertNull(cache.get(tiles[1].key()), "least recently used went first");
        assertNotNull(cache.get(tiles[0].key()));
        assertTrue(cache.bytes() <= cache.maxBytes());
        cache.put(tiles[4]);
        assertEquals(3, cache.size());
        cache.evictRecording("r");
        assertEquals(0, cache.bytes());
    }

    @Test
    void missingTilesArePaintedGreyAndReported() {
        ArrayRecording rec = noiseWithClick(100_000, 5_000);
        SpectrogramRenderer renderer = new SpectrogramRenderer(new SpectrogramTileCache(1 << 20));
        SpectrogramRenderParams rp = new SpectrogramRenderParams(0, rec.frames(), 100, 20, 100, 4000,
                FrequencyAxis.LOG, ColorMap.MAGMA, Double.NaN, 80);
        int[] argb = new int[2000];
        List<SpectrogramTileKey> missing = renderer.paint("r", 0, StftParams.DEFAULT, FS, rec.frames(), rp, argb);
        assertEquals(SpectrogramRenderer.tilesFor("r", 0, StftParams.DEFAULT, rec.frames(), rp), missing);
        assertEquals(SpectrogramRenderer.MISSING_ARGB, argb[1234]);
    }

    @Test
    void goldenPng() throws InterruptedException, IOException {
        float[] x = new float[64_000];
        Random rnd = new Random(2);
        for (int i = 0; i < x.length; i++) {
            double t = i / FS;
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * (200 * t + 200 * t * t)) + 0.002 * rnd.nextGaussian()
                    + (i % 16_000 < 40 ? 0.5 * Math.sin(2 * Math.PI * 3000 * t) : 0));
        }
        ArrayRecording rec = new ArrayRecording(Path.of("golden"), FS, x);
        SpectrogramTileCache cache = new SpectrogramTileCache(16L << 20);
        for (FrequencyAxis axis : FrequencyAxis.values()) {
            SpectrogramRenderParams rp = new SpectrogramRenderParams(0, x.length, 240, 120, 50, 4000, axis,
                    ColorMap.INFERNO, Double.NaN, 70);
            for (SpectrogramTileKey k : SpectrogramRenderer.tilesFor("g", 0, StftParams.DEFAULT, x.length, rp)) {
                cache.getOrCompute(rec, k);
            }
            int[] argb = new int[240 * 120];
            new SpectrogramRenderer(cache).paint("g", 0, StftParams.DEFAULT, FS, x.length, rp, argb);
            String name = "spectrogram_" + axis.name().toLowerCase() + ".png";
            try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
                if (in == null) {
                    BufferedImage img = new BufferedImage(240, 120, BufferedImage.TYPE_INT_RGB);
                    img.setRGB(0, 0, 240, 120, argb, 0, 240);
                    Files.createDirectories(Path.of("target/golden-candidates"));
                    ImageIO.write(img, "png", Path.of("target/golden-candidates", name).toFile());
                    throw new AssertionError("golden " + name + " missing; candidate in target/golden-candidates");
                }
                BufferedImage golden = ImageIO.read(in);
                int off = 0;
                for (int i = 0; i < argb.length; i++) {
                    int g = golden.getRGB(i % 240, i / 240);
                    int d = 0;
                    for (int s = 0; s < 24; s += 8) {
                        d = Math.max(d, Math.abs(((g >> s) & 255) - ((argb[i] >> s) & 255)));
                    }
                    off += d > 3 ? 1 : 0;
                }
                assertTrue(off <= argb.length / 200, name + ": " + off + " pixels differ from the golden image");
            }
        }
    }
}
