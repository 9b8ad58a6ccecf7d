package org.echoic.dsp.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A hard check for call-type discovery: 32 kHz Bengalese-finch-like songs of one bird with 8–12 syllable types
 * ({@code a}, {@code b}, …) that vary between renditions as real song does, some alike, in imbalanced numbers, over
 * real background noise when given.
 * <ul>
 * <li>Types: harmonic stacks with a low fundamental (0.5–1.1 kHz, 4–9 harmonics), down- and up-sweeps, arched
 * notes, high whistles (4–8 kHz), and noisy broadband notes; type {@code a} is a short noisy introductory note. About
 * a third of the types are <em>siblings</em> of an earlier type: the same family and contour shifted in pitch by
 * 14–22 % or lengthened by 35–60 % — alike, as a human labeller still tells them apart.</li>
 * <li>Counts: songs are intro notes then motifs; each type enters a motif with its own probability (0.2–1) and some
 * repeat (geometric), so the commonest type is several times as frequent as the rarest.</li>
 * <li>Each rendition: pitch σ 2.5 % (and σ 1.5 % per song), duration σ 7 %, level σ 4 dB, harmonic roll-off ±0.1, a
 * random phase and a slow random pitch wander of σ 1 %; the segment given to the clusterer has onset and offset
 * moved by up to ±4 ms, as hand segmentation does.</li>
 * <li>Background: a random stretch of {@code background} (e.g. the non-song parts of real 32 kHz recordings) at a
 * random gain of −6 to +6 dB, looped if shorter, plus pink noise of −60 to −45 dBFS; without one, pink noise of −52
 * to −40 dBFS.</li>
 * </ul>
 * Deterministic for the seeds (StrictMath, {@link Random}); stateless.
 */
public final class VariableFinchSynthesiser {
    public static final double SAMPLE_RATE_HZ = 32_000;
    /** Types of the default bird. */
    public static final int DEFAULT_TYPES = 10;
    private static final double BOUNDARY_JITTER_SECONDS = 0.004;

    private VariableFinchSynthesiser() {
    }

    /** Families of syllable shape. */
    private enum Family { STACK, DOWN, UP, ARCH, WHISTLE, NOISE }

    /** One syllable type before per-rendition variation. */
    private record Type(String label, Family family, double durationSeconds, double startHz, double endHz,
                        double archFraction, int harmonics, double decay, double attack, double amplitude,
                        double motifProbability, double repeatProbability) {
        Type shifted(String name, double pitchFactor, double durationFactor, double probability) {
            return new Type(name, family, durationSeconds * durationFactor, startHz * pitchFactor, endHz * pitchFactor,
                    archFraction, harmonics, decay, attack, amplitude, probability, repeatProbability);
        }
    }

