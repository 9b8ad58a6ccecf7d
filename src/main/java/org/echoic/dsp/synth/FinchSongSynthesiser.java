package org.echoic.dsp.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthesises Bengalese-finch-like song at 32 kHz with known syllable labels, for training and scoring labellers: a
 * bird (its seed) has an introductory note {@code i} and six syllable types {@code a}–{@code f} (harmonic stacks,
 * frequency sweeps, a high whistle and band-limited noise bursts, 25–140 ms); songs follow a grammar with repeats
 * and branches ({@code i+ (a b b* c (d|e) f)+}), with gaps of 12–50 ms, and vary between renditions in pitch (±3 %),
 * duration (±8 %) and level (±3 dB). Between songs there is silence with unlabelled cage noise (clicks of 2–6 ms,
 * low hum) under pink background noise at −48 dBFS. Deterministic for the seeds (StrictMath, {@link Random}).
 * Stateless.
 */
public final class FinchSongSynthesiser {
    public static final double SAMPLE_RATE_HZ = 32_000;
    public static final String[] TYPES = {"i", "a", "b", "c", "d", "e", "f"};
    static final double NOISE_DBFS = -48;

    private FinchSongSynthesiser() {
    }

    /** A syllable type of one bird. */
    private record Type(String label, int shape, double durationSeconds, double startHz, double endHz,
                        int harmonics, double bandwidthHz, double amplitude) {
    }

    /** {@code seconds} of song and cage noise of bird {@code birdSeed}, rendition {@code seed}. */
    public static SynthesisedAudio synthesise(double seconds, long birdSeed, long seed) {
        Type[] types = bird(birdSeed);
        float[] x = new float[SynthSignals.frames(seconds, SAMPLE_RATE_HZ)];
        Random rnd = new Random(seed * 7919 + birdSeed);
        List<SynthesisedAudio.Call> calls = new ArrayList<>();
        double t = SynthSignals.uniform(rnd, 0.2, 0.6);
        while (true) {
            List<Integer> song = song(rnd);
            double pitch = 1 + 0.03 * SynthSignals.clamp(rnd.nextGaussian(), -2, 2);
            List<double[]> timing = new ArrayList<>();
            double songT = t;
            for (int s : song) {
                double d = types[s].durationSeconds() * (1 + 0.08 * SynthSignals.clamp(rnd.nextGaussian(), -2, 2));
                timing.add(new double[] {songT, d});
                songT += d + SynthSignals.uniform(rnd, 0.012, 0.05);
            }
            if (songT + 0.1 > seconds) {
                break;
            }
            for (int i = 0; i < song.size(); i++) {
                Type type = types[song.get(i)];
                int start = (int) Math.round(timing.get(i)[0] * SAMPLE_RATE_HZ);
                int n = (int) Math.round(timing.get(i)[1] * SAMPLE_RATE_HZ);
                double gain = StrictMath.pow(10, 3 * SynthSignals.clamp(rnd.nextGaussian(), -2, 2) / 20);
                render(x, start, n, type, pitch, gain, rnd);
                calls.add(new SynthesisedAudio.Call(start / SAMPLE_RATE_HZ, (start + n) / SAMPLE_RATE_HZ, type.label()));
            }
            double silence = SynthSignals.uniform(rnd, 0.6, 1.6);
            cageNoise(x, songT, Math.min(seconds, songT + silence), rnd);
            t = songT + silence;
        }
        SynthSignals.addPinkNoise(x, NOISE_DBFS, rnd);
        return new SynthesisedAudio(x, SAMPLE_RATE_HZ, calls);
    }

    /** The bird's syllable types. */
    private static Type[] bird(long birdSeed) {
        Random r = new Random(birdSeed);
        Type[] t = new Type[TYPES.length];
        t[0] = new Type("i", 3, SynthSignals.uniform(r, 0.025, 0.04), 1_500, 1_500, 1, SynthSignals.uniform(r, 800,
                1_500), 0.12);
        int[] shapes = {0, 1, 0, 2, 3, 1};
        for (int k = 1; k < TYPES.length; k++) {
            int shape = shapes[k - 1];
            double start = switch (shape) {
                case 2 -> SynthSignals.uniform(r, 6_000, 7_500);
                case 3 -> SynthSignals.uniform(r, 3_000, 6_000);
                default -> SynthSignals.uniform(r, 1_200, 3_500);
            };
            double end = shape == 1 ? start * SynthSignals.uniform(r, 0.45, 0.7)
                    : start * SynthSignals.uniform(r, 0.9, 1.15);
            t[k] = new Type(TYPES[k], shape, SynthSignals.uniform(r, 0.035, 0.14), start, end, 2 + r.nextInt(4),
                    SynthSignals.uniform(r, 1_500, 3_000), SynthSignals.uniform(r, 0.2, 0.35));
        }
        return t;
    }

