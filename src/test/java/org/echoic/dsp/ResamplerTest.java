package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    static float[] convert(Resampler r, float[] x) {
        float[] out = new float[r.maxOutputFrames(x.length)];
        int n = r.process(x, 0, x.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    @Test
    void downsamplingPassesAToneBelowTheOutputNyquistAtItsFrequencyAndLevel() {
        Resampler r = new Resampler(250_000, 48_000);
        assertEquals(24, r.upFactor());
        assertEquals(125, r.downFactor());
        float[] out = convert(r, Tones.sine(10_000, 250_000, 0.5, 250_000));
        assertEquals(48_000, out.length, 2);
        assertEquals(0.5, Tones.amplitude(out, 2000, 46_000, 10_000, 48_000), 0.005);
        assertTrue(Tones.amplitude(out, 2000, 46_000, 11_000, 48_000) < 1e-3, "energy only at 10 kHz");
    }

    @Test
    void downsamplingSuppressesAToneAboveTheOutputNyquist() {
        float[] out = convert(new Resampler(250_000, 48_000), Tones.sine(30_000, 250_000, 0.5, 250_000));
        // 30 kHz would alias to 18 kHz at 48 kHz.
        double alias = Tones.amplitude(out, 2000, 46_000, 18_000, 48_000);
        assertTrue(alias < 0.5e-3, "alias at 18 kHz: " + alias);
        assertTrue(Tones.rms(out, 2000, 46_000) < 0.5e-3, "stop band attenuates by 60 dB or more");
    }

    @Test
    void upsamplingKeepsAToneAndItsLevel() {
        Resampler r = new Resampler(44_100, 48_000);
        assertEquals(160, r.upFactor());
        assertEquals(147, r.downFactor());
        float[] out = convert(r, Tones.sine(1_000, 44_100, 0.25, 44_100));
        assertEquals(48_000, out.length, 2);
        assertEquals(0.25, Tones.amplitude(out, 1000, 47_000, 1_000, 48_000), 0.0025);
        assertEquals(0.25 / Math.sqrt(2), Tones.rms(out, 1000, 47_000), 0.003);
    }

    @Test
    void delayIsTheFilterCentre() {
        Resampler r = new Resampler(48_000, 48_000 * 2);
        float[] impulse = new float[4000];
        impulse[1000] = 1;
        float[] out = convert(r, impulse);
        int peak = 0;
        for (int i = 1; i < out.length; i++) {
            if (Math.abs(out[i]) > Math.abs(out[peak])) {
                peak = i;
            }
        }
        assertEquals((1000 + r.delayInputFrames()) * 2, peak, 1.0);
    }

    @Test
    void streamingInBlocksIsIdenticalToOneShot() {
        Random rnd = new Random(7);
        float[] x = new float[60_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(i * 0.05) + 0.1 * rnd.nextGaussian());
        }
        for (double[] rates : new double[][] {{250_000, 48_000}, {44_100, 48_000}, {25_000, 48_000}}) {
            float[] whole = convert(new Resampler(rates[0], rates[1]), x);
            Resampler r = new Resampler(rates[0], rates[1]);
            float[] pieces = new float[whole.length + 8];
            int in = 0;
            int written = 0;
            while (in < x.length) {
                int n = Math.min(x.length - in, 1 + rnd.nextInt(3000));
                float[] out = new float[r.maxOutputFrames(n)];
                int m = r.process(x, in, n, out, 0);
                System.arraycopy(out, 0, pieces, written, m);
                written += m;
                in += n;
            }
            assertArrayEquals(whole, Arrays.copyOf(pieces, written), "rates " + Arrays.toString(rates));
        }
    }

    @Test
    void irregularRatiosAreApproximated() {
        Resampler r = new Resampler(44_101, 48_000);
        assertTrue(r.upFactor() <= Resampler.MAX_UP);
        assertEquals(48_000, r.outputRateHz(), 0.05);
    }

    @Test
    void rejectsBadRatesAndCutoffs() {
        assertThrows(IllegalArgumentException.class, () -> new Resampler(0, 48_000));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(48_000, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(250_000, 48_000, 30_000));
    }
}
