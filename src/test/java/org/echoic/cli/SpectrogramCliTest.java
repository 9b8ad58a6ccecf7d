package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.echoic.io.NpyReader;
import org.echoic.io.WavWriter;
import org.echoic.render.WaveformParams;
import org.echoic.render.WaveformRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spectrogram, features and render commands on a generated WAV, and their bad-input exits. */
class SpectrogramCliTest {
    @TempDir
    Path dir;

    private Path wav() throws Exception {
        float[] x = new float[16_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0));
        }
        Path wav = dir.resolve("tone.wav");
        WavWriter.write(wav, x, 16_000, WavWriter.Format.FLOAT32);
        return wav;
    }

    @Test
    void spectrogramFeaturesAndRenderWriteTheirFiles() throws Exception {
        Path wav = wav();
        Path npy = dir.resolve("s.npy");
        assertEquals(0, EchoicCli.run("spectrogram", wav.toString(), "--nperseg", "512", "--noverlap", "256",
                "--nfft", "1024", "--window", "tukey:0.25", "--end", "0.5", "--out", npy.toString()));
        NpyReader.NpyArray a = NpyReader.read(npy);
        assertArrayEquals(new int[] {513, (8000 - 512) / 256 + 1}, a.shape());
        int peak = 0;
        for (int k = 0; k < 513; k++) {
            peak = a.data()[k * a.shape()[1]] > a.data()[peak * a.shape()[1]] ? k : peak;
        }
        assertEquals(64, peak, "1 kHz at 16 kHz with nfft 1024");
        Path csv = dir.resolve("m.csv");
        assertEquals(0, EchoicCli.run("features", wav.toString(), "--kind", "mfcc", "--bands", "40",
                "--coefficients", "13", "--out", csv.toString()));
        assertEquals(13, Files.readAllLines(csv).size());
        Path png = dir.resolve("r.png");
        assertEquals(0, EchoicCli.run("render", wav.toString(), "--view", "spectrogram", "--width", "320",
                "--height", "100", "--axis", "mel", "--colormap", "magma", "--out", png.toString()));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(100, img.getHeight());
    }

    @Test
    void renderWaveformDrawsTheEnvelopeOfTheTone() throws Exception {
        Path wav = wav();
        Path png = dir.resolve("w.png");
        assertEquals(0, EchoicCli.run("render", wav.toString(), "--view", "waveform", "--width", "400", "--height",
                "120", "--start", "0.25", "--no-axes", "--out", png.toString()));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(120, img.getHeight());
        int top = WaveformRenderer.toY(0.5, 120, WaveformParams.DEFAULT);
        int bottom = WaveformRenderer.toY(-0.5, 120, WaveformParams.DEFAULT);
        for (int x : new int[] {5, 200, 395}) {
            int first = -1;
            int last = -1;
            for (int y = 0; y < 120; y++) {
                int c = img.getRGB(x, y) | 0xff000000;
                if (c == WaveformRenderer.ENVELOPE || c == WaveformRenderer.RMS) {
                    first = first < 0 ? y : first;
                    last = y;
                }
            }
            assertEquals(top, first, 1, "the envelope reaches +0.5 at x=" + x);
            assertEquals(bottom, last, 1, "the envelope reaches -0.5 at x=" + x);
        }
        Path db = dir.resolve("w-db.png");
        assertEquals(0, EchoicCli.run("render", wav.toString(), "--view", "waveform", "--amplitude", "dbfs",
                "--width", "400", "--height", "120", "--out", db.toString()));
        assertTrue(Files.size(db) > 0);
    }

    @Test
    void badInputExitsWithTwo() throws Exception {
        Path junk = dir.resolve("junk.wav");
        Files.writeString(junk, "not audio");
        assertEquals(2, EchoicCli.run("spectrogram", junk.toString(), "--out", dir.resolve("x.npy").toString()));
        Path wav = wav();
        assertEquals(2, EchoicCli.run("spectrogram", wav.toString(), "--out", dir.resolve("x.txt").toString()));
        assertEquals(2, EchoicCli.run("spectrogram", wav.toString(), "--window", "kaiser", "--out",
                dir.resolve("x.npy").toString()));
        assertEquals(2, EchoicCli.run("render", wav.toString(), "--view", "oscillogram", "--out",
                dir.resolve("x.png").toString()));
        assertEquals(2, EchoicCli.run("render", wav.toString(), "--view", "waveform", "--width", "0", "--out",
                dir.resolve("x.png").toString()));
        assertTrue(Files.notExists(dir.resolve("x.png")));
        assertTrue(Files.notExists(dir.resolve("x.npy")));
    }

    @Test
    void spectrogramDefaultsAreScipys() throws Exception {
        float[] x = new float[16_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 + 0.3 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0));
        }
        Path wav = dir.resolve("offset.wav");
        WavWriter.write(wav, x, 16_000, WavWriter.Format.FLOAT32);
        Path npy = dir.resolve("d.npy");
        assertEquals(0, EchoicCli.run("spectrogram", wav.toString(), "--out", npy.toString()));
        NpyReader.NpyArray a = NpyReader.read(npy);
        // scipy.signal.spectrogram(x, 16000) with x as float32: shape (129, 71), S[16, 0] = 6.533332e-4,
        // S[15, 0] = 1.2284067e-5 (Tukey 0.25), S[0, 0] = 0 (each segment loses its mean); with hann, noverlap 128
        // and no detrending: (129, 124), S[16, 0] = 4.8e-4 and S[0, 0] = 2.67e-3
        assertArrayEquals(new int[] {129, 71}, a.shape());
        int frames = a.shape()[1];
        assertEquals(6.533332e-4, a.data()[16 * frames], 1e-9);
        assertEquals(1.2284067e-5, a.data()[15 * frames], 1e-9);
        assertEquals(0, a.data()[0], 1e-12, "the DC offset is removed segment by segment");
    }
}
