package org.echoic.dsp.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthesises songs of one bird with known syllable types, for measuring call-type discovery: 32 kHz songs of
 * introductory notes followed by two to four renditions of a motif of the other types (some syllables repeated,
 * some skipped), 15–60 ms apart. Each type is a harmonic stack with its own fundamental contour (rising,
 * falling, arched, flat with vibrato, 1.2–8 kHz), duration (25–200 ms), harmonics and envelope, or a noisy
 * broadband burst. Within a type each rendition varies as in real song: pitch ±3 % (and ±2 % per song),
 * duration ±8 %, level ±4 dB, and each song has its own pink background noise (−58 to −42 dBFS). The types come
 * from {@code birdSeed}, the songs from {@code birdSeed} and the song's index. Deterministic (StrictMath,
 * {@link Random}); stateless.
 */
public final class CallTypeSynthesiser {
    public static final double SAMPLE_RATE_HZ = 32_000;
    /** Types of the default bird. */
    public static final int DEFAULT_TYPES = 8;
    private static final double MAX_HARMONIC_HZ = 15_000;

    private CallTypeSynthesiser() {
    }

    /** One syllable type before per-rendition variation. */
    private record Type(String label, double durationSeconds, double startHz, double endHz, double archHz,
                        double vibratoHz, double vibratoDepth, int harmonics, double decay, double attack,
                        boolean noisy, double amplitude) {
    }

    /** Song {@code songIndex} of the bird of {@code birdSeed} with {@code types} syllable types (2–26). */
    public static SynthesisedAudio song(long birdSeed, int types, int songIndex) {
        if (types < 2 || types > 26) {
            throw new IllegalArgumentException("between 2 and 26 syllable types: " + types);
        }
        List<Type> bird = types(birdSeed, types);
        Random rnd = new Random(birdSeed * 1_000_003L + songIndex * 7919L + 17);
        List<Type> sequence = new ArrayList<>();
        int intro = 2 + rnd.nextInt(4);
        for (int i = 0; i < intro; i++) {
            sequence.add(bird.get(0));
        }
        int motifs = 2 + rnd.nextInt(3);
        for (int m = 0; m < motifs; m++) {
            for (int t = 1; t < types; t++) {
                if (rnd.nextDouble() < 0.1) {
                    continue;
                }
                int repeats = rnd.nextDouble() < 0.2 ? 2 : 1;
                for (int r = 0; r < repeats; r++) {
                    sequence.add(bird.get(t));
                }
            }
        }
        double songPitch = 1 + 0.02 * rnd.nextGaussian();
        double seconds = 0.3;
        double[] durations = new double[sequence.size()];
        double[] gaps = new double[sequence.size()];
        for (int i = 0; i < sequence.size(); i++) {
            durations[i] = sequence.get(i).durationSeconds() * SynthSignals.clamp(1 + 0.08 * rnd.nextGaussian(),
                    0.75, 1.25);
            gaps[i] = SynthSignals.uniform(rnd, 0.015, 0.06);
            seconds += durations[i] + gaps[i];
        }
        seconds += 0.3;
        float[] x = new float[SynthSignals.frames(seconds, SAMPLE_RATE_HZ)];
        List<SynthesisedAudio.Call> calls = new ArrayList<>();
        double t = 0.3;
        for (int i = 0; i < sequence.size(); i++) {
            Type type = sequence.get(i);
            int start = (int) Math.round(t * SAMPLE_RATE_HZ);
            int n = (int) Math.round(durations[i] * SAMPLE_RATE_HZ);
            double pitch = songPitch * SynthSignals.clamp(1 + 0.03 * rnd.nextGaussian(), 0.92, 1.08);
            double gain = StrictMath.pow(10, SynthSignals.uniform(rnd, -4, 4) / 20);
            render(x, start, n, type, pitch, gain, rnd);
            calls.add(new SynthesisedAudio.Call(start / SAMPLE_RATE_HZ, (start + n) / SAMPLE_RATE_HZ, type.label()));
            t += durations[i] + gaps[i];
        }
        SynthSignals.addPinkNoise(x, SynthSignals.uniform(rnd, -58, -42), rnd);
        return new SynthesisedAudio(x, SAMPLE_RATE_HZ, calls);
    }

