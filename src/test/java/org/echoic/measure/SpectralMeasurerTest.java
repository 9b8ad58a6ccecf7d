package org.echoic.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.segment.Annotation;
import org.junit.jupiter.api.Test;

/** Raven-style measurements against analytic signals whose answers are known in closed form. */
class SpectralMeasurerTest {
    private static final double FS = 32000;
    /** 512-sample Hann frames every 256 samples: bins 62.5 Hz apart. */
    private static final StftParams P = new StftParams(512, 256, 512, WindowFunction.HANN, StftParams.Detrend.NONE,
            StftParams.Scaling.DENSITY, StftParams.Mode.PSD);
    private static final double BIN = FS / 512;

    private static SpectralMeasurements measure(float[] x, double begin, double end, double low, double high)
            throws InterruptedException {
        return SpectralMeasurer.measure(MeasureSignals.recording(FS, x), Recording.MEAN_CHANNEL,
                new Annotation(begin, end, low, high, "", Map.of()), P);
    }

    @Test
    void toneOnABinCentreHasHannLeakageAsItsOnlySpread() throws InterruptedException {
        double amp = 0.5;
        SpectralMeasurements m = measure(MeasureSignals.tone(FS, 2, 0.5, 1.5, 3000, amp), 0.6, 1.4, 1000, 6000);
        // A Hann-windowed sinusoid on bin 48 puts power 1/4, 1, 1/4 in bins 47, 48, 49: shares 1/6, 2/3, 1/6.
        assertEquals(3000, m.peakHz(), 1e-9);
        assertEquals(3000, m.centerFreqHz(), 1e-9);
        assertEquals(3000 - BIN, m.freq5Hz(), 1e-9);
        assertEquals(3000 + BIN, m.freq95Hz(), 1e-9);
        assertEquals(2 * BIN, m.bandwidth90Hz(), 1e-9);
        assertEquals(3000, m.freq25Hz(), 1e-9, "bin 47 holds 1/6 < 25 % of the energy, bin 48 reaches 5/6");
        assertEquals(3000, m.freq75Hz(), 1e-9);
        assertEquals(0, m.iqrBandwidthHz(), 1e-9);
        double h = -(2 * (1 / 6.0) * log2(1 / 6.0) + (2 / 3.0) * log2(2 / 3.0));
        assertEquals(h, m.aggEntropyBits(), 1e-3);
        assertEquals(h, m.avgEntropyBits(), 1e-3);
        // scipy density scaling, one-sided: peak PSD = A² N / (3 fs) for a periodic Hann window of N samples.
        assertEquals(10 * Math.log10(amp * amp * 512 / (3 * FS)), m.peakDb(), 0.01);
        // Parseval: the PSD integrated over frequency is the power A²/2 in every frame.
        double expectedEnergy = amp * amp / 2 * m.frames() * P.hop() / FS;
        assertEquals(10 * Math.log10(expectedEnergy), m.energyDb(), 0.01);
        assertEquals(0.6, m.beginSeconds());
        assertEquals(1000, m.lowHz());
        assertEquals(6000, m.highHz());
    }

    @Test
    void durationPercentilesOfAToneFollowItsEnergyInTime() throws InterruptedException {
        SpectralMeasurements m = measure(MeasureSignals.tone(FS, 2, 0.5, 1.5, 3000, 0.5), 0.3, 1.7, Double.NaN,
                Double.NaN);
        double hop = P.hop() / FS;
        assertEquals(0.55, m.time5Seconds(), 2 * hop);
        assertEquals(1.45, m.time95Seconds(), 2 * hop);
        assertEquals(0.9, m.duration90Seconds(), 3 * hop);
        assertEquals(1.0, m.centerTimeSeconds(), 2 * hop);
        assertEquals(0.5, m.iqrDurationSeconds(), 3 * hop);
        assertTrue(m.peakSeconds() >= 0.5 && m.peakSeconds() <= 1.5, "peak inside the tone: " + m.peakSeconds());
        assertEquals(0, m.lowHz());
        assertEquals(FS / 2, m.highHz(), "no band: up to the Nyquist frequency");
    }

    @Test
    void chirpSpreadsItsEnergyEvenlyOverItsSweep() throws InterruptedException {
        SpectralMeasurements m = measure(MeasureSignals.chirp(FS, 1.5, 0.25, 1.25, 2000, 4000), 0.3, 1.2, 0,
                FS / 2);
        // Over [0.3, 1.2] s the sweep covers 2100…3900 Hz at constant amplitude: shares are linear in frequency.
        assertEquals(3000, m.centerFreqHz(), 2 * BIN);
        assertEquals(2100 + 0.05 * 1800, m.freq5Hz(), 2 * BIN);
        assertEquals(2100 + 0.95 * 1800, m.freq95Hz(), 2 * BIN);
        assertEquals(0.9 * 1800, m.bandwidth90Hz(), 3 * BIN);
        assertEquals(0.5 * 1800, m.iqrBandwidthHz(), 3 * BIN);
        assertTrue(m.aggEntropyBits() > m.avgEntropyBits() + 3, "the sum of a sweep is far broader than a frame");
    }