    /**
     * Song {@code songIndex} of the bird of {@code birdSeed} with {@code types} syllable types (8–12).
     *
     * @param background mono 32 kHz noise to lay under the song, or null for pink noise only
     */
    public static SynthesisedAudio song(long birdSeed, int types, int songIndex, float[] background) {
        if (types < 8 || types > 12) {
            throw new IllegalArgumentException("between 8 and 12 syllable types: " + types);
        }
        List<Type> bird = types(birdSeed, types);
        Random rnd = new Random(birdSeed * 2_000_003L + songIndex * 104_729L + 5);
        List<Type> sequence = new ArrayList<>();
        int intro = 1 + rnd.nextInt(5);
        for (int i = 0; i < intro; i++) {
            sequence.add(bird.get(0));
        }
        int motifs = 1 + rnd.nextInt(4);
        for (int m = 0; m < motifs; m++) {
            for (int t = 1; t < types; t++) {
                Type type = bird.get(t);
                if (rnd.nextDouble() >= type.motifProbability()) {
                    continue;
                }
                do {
                    sequence.add(type);
                } while (rnd.nextDouble() < type.repeatProbability());
            }
        }
        double songPitch = 1 + 0.015 * SynthSignals.clamp(rnd.nextGaussian(), -2.5, 2.5);
        double[] durations = new double[sequence.size()];
        double[] gaps = new double[sequence.size()];
        double seconds = 0.4;
        for (int i = 0; i < sequence.size(); i++) {
            durations[i] = sequence.get(i).durationSeconds() * SynthSignals.clamp(1 + 0.07 * rnd.nextGaussian(), 0.8,
                    1.2);
            gaps[i] = SynthSignals.uniform(rnd, 0.012, 0.055);
            seconds += durations[i] + gaps[i];
        }
        seconds += 0.4;
        float[] x = new float[SynthSignals.frames(seconds, SAMPLE_RATE_HZ)];
        List<SynthesisedAudio.Call> calls = new ArrayList<>();
        double t = 0.4;
        for (int i = 0; i < sequence.size(); i++) {
            Type type = sequence.get(i);
            int start = (int) Math.round(t * SAMPLE_RATE_HZ);
            int n = (int) Math.round(durations[i] * SAMPLE_RATE_HZ);
            double pitch = songPitch * (1 + 0.025 * SynthSignals.clamp(rnd.nextGaussian(), -2.5, 2.5));
            double gain = StrictMath.pow(10, 4 * SynthSignals.clamp(rnd.nextGaussian(), -2.5, 2.5) / 20);
            render(x, start, n, type, pitch, gain, rnd);
            double onset = t + SynthSignals.uniform(rnd, -BOUNDARY_JITTER_SECONDS, BOUNDARY_JITTER_SECONDS);
            double offset = t + durations[i] + SynthSignals.uniform(rnd, -BOUNDARY_JITTER_SECONDS,
                    BOUNDARY_JITTER_SECONDS);
            calls.add(new SynthesisedAudio.Call(Math.max(0, onset), offset, type.label()));
            t += durations[i] + gaps[i];
        }
        if (background != null && background.length > 0) {
            addBackground(x, background, StrictMath.pow(10, SynthSignals.uniform(rnd, -6, 6) / 20), rnd);
            SynthSignals.addPinkNoise(x, SynthSignals.uniform(rnd, -60, -45), rnd);
        } else {
            SynthSignals.addPinkNoise(x, SynthSignals.uniform(rnd, -52, -40), rnd);
        }
        return new SynthesisedAudio(x, SAMPLE_RATE_HZ, calls);
    }

    private static List<Type> types(long birdSeed, int count) {
        Random rnd = new Random(birdSeed * 31 + 7);
        List<Type> out = new ArrayList<>();
        out.add(new Type("a", Family.NOISE, SynthSignals.uniform(rnd, 0.02, 0.035), SynthSignals.uniform(rnd, 1_500,
                3_000), 0, 0, 1, 0.5, 0.1, 0.15, 1, 0));
        Family[] order = {Family.STACK, Family.DOWN, Family.WHISTLE, Family.UP, Family.ARCH, Family.NOISE,
            Family.DOWN, Family.STACK};
        int siblings = count / 3;
        int originals = count - 1 - siblings;
        for (int i = 0; i < originals; i++) {
            out.add(original(String.valueOf((char) ('b' + i)), order[(i + (int) (birdSeed % 3)) % order.length], rnd));
        }
        for (int s = 0; s < siblings; s++) {
            Type parent = out.get(1 + rnd.nextInt(originals));
            String name = String.valueOf((char) ('b' + originals + s));
            double probability = SynthSignals.uniform(rnd, 0.2, 0.8);
            out.add(rnd.nextBoolean()
                    ? parent.shifted(name, rnd.nextBoolean() ? SynthSignals.uniform(rnd, 1.14, 1.22)
                            : 1 / SynthSignals.uniform(rnd, 1.14, 1.22), 1, probability)
                    : parent.shifted(name, 1, SynthSignals.uniform(rnd, 1.35, 1.6), probability));
        }
        return out;
    }

