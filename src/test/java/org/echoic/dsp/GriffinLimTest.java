package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.echoic.audio.ArrayRecording;
import org.junit.jupiter.api.Test;

/** The inverse STFT inverts the STFT; Griffin-Lim converges on a chirp. */
class GriffinLimTest {
    private static final double FS = 8000;

    private static ArrayRecording chirp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (300 * t + 1500 * t * t)));
        }
        return new ArrayRecording(Path.of("chirp"), FS, x);
    }

    @Test
    void istftOfStftIsTheSignalForACola() throws InterruptedException {
        ArrayRecording rec = chirp(8000);
        StftParams p = StftParams.DEFAULT.withMode(StftParams.Mode.COMPLEX);
        Spectrogram s = Stft.spectrogram(rec, 0, 0, rec.frames(), p, null, 1, null);
        float[] y = GriffinLim.istft(s);
        assertEquals((s.frames() - 1) * 128 + 256, y.length);
        float[] x = rec.channel(0);
        for (int i = 1; i < y.length; i++) {
            boolean edge = i < 64 || i >= y.length - 64;
            assertEquals(x[i], y[i], edge ? 1e-3 : 1e-5, "sample " + i);
        }
    }

    @Test
    void fastGriffinLimConvergesOnAChirp() throws InterruptedException {
        ArrayRecording rec = chirp(8000);
        StftParams p = new StftParams(256, 192, 256, WindowFunction.HANN, StftParams.Detrend.NONE,
                StftParams.Scaling.SPECTRUM, StftParams.Mode.MAGNITUDE);
        Spectrogram s = Stft.spectrogram(rec, 0, 0, rec.frames(), p, null, 1, null);
        GriffinLim.Result r = GriffinLim.reconstruct(s, 60, 0.99, 1, null);
        double[] sc = r.spectralConvergence();
        assertTrue(sc[sc.length - 1] < 0.1, "final spectral convergence " + sc[sc.length - 1]);
        assertTrue(sc[sc.length - 1] < sc[0] / 3, "decreases from " + sc[0] + " to " + sc[sc.length - 1]);
        GriffinLim.Result classic = GriffinLim.reconstruct(s, 60, 0, 1, null);
        assertTrue(r.spectralConvergence()[59] <= classic.spectralConvergence()[59],
                "momentum helps: " + r.spectralConvergence()[59] + " vs " + classic.spectralConvergence()[59]);
        Spectrogram again = Stft.spectrogram(new ArrayRecording(Path.of("gl"), FS, r.signal()), 0, 0,
                r.signal().length, p, null, 1, null);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < s.values().length; i++) {
            err += Math.pow(again.values()[i] - s.values()[i], 2);
            norm += Math.pow(s.values()[i], 2);
        }
        assertTrue(Math.sqrt(err / norm) < 0.1, "the returned signal's own spectrogram matches");
    }
}