    /** One song's syllable indices: i+ (a b b* c (d|e) f)+. */
    private static List<Integer> song(Random r) {
        List<Integer> s = new ArrayList<>();
        do {
            s.add(0);
        } while (r.nextDouble() < 0.5 && s.size() < 4);
        do {
            s.add(1);
            s.add(2);
            while (r.nextDouble() < 0.25) {
                s.add(2);
            }
            s.add(3);
            s.add(r.nextDouble() < 0.6 ? 4 : 5);
            s.add(6);
        } while (r.nextDouble() < 0.55 && s.size() < 30);
        return s;
    }

    /** Adds one rendition of {@code type} over {@code n} samples at {@code start}. */
    private static void render(float[] x, int start, int n, Type type, double pitch, double gain, Random r) {
        double amp = type.amplitude() * gain;
        if (type.shape() == 3) {
            double[] noise = bandNoise(n, type.startHz() * pitch, type.bandwidthHz(), r);
            for (int i = 0; i < n && start + i < x.length; i++) {
                x[start + i] += (float) (amp * SynthSignals.envelope(i, n, 0.15, 0.3) * noise[i]);
            }
            return;
        }
        double phase = 0;
        double norm = 0;
        for (int h = 0; h < type.harmonics(); h++) {
            norm += StrictMath.pow(0.55, h);
        }
        for (int i = 0; i < n && start + i < x.length; i++) {
            double tau = (double) i / n;
            double f0 = pitch * (type.startHz() + (type.endHz() - type.startHz()) * tau);
            phase += 2 * StrictMath.PI * f0 / SAMPLE_RATE_HZ;
            double v = 0;
            int harmonics = type.shape() == 2 ? 1 : type.harmonics();
            for (int h = 0; h < harmonics && (h + 1) * f0 < SAMPLE_RATE_HZ / 2 - 500; h++) {
                v += StrictMath.pow(0.55, h) * StrictMath.sin((h + 1) * phase);
            }
            x[start + i] += (float) (amp * SynthSignals.envelope(i, n, 0.12, 0.2) * v / norm);
        }
    }

    /** Unit-RMS noise band-passed around {@code centreHz} (a two-pole resonator). */
    private static double[] bandNoise(int n, double centreHz, double bandwidthHz, Random r) {
        double rad = StrictMath.exp(-StrictMath.PI * bandwidthHz / SAMPLE_RATE_HZ);
        double c = 2 * rad * StrictMath.cos(2 * StrictMath.PI * centreHz / SAMPLE_RATE_HZ);
        double[] y = new double[n];
        double y1 = 0;
        double y2 = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = r.nextGaussian() + c * y1 - rad * rad * y2;
            y2 = y1;
            y1 = v;
            y[i] = v;
            sq += v * v;
        }
        double k = 1 / Math.sqrt(Math.max(1e-12, sq / Math.max(1, n)));
        for (int i = 0; i < n; i++) {
            y[i] *= k * 0.7;
        }
        return y;
    }

    /** Clicks and a faint hum between {@code fromSeconds} and {@code toSeconds}. */
    private static void cageNoise(float[] x, double fromSeconds, double toSeconds, Random r) {
        int clicks = r.nextInt(4);
        for (int c = 0; c < clicks; c++) {
            int start = (int) (SynthSignals.uniform(r, fromSeconds + 0.05, Math.max(fromSeconds + 0.06, toSeconds - 0.05))
                    * SAMPLE_RATE_HZ);
            int n = (int) (SynthSignals.uniform(r, 0.002, 0.006) * SAMPLE_RATE_HZ);
            double amp = SynthSignals.uniform(r, 0.05, 0.3);
            for (int i = 0; i < n && start + i < x.length; i++) {
                x[start + i] += (float) (amp * r.nextGaussian() * StrictMath.exp(-4.0 * i / n));
            }
        }
        int from = (int) (fromSeconds * SAMPLE_RATE_HZ);
        int to = Math.min(x.length, (int) (toSeconds * SAMPLE_RATE_HZ));
        double hz = SynthSignals.uniform(r, 100, 300);
        for (int i = from; i < to; i++) {
            x[i] += (float) (0.01 * StrictMath.sin(2 * StrictMath.PI * hz * i / SAMPLE_RATE_HZ));
        }
    }
}
