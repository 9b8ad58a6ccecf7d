package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.echoic.audio.ArrayRecording;
import org.junit.jupiter.api.Test;

/** Analytic checks of the STFT: a sine's peak bin and level, Parseval, window energy, threading. */
class StftAnalyticTest {
    private static final double FS = 8000;

    static ArrayRecording sine(double hz, double amplitude, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / FS));
        }
        return new ArrayRecording(Path.of("sine"), FS, x);
    }

    @Test
    void sinePeakBinAndLevelForEachScaling() throws InterruptedException {
        double hz = 40 * FS / 256;
        ArrayRecording rec = sine(hz, 0.5, 4096);
        Spectrogram spec = Stft.spectrogram(rec, 0, 0, rec.frames(), StftParams.DEFAULT.withScaling(
                StftParams.Scaling.SPECTRUM), null, 1, null);
        Spectrogram dens = Stft.spectrogram(rec, 0, 0, rec.frames(), StftParams.DEFAULT, null, 1, null);
        for (int t = 0; t < spec.frames(); t++) {
            int peak = 0;
            double total = 0;
            for (int k = 0; k < spec.bins(); k++) {
                if (spec.get(k, t) > spec.get(peak, t)) {
                    peak = k;
                }
                total += dens.get(k, t) * FS / 256;
            }
            assertEquals(40, peak);
            assertEquals(0.125, spec.get(40, t), 1e-4, "spectrum scaling: A^2/2 at the peak");
            assertEquals(0.125, total, 2e-3, "density integrates to the mean power A^2/2");
        }
        Spectrogram mag = Stft.spectrogram(rec, 0, 0, rec.frames(), StftParams.DEFAULT.withScaling(
                StftParams.Scaling.SPECTRUM).withMode(StftParams.Mode.MAGNITUDE), null, 1, null);
        assertEquals(0.25, mag.get(40, 3), 1e-4, "magnitude mode: A/2, one-sided without doubling");
    }

    @Test
    void parsevalForSpectrumScalingWithBoxcar() throws InterruptedException {
        Random rnd = new Random(3);
        float[] x = new float[2048];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian() * 0.3f;
        }
        StftParams p = new StftParams(256, 0, 256, WindowFunction.parse("boxcar"), StftParams.Detrend.NONE,
                StftParams.Scaling.SPECTRUM, StftParams.Mode.PSD);
        Spectrogram s = Stft.spectrogram(new ArrayRecording(Path.of("noise"), FS, x), 0, 0, x.length, p, null, 1, null);
        for (int t = 0; t < s.frames(); t++) {
            double sum = 0;
            double meanSquare = 0;
            for (int k = 0; k < s.bins(); k++) {
                sum += s.get(k, t);
            }
            for (int i = 0; i < 256; i++) {
                meanSquare += x[t * 256 + i] * (double) x[t * 256 + i] / 256;
            }
            assertEquals(meanSquare, sum, 1e-5 * meanSquare);
        }
    }

    @Test
    void windowEnergies() {
        double[] hann = WindowFunction.HANN.values(1024);
        double sumSq = 0;
        double sum = 0;
        for (double w : hann) {
            sumSq += w * w;
            sum += w;
        }
        assertEquals(3.0 * 1024 / 8, sumSq, 1e-9);
        assertEquals(512, sum, 1e-9);
        assertEquals(0, hann[0], 0);
        assertEquals(1, hann[512], 1e-15);
    }

    @Test
    void threadedEqualsSingleThreadAndChannelsAreRespected() throws InterruptedException {
        Random rnd = new Random(5);
        float[] a = new float[50_000];
        float[] b = new float[50_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        ArrayRecording rec = new ArrayRecording(Path.of("two"), FS, a, b);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Spectrogram one = Stft.spectrogram(rec, 0, 1000, 40_000, StftParams.DEFAULT, null, 1, null);
            double[] last = {0};
            Spectrogram two = Stft.spectrogram(rec, 0, 1000, 40_000, StftParams.DEFAULT, pool, 2, f -> last[0] = f);
            assertArrayEquals(one.values(), two.values());
            assertEquals(1.0, last[0]);
            assertEquals((1000 + 128 + 128.0 * 5) / FS, one.timeSeconds(5), 1e-12);
            Spectrogram mean = Stft.spectrogram(rec, -1, 1000, 40_000, StftParams.DEFAULT, pool, 2, null);
            assertEquals(one.get(10, 10) / 4, mean.get(10, 10), 1e-6 * one.get(10, 10));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadInput() {
        ArrayRecording rec = sine(100, 0.5, 100);
        assertThrows(IllegalArgumentException.class,
                () -> Stft.spectrogram(rec, 0, 0, 100, StftParams.DEFAULT, null, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new StftParams(256, 256, 256, WindowFunction.HANN,
                StftParams.Detrend.NONE, StftParams.Scaling.DENSITY, StftParams.Mode.PSD));
        assertThrows(IllegalArgumentException.class, () -> WindowFunction.parse("kaiser"));
    }

    @Test
    void interruptionStopsTheEngine() {
        ArrayRecording rec = sine(100, 0.5, 200_000);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class,
                () -> Stft.spectrogram(rec, 0, 0, rec.frames(), StftParams.DEFAULT, null, 1, null));
        Thread.interrupted();
    }
}
