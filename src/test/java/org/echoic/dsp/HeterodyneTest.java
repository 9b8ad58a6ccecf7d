package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class HeterodyneTest {

    private static float[] run(Heterodyne h, float[] x, int block) {
        float[] all = new float[h.maxOutputFrames(x.length) + 16];
        int written = 0;
        for (int in = 0; in < x.length; in += block) {
            int n = Math.min(block, x.length - in);
            float[] out = new float[h.maxOutputFrames(n)];
            int m = h.process(x, in, n, out, 0);
            System.arraycopy(out, 0, all, written, m);
            written += m;
        }
        return Arrays.copyOf(all, written);
    }

    @Test
    void a45KilohertzCallWithA40KilohertzCarrierIsHeardAt5KilohertzWithoutItsImage() {
        float[] call = Tones.sine(45_000, 250_000, 0.5, 250_000);
        float[] out = run(new Heterodyne(250_000, 40_000, 48_000, 15_000), call, 250_000);
        assertEquals(48_000, out.length, 2);
        assertEquals(0.5, Tones.amplitude(out, 2000, 46_000, 5_000, 48_000), 0.01);
        // The sum frequency, 85 kHz, would fold to 11 kHz at 48 kHz.
        assertTrue(Tones.amplitude(out, 2000, 46_000, 11_000, 48_000) < 1e-3, "image suppressed");
        assertEquals(0.5 / Math.sqrt(2), Tones.rms(out, 2000, 46_000), 0.01, "nothing but the 5 kHz tone");
    }

    @Test
    void componentsFarFromTheCarrierAreFilteredOut() {
        float[] out = run(new Heterodyne(250_000, 40_000, 48_000, 15_000),
                Tones.sine(70_000, 250_000, 0.5, 125_000), 125_000);
        assertTrue(Tones.rms(out, 2000, out.length - 2000) < 1e-3, "30 kHz difference lies outside the audio band");
    }

    @Test
    void carrierPhaseAndFilterStateAreContinuousAcrossBlocks() {
        float[] x = Tones.sine(47_300, 250_000, 0.5, 100_000);
        float[] whole = run(new Heterodyne(250_000, 40_000, 48_000, 15_000), x, x.length);
        float[] blocks = run(new Heterodyne(250_000, 40_000, 48_000, 15_000), x, 777);
        assertArrayEquals(whole, blocks, "streaming in blocks of 777 frames equals the one-shot result");
    }

    @Test
    void rejectsACarrierAboveNyquist() {
        assertThrows(IllegalArgumentException.class, () -> new Heterodyne(44_100, 45_000, 48_000, 15_000));
    }
}
