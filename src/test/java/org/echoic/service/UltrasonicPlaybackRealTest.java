package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;

import org.echoic.SharedData;
import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.junit.jupiter.api.Test;

/** Time expansion and heterodyne of a real 250 kHz recording of deer-mouse pup calls (first call ≈ 29.7 kHz). */
class UltrasonicPlaybackRealTest {
    private static final double DEVICE_HZ = 48_000;
    private static final double CALL_HZ = 29_690;

    private static float[] play(Recording r, PlaybackParams p) {
        PlaybackStream s = new PlaybackStream(r, Recording.MEAN_CHANNEL, 0, r.frames(), p, DEVICE_HZ);
        float[] out = new float[1 << 16];
        int n = 0;
        for (int got; (got = s.read(out, n, Math.min(4096, out.length - n))) > 0; ) {
            n += got;
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The frequency (Hz, 25 Hz steps from 200 Hz to 20 kHz) of the largest DFT magnitude of x[from, to). */
    private static double dominantHz(float[] x, int from, int to) {
        double best = 0;
        double bestHz = 0;
        for (double hz = 200; hz <= 20_000; hz += 25) {
            double w = 2 * Math.PI * hz / DEVICE_HZ;
            double re = 0;
            double im = 0;
            for (int i = from; i < to; i++) {
                re += x[i] * Math.cos(w * i);
                im += x[i] * Math.sin(w * i);
            }
            double m = re * re + im * im;
            if (m > best) {
                best = m;
                bestHz = hz;
            }
        }
        return bestHz;
    }

    @Test
    void timeExpansionByTenPlaysTheCallsTenTimesLowerAndTenTimesLonger() throws IOException {
        try (Recording r = AudioFiles.open(SharedData.recording("deermouse-usv/deermouse-go.wav"))) {
            float[] out = play(r, new PlaybackParams(PlaybackParams.Mode.TIME_EXPANSION, 10, 45_000, false));
            assertEquals(12.0, out.length / DEVICE_HZ, 0.01, "1.2 s at 250 kHz ÷ 10 lasts 12 s");
            // the first call, 0.05–0.15 s of the recording, sounds at 0.5–1.5 s
            assertEquals(CALL_HZ / 10, dominantHz(out, 24_000, 72_000), 60);
        }
    }

    @Test
    void aHeterodyneCarrierBelowTheCallBringsItToTheAudibleDifferenceFrequency() throws IOException {
        try (Recording r = AudioFiles.open(SharedData.recording("deermouse-usv/deermouse-go.wav"))) {
            float[] out = play(r, new PlaybackParams(PlaybackParams.Mode.HETERODYNE, 10, 25_000, false));
            assertEquals(1.2, out.length / DEVICE_HZ, 0.01, "heterodyne keeps real time");
            assertEquals(CALL_HZ - 25_000, dominantHz(out, 2_400, 7_200), 60);
        }
    }
}
