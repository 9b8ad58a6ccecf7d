package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.echoic.audio.ArrayRecording;
import org.junit.jupiter.api.Test;

/** The envelope's column maxima for drawing: exact at fine zoom, block maxima (never below the exact) at coarse zoom. */
class EnvelopeColumnsTest {
    @Test
    void columnMaximaMatchTheEnvelope() throws Exception {
        double rate = 8000;
        float[] x = new float[40_000];
        Signals.noise(x, 0.01, 5);
        Signals.burst(x, rate, 5_000, 800, 1000, 0.5);
        Signals.burst(x, rate, 30_000, 300, 700, 0.2);
        try (Envelope env = EnvelopeJob.compute(new ArrayRecording(Path.of("t.wav"), rate, x),
                new EnvelopeSpec(4, 0, Double.NaN, Double.NaN), null, null)) {
            for (double fpp : new double[] {0.5, 3, 37.5, 300}) {
                int columns = 120;
                double start = 4_900;
                float[] got = env.columnMaxima(start, fpp, columns);
                for (int c = 0; c < columns; c++) {
                    long a = (long) Math.floor(start + c * fpp);
                    long b = Math.max(a + 1, (long) Math.floor(start + (c + 1) * fpp));
                    if (a >= x.length) {
                        assertTrue(Float.isNaN(got[c]), "columns after the end are NaN");
                        continue;
                    }
                    double want = 0;
                    for (long f = a; f < Math.min(b, x.length); f++) {
                        want = Math.max(want, env.value(f));
                    }
                    assertEquals(want, got[c], 1e-6, "column " + c + " at " + fpp + " frames per column");
                }
            }
            float[] coarse = env.columnMaxima(0, 2_000, 25);
            for (int c = 0; c < 20; c++) {
                double exact = 0;
                for (long f = c * 2_000L; f < (c + 1) * 2_000L; f++) {
                    exact = Math.max(exact, env.value(f));
                }
                assertTrue(coarse[c] >= exact - 1e-6, "block maxima never hide a peak");
            }
            assertTrue(Float.isNaN(coarse[24]), "columns after the end are NaN");
            assertTrue(coarse[2] > 0.2 && coarse[10] < 0.05, "the burst stands out of the noise");
        }
    }
}
