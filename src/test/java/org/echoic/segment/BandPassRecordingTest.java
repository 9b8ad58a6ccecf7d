package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.echoic.audio.ArrayRecording;
import org.junit.jupiter.api.Test;

class BandPassRecordingTest {
    private static final double RATE = 16000;

    private static double rmsAfter(double freqHz) {
        float[] x = new float[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * freqHz * i / RATE);
        }
        BandPassRecording bp = new BandPassRecording(new ArrayRecording(Path.of("t.wav"), RATE, x), 0, 1000, 3000);
        float[] y = new float[8000];
        bp.read(4000, 8000, 0, y, 0);
        double s = 0;
        for (float v : y) {
            s += v * v;
        }
        return Math.sqrt(s / y.length) * Math.sqrt(2);
    }

    /** |H(e^jw)|^2 of one biquad {b0, b1, b2, a1, a2}: forward-backward filtering applies it squared. */
    private static double power(double[] c, double freqHz) {
        double w = 2 * Math.PI * freqHz / RATE;
        double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
        double ni = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
        double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
        double di = -c[3] * Math.sin(w) - c[4] * Math.sin(2 * w);
        return (nr * nr + ni * ni) / (dr * dr + di * di);
    }

    private static double expectedGain(double freqHz) {
        return power(BandPassRecording.biquad(1000, RATE, true), freqHz)
                * power(BandPassRecording.biquad(3000, RATE, false), freqHz);
    }

    @Test
    void gainIsTheSquaredButterworthResponse() {
        assertEquals(0.5, power(BandPassRecording.biquad(1000, RATE, true), 1000), 1e-9, "-3 dB per pass at the edge");
        for (double f : new double[] {100, 500, 1000, 1800, 3000, 5000, 7000}) {
            assertEquals(expectedGain(f), rmsAfter(f), 0.01, f + " Hz");
        }
        assertTrue(rmsAfter(100) < 0.001, "100 Hz is 60 dB down");
        assertTrue(rmsAfter(1800) > 0.8, "in-band");
    }

    @Test
    void isZeroPhaseAndBlocksEqualTheWholeSignal() {
        float[] x = new float[20000];
        x[10000] = 1;
        BandPassRecording bp = new BandPassRecording(new ArrayRecording(Path.of("t.wav"), RATE, x), 0, 1000, 3000);
        float[] whole = new float[x.length];
        bp.read(0, x.length, 0, whole, 0);
        for (int k = 1; k < 300; k++) {
            assertEquals(whole[10000 + k], whole[10000 - k], 1e-6, "symmetric impulse response at " + k);
        }
        int peak = 0;
        for (int i = 0; i < whole.length; i++) {
            peak = Math.abs(whole[i]) > Math.abs(whole[peak]) ? i : peak;
        }
        assertEquals(10000, peak, "no delay");
        float[] part = new float[500];
        bp.read(9800, 500, 0, part, 0);
        for (int i = 0; i < part.length; i++) {
            assertEquals(whole[9800 + i], part[i], 1e-7);
        }
    }
}
