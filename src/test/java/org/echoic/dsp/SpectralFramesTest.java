package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.junit.jupiter.api.Test;

class SpectralFramesTest {
    private static final double RATE = 8000;

    private static Spectrogram psd(float[] x, StftParams p) throws InterruptedException {
        Recording r = new ArrayRecording(Path.of("t.wav"), RATE, x);
        return Stft.spectrogram(r, 0, 0, x.length, p, null, 1, null);
    }

    @Test
    void bandSelectsTheBinsBetweenItsEdges() {
        SpectralFrames f = SpectralFrames.DEFAULT.withBand(1000, 2000);
        // 256-point FFT at 8 kHz: 31.25 Hz per bin; 1000 Hz = bin 32, 2000 Hz = bin 64
        assertEquals(32, f.firstBin(RATE));
        assertEquals(65, f.endBin(RATE));
        assertEquals(33, f.nVisible(RATE));
        assertEquals(129, SpectralFrames.DEFAULT.nVisible(RATE));
    }

    @Test
    void logDbMapsTheSegmentMaximumToOneAndTheFloorToZero() throws InterruptedException {
        Spectrogram s = psd(Tones.sine(1000, RATE, 0.5, 4096), StftParams.DEFAULT);
        float[][] frames = SpectralFrames.DEFAULT.scale(s);
        assertEquals(s.frames(), frames.length);
        assertEquals(129, frames[0].length);
        float max = 0;
        int argmax = -1;
        for (int k = 0; k < 129; k++) {
            if (frames[3][k] > max) {
                max = frames[3][k];
                argmax = k;
            }
        }
        assertEquals(32, argmax, "the 1 kHz bin is the loudest");
        assertTrue(max > 0.99f, "the peak maps near 1: " + max);
        for (float[] fr : frames) {
            for (float v : fr) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
    }

    @Test
    void linearMaxDividesByTheSegmentMaximum() throws InterruptedException {
        Spectrogram s = psd(Tones.sine(1000, RATE, 0.5, 4096), StftParams.DEFAULT);
        SpectralFrames f = SpectralFrames.DEFAULT.withScaling(FrameScaling.LINEAR_MAX, 80);
        float[][] frames = f.scale(s);
        double maxPower = Math.pow(10, f.maxDb(s) / 10);
        assertEquals(s.get(40, 5) / maxPower, frames[5][40], 1e-6);
    }

    @Test
    void toMagnitudeUndoesTheScalingOfASegmentAtTheReferenceLevel() throws InterruptedException {
        StftParams p = StftParams.DEFAULT;
        float[] x = Tones.sine(1500, RATE, 0.3, 8192);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (0.01 * Math.sin(i * 0.37) + 0.005 * Math.cos(i * 1.9));
        }
        Spectrogram s = psd(x, p);
        Spectrogram mag = Stft.spectrogram(new ArrayRecording(Path.of("t.wav"), RATE, x), 0, 0, x.length,
                p.withMode(StftParams.Mode.MAGNITUDE), null, 1, null);
        for (FrameScaling kind : new FrameScaling[] {FrameScaling.LOG_DB, FrameScaling.LINEAR_MAX}) {
            SpectralFrames f = SpectralFrames.DEFAULT.withScaling(kind, 200);
            f = f.withReferenceDb(f.maxDb(s));
            Spectrogram back = f.toMagnitude(f.scale(s), RATE);
            assertEquals(StftParams.Mode.MAGNITUDE, back.params().mode());
            for (int k = 1; k < 128; k += 7) {
                for (int t = 0; t < s.frames(); t += 11) {
                    double want = mag.get(k, t);
                    if (want > 1e-4 * 0.3) {
                        assertEquals(want, back.get(k, t), 2e-3 * want + 1e-7, kind + " bin " + k + " frame " + t);
                    }
                }
            }
        }
    }

    @Test
    void unknownReferenceLevelIsRefusedClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SpectralFrames.DEFAULT.toMagnitude(new float[][] {new float[129]}, RATE));
        assertTrue(e.getMessage().contains("reference level"));
    }

    @Test
    void mapsRoundTrip() {
        SpectralFrames f = new SpectralFrames(new StftParams(512, 384, 1024, WindowFunction.parse("tukey:0.25"),
                StftParams.Detrend.CONSTANT, StftParams.Scaling.SPECTRUM, StftParams.Mode.PSD), 200, 9000,
                FrameScaling.LINEAR_MAX, 60, -42.5);
        Map<String, Object> stft = f.stftMap();
        stft.put("sampleRateHz", 250000.0);
        assertEquals(f, SpectralFrames.fromMaps(stft, f.scalingMap()));
        assertEquals(250000.0, SpectralFrames.sampleRateHz(stft, 1));
        assertEquals(SpectralFrames.DEFAULT, SpectralFrames.fromMaps(null, null));
        assertEquals(7.0, SpectralFrames.sampleRateHz(null, 7));
        assertThrows(IllegalArgumentException.class,
                () -> SpectralFrames.fromMaps(Map.of("nperseg", "big"), null));
    }
}
