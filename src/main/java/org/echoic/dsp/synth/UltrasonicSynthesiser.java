package org.echoic.dsp.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthesises rodent-like ultrasonic vocalisations at 250 kHz: bouts of 10–80 ms pure-tone calls between 40
 * and 90 kHz (upsweeps mostly, some downsweeps, chevrons and flat calls) with smooth envelopes, over pink-ish
 * noise at −50 dBFS. Deterministic for a seed (StrictMath, {@link Random}). Stateless.
 */
public final class UltrasonicSynthesiser {
    public static final double SAMPLE_RATE_HZ = 250_000;
    public static final double DEFAULT_SECONDS = 5;
    public static final double MIN_CALL_HZ = 40_000;
    public static final double MAX_CALL_HZ = 90_000;
    static final double NOISE_DBFS = -50;

    private UltrasonicSynthesiser() {
    }

    /** Synthesises {@code seconds} of calls from {@code seed}. */
    public static SynthesisedAudio synthesise(double seconds, long seed) {
        float[] x = new float[SynthSignals.frames(seconds, SAMPLE_RATE_HZ)];
        Random rnd = new Random(seed);
        List<SynthesisedAudio.Call> calls = new ArrayList<>();
        double t = SynthSignals.uniform(rnd, 0.1, 0.3);
        boolean done = false;
        while (!done) {
            int boutCalls = 2 + rnd.nextInt(4);
            for (int c = 0; c < boutCalls; c++) {
                double duration = SynthSignals.uniform(rnd, 0.010, 0.080);
                if (t + duration + 0.05 > seconds) {
                    done = true;
                    break;
                }
                int start = (int) Math.round(t * SAMPLE_RATE_HZ);
                int n = (int) Math.round(duration * SAMPLE_RATE_HZ);
                String label = renderCall(x, start, n, rnd);
                calls.add(new SynthesisedAudio.Call(start / SAMPLE_RATE_HZ, (start + n) / SAMPLE_RATE_HZ, label));
                t += duration + SynthSignals.uniform(rnd, 0.04, 0.15);
            }
            t += SynthSignals.uniform(rnd, 0.3, 0.8);
            done |= t + 0.06 > seconds;
        }
        SynthSignals.addPinkNoise(x, NOISE_DBFS, rnd);
        return new SynthesisedAudio(x, SAMPLE_RATE_HZ, calls);
    }

    /** Adds one call of {@code n} frames at {@code start}; returns its label. */
    private static String renderCall(float[] x, int start, int n, Random rnd) {
        double kind = rnd.nextDouble();
        double startHz;
        double endHz;
        double bumpHz = 0;
        String label;
        if (kind < 0.45) {
            label = "upsweep";
            startHz = SynthSignals.uniform(rnd, 42_000, 62_000);
            endHz = startHz + SynthSignals.uniform(rnd, 10_000, 25_000);
        } else if (kind < 0.65) {
            label = "downsweep";
            endHz = SynthSignals.uniform(rnd, 42_000, 62_000);
            startHz = endHz + SynthSignals.uniform(rnd, 10_000, 25_000);
        } else if (kind < 0.85) {
            label = "chevron";
            startHz = SynthSignals.uniform(rnd, 45_000, 62_000);
            endHz = startHz + SynthSignals.uniform(rnd, -4_000, 4_000);
            bumpHz = SynthSignals.uniform(rnd, 8_000, 20_000);
        } else {
            label = "flat";
            startHz = SynthSignals.uniform(rnd, 50_000, 75_000);
            endHz = startHz + SynthSignals.uniform(rnd, -1_500, 1_500);
        }
        double amplitude = SynthSignals.uniform(rnd, 0.15, 0.4);
        double phase = SynthSignals.uniform(rnd, 0, 2 * StrictMath.PI);
        for (int i = 0; i < n && start + i < x.length; i++) {
            double tau = (double) i / n;
            double f = startHz + (endHz - startHz) * tau + bumpHz * StrictMath.sin(StrictMath.PI * tau);
            f = SynthSignals.clamp(f, MIN_CALL_HZ + 1_000, MAX_CALL_HZ - 1_000);
            phase += 2 * StrictMath.PI * f / SAMPLE_RATE_HZ;
            x[start + i] += (float) (amplitude * SynthSignals.envelope(i, n, 0.15, 0.2) * StrictMath.sin(phase));
        }
        return label;
    }
}
