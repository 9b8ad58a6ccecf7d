package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.echoic.audio.ArrayRecording;
import org.echoic.dsp.ColorMap;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.io.NpyReader;
import org.echoic.render.FrequencyAxis;
import org.echoic.render.SpectrogramTileCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG export (golden image with a tolerance, orientation) and array exports (shape, values, formats). */
class SpectrogramExporterTest {
    private static final double FS = 16_000;

    @TempDir
    Path dir;

    /** A rising chirp 500 Hz → 6.5 kHz over 2 s with light seeded noise. */
    static ArrayRecording chirp() {
        float[] x = new float[(int) (2 * FS)];
        Random rnd = new Random(3);
        for (int i = 0; i < x.length; i++) {
            double t = i / FS;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (500 * t + 1500 * t * t)) + 0.001 * rnd.nextGaussian());
        }
        return new ArrayRecording(Path.of("chirp.wav"), FS, x);
    }

    private static int brightestRow(BufferedImage img, int x) {
        int best = 0;
        int bestLum = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            int c = img.getRGB(x, y);
            int lum = ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255);
            if (lum > bestLum) {
                bestLum = lum;
                best = y;
            }
        }
        return best;
    }

    @Test
    void pngMatchesTheGoldenImageAndLowFrequenciesAreAtTheBottom() throws Exception {
        ArrayRecording rec = chirp();
        SpectrogramSettings s = SpectrogramSettings.DEFAULT.withColorMap(ColorMap.MAGMA);
        Path out = dir.resolve("view.png");
        SpectrogramExporter.exportPng(out, rec, "chirp", 0, s, 0, rec.frames(), 320, 160, null);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(160, img.getHeight());
        int early = brightestRow(img, 20);
        int late = brightestRow(img, 300);
        double hzEarly = FS / 2 * (1 - (early + 0.5) / 160);
        double hzLate = FS / 2 * (1 - (late + 0.5) / 160);
        assertEquals(500 + 3000 * (20.5 / 320 * 2), hzEarly, 120, "chirp frequency near the start");
        assertEquals(500 + 3000 * (300.5 / 320 * 2), hzLate, 120, "chirp frequency near the end");
        try (InputStream in = getClass().getResourceAsStream("/golden/export_chirp_magma.png")) {
            if (in == null) {
                Files.createDirectories(Path.of("target/golden-candidates"));
                Files.copy(out, Path.of("target/golden-candidates/export_chirp_magma.png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                throw new AssertionError("golden export_chirp_magma.png missing; candidate in target/golden-candidates");
            }
            BufferedImage golden = ImageIO.read(in);
            int off = 0;
            for (int y = 0; y < 160; y++) {
                for (int x = 0; x < 320; x++) {
                    int a = golden.getRGB(x, y);
                    int b = img.getRGB(x, y);
                    int d = 0;
                    for (int sh = 0; sh < 24; sh += 8) {
                        d = Math.max(d, Math.abs(((a >> sh) & 255) - ((b >> sh) & 255)));
                    }
                    off += d > 3 ? 1 : 0;
                }
            }
            assertTrue(off <= 320 * 160 / 200, off + " pixels differ from the golden image");
        }
    }

    @Test
    void pngReusesSharedTilesAndRefusesBadSizesAndNames() throws Exception {
        ArrayRecording rec = chirp();
        SpectrogramSettings s = SpectrogramSettings.DEFAULT.withAxis(FrequencyAxis.LOG).withBand(200, 8000);
        SpectrogramTileCache shared = new SpectrogramTileCache(16L << 20);
        int[] direct = SpectrogramExporter.render(rec, "chirp", 0, s, 0, rec.frames(), 200, 100, null);
        int[] viaShared = SpectrogramExporter.render(rec, "chirp", 0, s, 0, rec.frames(), 200, 100, shared);
        assertArrayEquals(direct, viaShared);
        assertEquals(0, shared.size(), "the shared cache is not modified");
        assertThrows(IllegalArgumentException.class,
                () -> SpectrogramExporter.render(rec, "chirp", 0, s, 0, rec.frames(), 0, 100, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectrogramExporter.writePng(dir.resolve("x.jpg"), direct, 200, 100));
        assertTrue(e.getMessage().contains("x.jpg"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.jpg")));
    }

    @Test
    void arraysHaveShapeFrequencyByTimeAndTheViewsValues() throws Exception {
        ArrayRecording rec = chirp();
        SpectrogramSettings s = SpectrogramSettings.DEFAULT;
        Path npy = dir.resolve("spec.npy");
        FeatureArrays.FeatureArray a = SpectrogramExporter.exportArray(npy, FeatureArrays.Kind.SPECTROGRAM, rec, 0,
                1000, 9000, s, null, 1);
        Spectrogram direct = Stft.spectrogram(rec, 0, 1000, 9000, StftParams.DEFAULT, null, 1, null);
        NpyReader.NpyArray read = NpyReader.read(npy);
        assertArrayEquals(new int[] {129, direct.frames()}, read.shape());
        assertArrayEquals(direct.values(), read.toFloats());
        assertEquals(direct.timeSeconds(0), a.startSeconds(), 1e-12);

        for (FeatureArrays.Kind kind : List.of(FeatureArrays.Kind.MEL, FeatureArrays.Kind.MFCC,
                FeatureArrays.Kind.GAMMATONE, FeatureArrays.Kind.DILATED_MEL)) {
            Path f = dir.resolve(kind.tag() + ".npy");
            FeatureArrays.FeatureArray fa = SpectrogramExporter.exportArray(f, kind, rec, 0, 0, rec.frames(), s, null, 1);
            int frames = (int) ((rec.frames() - 400) / 160 + 1);
            int rows = switch (kind) {
                case MEL -> 128;
                case MFCC, GAMMATONE -> 64;
                default -> 512;
            };
            assertArrayEquals(new int[] {rows, frames}, NpyReader.read(f).shape(), kind.name());
            assertEquals(rows * frames, fa.values().length);
        }
        Path csv = dir.resolve("mel.csv");
        SpectrogramExporter.exportArray(csv, FeatureArrays.Kind.MEL, rec, 0, 0, 16_000, s, null, 1);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(128, lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).count());
        assertThrows(IllegalArgumentException.class, () -> SpectrogramExporter.exportArray(dir.resolve("a.txt"),
                FeatureArrays.Kind.MEL, rec, 0, 0, 16_000, s, null, 1));
    }

    @Test
    void melFeaturesFollowTheChirp() throws Exception {
        ArrayRecording rec = chirp();
        FeatureArrays.FeatureArray mel = FeatureArrays.compute(FeatureArrays.Kind.MEL, rec, 0, 0, rec.frames(),
                StftParams.DEFAULT, null, 1);
        int firstPeak = argmaxRow(mel, 5);
        int lastPeak = argmaxRow(mel, mel.frames() - 5);
        assertTrue(lastPeak > firstPeak + 20, "the mel band of the chirp rises: " + firstPeak + " → " + lastPeak);
    }

    private static int argmaxRow(FeatureArrays.FeatureArray a, int frame) {
        int best = 0;
        for (int r = 1; r < a.rows(); r++) {
            if (a.values()[r * a.frames() + frame] > a.values()[best * a.frames() + frame]) {
                best = r;
            }
        }
        return best;
    }
}