    private static Type original(String label, Family family, Random rnd) {
        double duration = SynthSignals.uniform(rnd, 0.035, 0.13);
        double start;
        double end;
        int harmonics;
        switch (family) {
            case STACK -> {
                start = SynthSignals.uniform(rnd, 500, 1_100);
                end = start * SynthSignals.uniform(rnd, 0.95, 1.05);
                harmonics = 4 + rnd.nextInt(6);
            }
            case DOWN -> {
                start = SynthSignals.uniform(rnd, 2_500, 5_500);
                end = start * SynthSignals.uniform(rnd, 0.45, 0.7);
                harmonics = 1 + rnd.nextInt(3);
            }
            case UP -> {
                start = SynthSignals.uniform(rnd, 1_500, 3_500);
                end = start * SynthSignals.uniform(rnd, 1.4, 1.9);
                harmonics = 1 + rnd.nextInt(3);
            }
            case ARCH -> {
                start = SynthSignals.uniform(rnd, 1_500, 3_500);
                end = start * SynthSignals.uniform(rnd, 0.85, 1.1);
                harmonics = 2 + rnd.nextInt(3);
            }
            case WHISTLE -> {
                start = SynthSignals.uniform(rnd, 4_000, 8_000);
                end = start * SynthSignals.uniform(rnd, 0.93, 1.07);
                harmonics = 1;
            }
            default -> {
                start = SynthSignals.uniform(rnd, 2_000, 5_000);
                end = 0;
                harmonics = 1;
            }
        }
        return new Type(label, family, duration, start, end, family == Family.ARCH ? SynthSignals.uniform(rnd, 0.2, 0.4)
                : 0, harmonics, SynthSignals.uniform(rnd, 0.4, 0.8), SynthSignals.uniform(rnd, 0.05, 0.3),
                SynthSignals.uniform(rnd, 0.15, 0.4), SynthSignals.uniform(rnd, 0.3, 1), rnd.nextDouble() < 0.3
                ? SynthSignals.uniform(rnd, 0.2, 0.5) : 0);
    }

    /** Adds one rendition of {@code type}, {@code n} samples from {@code start}. */
    private static void render(float[] x, int start, int n, Type type, double pitch, double gain, Random rnd) {
        double amp = gain * type.amplitude();
        if (type.family() == Family.NOISE) {
            double[] noise = bandNoise(n, type.startHz() * pitch, 0.6 * type.startHz() * pitch, rnd);
            for (int i = 0; i < n && start + i < x.length; i++) {
                x[start + i] += (float) (amp * SynthSignals.envelope(i, n, 0.1, 0.3) * noise[i]);
            }
            return;
        }
        double decay = SynthSignals.clamp(type.decay() + SynthSignals.uniform(rnd, -0.1, 0.1), 0.2, 0.9);
        double norm = 0;
        for (int k = 0; k < type.harmonics(); k++) {
            norm += StrictMath.pow(decay, k);
        }
        double phase = SynthSignals.uniform(rnd, 0, 2 * StrictMath.PI);
        double wander = 0;
        for (int i = 0; i < n && start + i < x.length; i++) {
            double tau = (double) i / n;
            wander = 0.999 * wander + 0.01 * 0.045 * rnd.nextGaussian();
            double f0 = pitch * (1 + wander) * (type.startHz() + (type.endHz() - type.startHz()) * tau)
                    * (1 + type.archFraction() * 4 * tau * (1 - tau));
            phase += 2 * StrictMath.PI * f0 / SAMPLE_RATE_HZ;
            double v = 0;
            for (int k = 0; k < type.harmonics() && (k + 1) * f0 < SAMPLE_RATE_HZ / 2 - 500; k++) {
                v += StrictMath.pow(decay, k) * StrictMath.sin((k + 1) * phase);
            }
            x[start + i] += (float) (amp * SynthSignals.envelope(i, n, type.attack(), 0.2) * v / norm);
        }
    }

    /** Unit-RMS Gaussian noise band-passed around {@code centreHz} (a two-pole resonator). */
    private static double[] bandNoise(int n, double centreHz, double bandwidthHz, Random rnd) {
        double rad = StrictMath.exp(-StrictMath.PI * bandwidthHz / SAMPLE_RATE_HZ);
        double c = 2 * rad * StrictMath.cos(2 * StrictMath.PI * centreHz / SAMPLE_RATE_HZ);
        double[] y = new double[n];
        double y1 = 0;
        double y2 = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = rnd.nextGaussian() + c * y1 - rad * rad * y2;
            y2 = y1;
            y1 = v;
            y[i] = v;
            sq += v * v;
        }
        double k = 0.7 / Math.sqrt(Math.max(1e-12, sq / Math.max(1, n)));
        for (int i = 0; i < n; i++) {
            y[i] *= k;
        }
        return y;
    }

    /** Adds {@code background} × {@code gain} from a random offset, looped. */
    private static void addBackground(float[] x, float[] background, double gain, Random rnd) {
        int offset = rnd.nextInt(background.length);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (gain * background[(offset + i) % background.length]);
        }
    }
}
