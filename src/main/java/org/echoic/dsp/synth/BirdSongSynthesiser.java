package org.echoic.dsp.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthesises bird song at 44.1 kHz: songs of a repeating motif of three syllable types (A B B C), each a
 * harmonic, frequency-modulated tone (fundamental 2–6 kHz, 2–4 harmonics of decaying amplitude, smooth
 * envelope, 30–250 ms), varied in pitch and duration between renditions, with silences between songs and
 * pink-ish background noise at −50 dBFS. Deterministic for a seed (StrictMath, {@link Random}). Stateless.
 */
public final class BirdSongSynthesiser {
    public static final double SAMPLE_RATE_HZ = 44_100;
    public static final double DEFAULT_SECONDS = 30;
    public static final double MIN_FUNDAMENTAL_HZ = 2_000;
    public static final double MAX_FUNDAMENTAL_HZ = 6_000;
    static final double NOISE_DBFS = -50;
    private static final double MAX_HARMONIC_HZ = 20_000;
    private static final String[] MOTIF = {"A", "B", "B", "C"};

    private BirdSongSynthesiser() {
    }

    /** A syllable type: its shape before per-rendition variation. */
    private record SyllableType(String label, double durationSeconds, double startHz, double endHz,
                                double vibratoHz, double vibratoDepthHz, int harmonics, double harmonicDecay,
                                double amplitude) {
    }

    /** Synthesises {@code seconds} of song from {@code seed}. */
    public static SynthesisedAudio synthesise(double seconds, long seed) {
        float[] x = new float[SynthSignals.frames(seconds, SAMPLE_RATE_HZ)];
        Random rnd = new Random(seed);
        SyllableType a = type(rnd, "A", 0.12, 0.22);
        SyllableType b = type(rnd, "B", 0.04, 0.09);
        SyllableType c = type(rnd, "C", 0.08, 0.18);
        List<SynthesisedAudio.Call> calls = new ArrayList<>();
        double t = SynthSignals.uniform(rnd, 0.3, 0.8);
        while (true) {
            double pitch = SynthSignals.clamp(1 + 0.04 * rnd.nextGaussian(), 0.92, 1.08);
            List<double[]> song = new ArrayList<>();
            double songT = t;
            for (String label : MOTIF) {
                double duration = SynthSignals.clamp(
                        (label.equals("A") ? a : label.equals("B") ? b : c).durationSeconds()
                                * (1 + 0.1 * rnd.nextGaussian()), 0.03, 0.25);
                song.add(new double[] {songT, duration});
                songT += duration + SynthSignals.uniform(rnd, 0.03, 0.07);
            }
            if (songT + 0.2 > seconds) {
                break;
            }
            for (int i = 0; i < MOTIF.length; i++) {
                SyllableType type = MOTIF[i].equals("A") ? a : MOTIF[i].equals("B") ? b : c;
                int start = (int) Math.round(song.get(i)[0] * SAMPLE_RATE_HZ);
                int n = (int) Math.round(song.get(i)[1] * SAMPLE_RATE_HZ);
                render(x, start, n, type, pitch, rnd);
                calls.add(new SynthesisedAudio.Call(start / SAMPLE_RATE_HZ, (start + n) / SAMPLE_RATE_HZ, type.label()));
            }
            t = songT + SynthSignals.uniform(rnd, 1.5, 3.0);
        }
        SynthSignals.addPinkNoise(x, NOISE_DBFS, rnd);
        return new SynthesisedAudio(x, SAMPLE_RATE_HZ, calls);
    }

    private static SyllableType type(Random rnd, String label, double minSeconds, double maxSeconds) {
        double startHz = SynthSignals.uniform(rnd, 2_600, 5_400);
        double endHz = SynthSignals.clamp(startHz + SynthSignals.uniform(rnd, -1_500, 1_500), 2_600, 5_400);
        return new SyllableType(label, SynthSignals.uniform(rnd, minSeconds, maxSeconds), startHz, endHz,
                SynthSignals.uniform(rnd, 8, 40), SynthSignals.uniform(rnd, 0, 250), 2 + rnd.nextInt(3),
                SynthSignals.uniform(rnd, 0.3, 0.55), SynthSignals.uniform(rnd, 0.25, 0.35));
    }

    /** Adds one rendition of a syllable of {@code n} frames at {@code start}. */
    private static void render(float[] x, int start, int n, SyllableType type, double pitch, Random rnd) {
        double vibratoPhase = SynthSignals.uniform(rnd, 0, 2 * StrictMath.PI);
        double norm = 0;
        for (int k = 0; k < type.harmonics(); k++) {
            norm += StrictMath.pow(type.harmonicDecay(), k);
        }
        double phase = 0;
        for (int i = 0; i < n && start + i < x.length; i++) {
            double tau = (double) i / n;
            double sweep = tau * tau * (3 - 2 * tau);
            double f0 = pitch * (type.startHz() + (type.endHz() - type.startHz()) * sweep)
                    + type.vibratoDepthHz() * StrictMath.sin(2 * StrictMath.PI * type.vibratoHz() * i / SAMPLE_RATE_HZ
                    + vibratoPhase);
            f0 = SynthSignals.clamp(f0, MIN_FUNDAMENTAL_HZ + 100, MAX_FUNDAMENTAL_HZ - 100);
            phase += 2 * StrictMath.PI * f0 / SAMPLE_RATE_HZ;
            double v = 0;
            for (int k = 0; k < type.harmonics() && (k + 1) * f0 < MAX_HARMONIC_HZ; k++) {
                v += StrictMath.pow(type.harmonicDecay(), k) * StrictMath.sin((k + 1) * phase);
            }
            x[start + i] += (float) (type.amplitude() * SynthSignals.envelope(i, n, 0.2, 0.25) * v / norm);
        }
    }
}