    private static List<Type> types(long birdSeed, int count) {
        Random rnd = new Random(birdSeed);
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = String.valueOf((char) ('a' + i));
            double duration = i == 0 ? SynthSignals.uniform(rnd, 0.025, 0.05) : SynthSignals.uniform(rnd, 0.03, 0.2);
            int shape = i == 0 ? 4 : rnd.nextInt(5);
            double startHz = SynthSignals.uniform(rnd, 1_200, 6_000);
            double endHz = switch (shape) {
                case 0 -> startHz * SynthSignals.uniform(rnd, 1.3, 1.9);
                case 1 -> startHz / SynthSignals.uniform(rnd, 1.3, 1.9);
                default -> startHz * SynthSignals.uniform(rnd, 0.95, 1.05);
            };
            double arch = shape == 2 ? SynthSignals.uniform(rnd, -0.4, 0.5) * startHz : 0;
            boolean vibrato = shape == 3;
            out.add(new Type(label, duration, startHz, Math.min(endHz, 8_000), arch,
                    vibrato ? SynthSignals.uniform(rnd, 30, 80) : 0, vibrato ? SynthSignals.uniform(rnd, 0.03, 0.08) : 0,
                    1 + rnd.nextInt(5), SynthSignals.uniform(rnd, 0.3, 0.8), SynthSignals.uniform(rnd, 0.05, 0.4),
                    shape == 4, SynthSignals.uniform(rnd, 0.2, 0.45)));
        }
        return out;
    }

    /** Adds one rendition of {@code type}, {@code n} samples from {@code start}. */
    private static void render(float[] x, int start, int n, Type type, double pitch, double gain, Random rnd) {
        double phase = SynthSignals.uniform(rnd, 0, 2 * StrictMath.PI);
        double vibratoPhase = SynthSignals.uniform(rnd, 0, 2 * StrictMath.PI);
        double norm = 0;
        for (int k = 0; k < type.harmonics(); k++) {
            norm += StrictMath.pow(type.decay(), k);
        }
        double lowHz = pitch * Math.min(type.startHz(), type.endHz());
        double bandHz = pitch * (Math.abs(type.endHz() - type.startHz()) + 2_500);
        double[] noise = type.noisy() ? bandNoise(n, lowHz, bandHz, rnd) : null;
        for (int i = 0; i < n && start + i < x.length; i++) {
            double tau = (double) i / n;
            double f0 = pitch * (type.startHz() + (type.endHz() - type.startHz()) * tau
                    + type.archHz() * 4 * tau * (1 - tau));
            f0 *= 1 + type.vibratoDepth() * StrictMath.sin(2 * StrictMath.PI * type.vibratoHz() * i / SAMPLE_RATE_HZ
                    + vibratoPhase);
            f0 = SynthSignals.clamp(f0, 500, 9_000);
            phase += 2 * StrictMath.PI * f0 / SAMPLE_RATE_HZ;
            double v = 0;
            if (noise != null) {
                v = noise[i];
            } else {
                for (int k = 0; k < type.harmonics() && (k + 1) * f0 < MAX_HARMONIC_HZ; k++) {
                    v += StrictMath.pow(type.decay(), k) * StrictMath.sin((k + 1) * phase);
                }
                v /= norm;
            }
            x[start + i] += (float) (gain * type.amplitude() * SynthSignals.envelope(i, n, type.attack(), 0.25) * v);
        }
    }

    /** Noise of unit peak-ish level in [lowHz, lowHz + bandHz): a sum of random-phase sines. */
    private static double[] bandNoise(int n, double lowHz, double bandHz, Random rnd) {
        double[] out = new double[n];
        int partials = 24;
        for (int p = 0; p < partials; p++) {
            double f = lowHz + bandHz * rnd.nextDouble();
            double ph = 2 * StrictMath.PI * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                out[i] += StrictMath.sin(ph + 2 * StrictMath.PI * f * i / SAMPLE_RATE_HZ) / Math.sqrt(partials);
            }
        }
        return out;
    }
}
