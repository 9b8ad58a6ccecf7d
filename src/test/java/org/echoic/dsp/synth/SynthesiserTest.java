package org.echoic.dsp.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.echoic.dsp.Tones;
import org.jtransforms.fft.FloatFFT_1D;
import org.junit.jupiter.api.Test;

class SynthesiserTest {
    private static final SynthesisedAudio BIRD = BirdSongSynthesiser.synthesise(30, 1);
    private static final SynthesisedAudio MOUSE = UltrasonicSynthesiser.synthesise(5, 1);

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedOtherOnes() {
        assertArrayEquals(BIRD.samples(), BirdSongSynthesiser.synthesise(30, 1).samples());
        assertEquals(BIRD.calls(), BirdSongSynthesiser.synthesise(30, 1).calls());
        assertArrayEquals(MOUSE.samples(), UltrasonicSynthesiser.synthesise(5, 1).samples());
        assertFalse(Arrays.equals(MOUSE.samples(), UltrasonicSynthesiser.synthesise(5, 2).samples()));
    }

    @Test
    void lengthsRatesAndCallCountsAreAsAdvertised() {
        assertEquals(30 * 44_100, BIRD.samples().length);
        assertEquals(44_100, BIRD.sampleRateHz());
        assertEquals(5 * 250_000, MOUSE.samples().length);
        assertTrue(BIRD.calls().size() >= 24, "bird syllables: " + BIRD.calls().size());
        assertTrue(MOUSE.calls().size() >= 10, "ultrasonic calls: " + MOUSE.calls().size());
        for (SynthesisedAudio.Call c : BIRD.calls()) {
            double ms = 1000 * (c.offsetSeconds() - c.onsetSeconds());
            assertTrue(ms >= 20 && ms <= 250, "syllable of " + ms + " ms");
        }
        for (SynthesisedAudio.Call c : MOUSE.calls()) {
            double ms = 1000 * (c.offsetSeconds() - c.onsetSeconds());
            assertTrue(ms >= 10 && ms <= 80, "call of " + ms + " ms");
        }
        assertEquals(List.of("A", "B", "B", "C"), BIRD.calls().subList(0, 4).stream().map(SynthesisedAudio.Call::label).toList());
    }

    @Test
    void theTrueIntervalsAreWhereTheEnergyIs() {
        for (SynthesisedAudio audio : List.of(BIRD, MOUSE)) {
            boolean[] inside = new boolean[audio.samples().length];
            for (SynthesisedAudio.Call c : audio.calls()) {
                int from = (int) Math.round(c.onsetSeconds() * audio.sampleRateHz());
                int to = (int) Math.round(c.offsetSeconds() * audio.sampleRateHz());
                Arrays.fill(inside, from, to, true);
            }
            double[] sum = new double[2];
            long[] count = new long[2];
            for (int i = 0; i < inside.length; i++) {
                int k = inside[i] ? 1 : 0;
                sum[k] += (double) audio.samples()[i] * audio.samples()[i];
                count[k]++;
            }
            double ratioDb = 10 * Math.log10((sum[1] / count[1]) / (sum[0] / count[0]));
            assertTrue(ratioDb > 25, "calls stand " + ratioDb + " dB above the rest");
            double outsideDbfs = 10 * Math.log10(sum[0] / count[0]);
            assertEquals(-50, outsideDbfs, 1.5, "background noise level");
        }
    }

    @Test
    void birdSyllablesHaveTheirFundamentalBetween2And6Kilohertz() {
        for (SynthesisedAudio.Call c : BIRD.calls()) {
            int mid = (int) Math.round((c.onsetSeconds() + c.offsetSeconds()) / 2 * 44_100);
            double bestHz = 0;
            double best = 0;
            for (double hz = 500; hz <= 12_000; hz += 50) {
                double a = Tones.amplitude(BIRD.samples(), mid - 220, mid + 221, hz, 44_100);
                if (a > best) {
                    best = a;
                    bestHz = hz;
                }
            }
            assertTrue(bestHz >= 2_000 && bestHz <= 6_000, c + " peaks at " + bestHz + " Hz");
        }
    }