    @Test
    void whiteNoiseInABandIsFlat() throws InterruptedException {
        SpectralMeasurements m = measure(MeasureSignals.noise(FS, 2, 0.1, 7), 0.2, 1.8, 2000, 8000);
        assertEquals(2000 + 0.05 * 6000, m.freq5Hz(), 0.01 * 6000);
        assertEquals(5000, m.centerFreqHz(), 0.01 * 6000);
        assertEquals(2000 + 0.95 * 6000, m.freq95Hz(), 0.01 * 6000);
        assertEquals(97, m.bins(), "bins 2000…8000 Hz inclusive");
        assertEquals(Math.log(97) / Math.log(2), m.aggEntropyBits(), 0.01);
        assertTrue(m.avgEntropyBits() < m.aggEntropyBits() && m.avgEntropyBits() > m.aggEntropyBits() - 1,
                "one frame of noise is rougher than their sum: " + m.avgEntropyBits());
    }

    @Test
    void silenceLeavesEnergyMeasuresUndefined() throws InterruptedException {
        SpectralMeasurements m = measure(new float[(int) FS], 0.2, 0.8, 100, 5000);
        assertTrue(Double.isNaN(m.centerFreqHz()) && Double.isNaN(m.peakHz()) && Double.isNaN(m.aggEntropyBits())
                && Double.isNaN(m.energyDb()));
        assertEquals(0.6, m.endSeconds() - m.beginSeconds(), 1e-12);
    }

    @Test
    void framesAndBinsAreThoseWhoseCentresLieInTheSelection() {
        Random rnd = new Random(3);
        long total = P.frameCount(64000);
        for (int trial = 0; trial < 500; trial++) {
            double begin = rnd.nextDouble() * 1.8;
            double end = begin + rnd.nextDouble() * 0.3;
            long[] r = SpectralMeasurer.frameRange(begin, end, P, FS, total);
            long lo = -1;
            long hi = -1;
            for (long k = 0; k < total; k++) {
                double c = (256 + k * 256.0) / FS;
                if (c >= begin && c <= end) {
                    lo = lo < 0 ? k : lo;
                    hi = k;
                }
            }
            if (lo >= 0) {
                assertEquals(lo, r[0], "first frame for " + begin + "–" + end);
                assertEquals(hi + 1, r[1], "end frame for " + begin + "–" + end);
            } else {
                assertEquals(1, r[1] - r[0], "a selection shorter than a hop gets the nearest frame");
            }
        }
        int[] b = SpectralMeasurer.binRange(1000, 1000, P, FS);
        assertEquals(16, b[0]);
        assertEquals(17, b[1]);
        int[] nearest = SpectralMeasurer.binRange(1010, 1020, P, FS);
        assertEquals(1, nearest[1] - nearest[0]);
    }

    @Test
    void percentilesAreOrderedInsideTheBoxForAnyBox() throws InterruptedException {
        float[] x = MeasureSignals.noise(FS, 2, 0.05, 9);
        float[] tone = MeasureSignals.tone(FS, 2, 0.4, 1.6, 4000, 0.3);
        for (int i = 0; i < x.length; i++) {
            x[i] += tone[i];
        }
        Random rnd = new Random(21);
        for (int trial = 0; trial < 60; trial++) {
            double begin = rnd.nextDouble() * 1.9;
            double end = Math.min(2, begin + 0.005 + rnd.nextDouble() * 0.5);
            double low = rnd.nextDouble() * 15000;
            double high = Math.min(FS / 2, low + 10 + rnd.nextDouble() * 8000);
            SpectralMeasurements m = measure(x, begin, end, low, high);
            double[] f = m.freqHz();
            double[] t = m.timeSeconds();
            for (int i = 1; i < f.length; i++) {
                assertTrue(f[i - 1] <= f[i] && t[i - 1] <= t[i], "ordered percentiles for " + begin + "–" + end);
            }
            assertTrue(m.bins() > 1 ? f[0] >= low && f[4] <= high : Math.abs(f[0] - (low + high) / 2) <= BIN,
                    "inside the band " + low + "–" + high + ": " + f[0] + "…" + f[4]);
            assertTrue(m.bins() == 1 || m.peakHz() >= low && m.peakHz() <= high, "peak in the band");
            assertTrue(m.peakSeconds() >= begin - 1e-9 && m.peakSeconds() <= end + 1e-9 || m.frames() == 1);
            assertTrue(m.avgEntropyBits() >= 0 && m.aggEntropyBits() <= Math.log(m.bins()) / Math.log(2) + 1e-9);
        }
    }

    @Test
    void aSelectionAfterTheEndIsRefusedWithItsTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> measure(new float[(int) FS], 3, 4, Double.NaN, Double.NaN));
        assertTrue(e.getMessage().contains("3.0 s"), e.getMessage());
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