    @Test
    void ultrasonicEnergyLiesBetween40And90Kilohertz() {
        int n = 1 << 20;
        float[] x = Arrays.copyOf(MOUSE.samples(), n);
        new FloatFFT_1D(n).realForward(x);
        double total = 0;
        double band = 0;
        for (int k = 1; k < n / 2; k++) {
            double p = (double) x[2 * k] * x[2 * k] + (double) x[2 * k + 1] * x[2 * k + 1];
            double hz = k * 250_000.0 / n;
            total += p;
            if (hz >= 40_000 && hz <= 90_000) {
                band += p;
            }
        }
        assertTrue(band / total > 0.99, "fraction of energy in 40–90 kHz: " + band / total);
    }

    @Test
    void nothingClips() {
        for (SynthesisedAudio audio : List.of(BIRD, MOUSE)) {
            float peak = 0;
            for (float v : audio.samples()) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertTrue(peak < 0.9f && peak > 0.1f, "peak " + peak);
        }
    }

    @Test
    void theDefaultSegmentationFindsTheBirdSyllables() {
        List<double[]> segments = defaultSegments(BIRD.samples(), BIRD.sampleRateHz());
        int found = 0;
        for (SynthesisedAudio.Call c : BIRD.calls()) {
            for (double[] s : segments) {
                if (Math.abs(s[0] - c.onsetSeconds()) < 0.02 && Math.abs(s[1] - c.offsetSeconds()) < 0.02) {
                    found++;
                    break;
                }
            }
        }
        assertTrue(found >= 0.9 * BIRD.calls().size(), found + " of " + BIRD.calls().size() + " syllables found in "
                + segments.size() + " segments");
        assertTrue(segments.size() <= 1.1 * BIRD.calls().size(), segments.size() + " segments");
    }

    @Test
    void refusesDurationsThatCannotBeHeld() {
        assertThrows(IllegalArgumentException.class, () -> BirdSongSynthesiser.synthesise(0, 1));
        assertThrows(IllegalArgumentException.class, () -> UltrasonicSynthesiser.synthesise(1e6, 1));
    }

    /** SEGMENTATION.md with its defaults (4 ms box, 90th percentile, 2 ms spacing, 15–500 ms, 5 ms buffer). */
    static List<double[]> defaultSegments(float[] x, double rateHz) {
        int w = (int) Math.round(0.004 * rateHz);
        w += w % 2 == 0 ? 1 : 0;
        int h = w / 2;
        double[] env = new double[x.length];
        double acc = 0;
        for (int i = -h; i <= h; i++) {
            acc += Math.abs(x[reflect(i, x.length)]);
        }
        for (int i = 0; i < x.length; i++) {
            env[i] = acc / w;
            acc += Math.abs(x[reflect(i + h + 1, x.length)]) - Math.abs(x[reflect(i - h, x.length)]);
        }
        double[] sorted = env.clone();
        Arrays.sort(sorted);
        double threshold = sorted[(int) Math.floor(0.9 * (sorted.length - 1))];
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < env.length; i++) {
            if (env[i] >= threshold) {
                int s = i;
                while (i < env.length && env[i] >= threshold) {
                    i++;
                }
                if (!runs.isEmpty() && s - runs.get(runs.size() - 1)[1] < 0.002 * rateHz) {
                    runs.get(runs.size() - 1)[1] = i;
                } else {
                    runs.add(new int[] {s, i});
                }
            }
        }
        List<double[]> kept = new ArrayList<>();
        for (int[] r : runs) {
            double len = (r[1] - r[0]) / rateHz;
            if (len > 0.015 && len < 0.5) {
                kept.add(new double[] {Math.max(0, r[0] / rateHz - 0.005), Math.min(x.length / rateHz, r[1] / rateHz + 0.005)});
            }
        }
        return kept;
    }

    private static int reflect(int i, int n) {
        return i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;
    }
}
