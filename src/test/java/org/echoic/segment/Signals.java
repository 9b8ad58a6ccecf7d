package org.echoic.segment;

import java.util.Random;

/** Test signals built in code: tone bursts with raised-cosine edges, seeded noise, clicks. */
final class Signals {
    private Signals() {
    }

    /** Adds a tone burst of {@code len} frames at {@code start} with 2 ms raised-cosine ramps. */
    static void burst(float[] x, double rate, int start, int len, double freqHz, double amp) {
        int ramp = (int) Math.min(len / 2, Math.round(0.002 * rate));
        for (int i = 0; i < len && start + i < x.length; i++) {
            double g = 1;
            if (i < ramp) {
                g = 0.5 - 0.5 * Math.cos(Math.PI * i / ramp);
            } else if (i >= len - ramp) {
                g = 0.5 - 0.5 * Math.cos(Math.PI * (len - 1 - i) / ramp);
            }
            x[start + i] += (float) (amp * g * Math.sin(2 * Math.PI * freqHz * i / rate));
        }
    }

    /** Adds uniform noise in [-amp, amp). */
    static void noise(float[] x, double amp, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (amp * (2 * r.nextDouble() - 1));
        }
    }

    /** A random mixture of silence, noise, bursts, clicks and clipped stretches (for properties). */
    static float[] random(Random r, int n, double rate) {
        float[] x = new float[n];
        if (r.nextInt(4) > 0) {
            noise(x, Math.pow(10, -1 - 3 * r.nextDouble()), r.nextLong());
        }
        int parts = r.nextInt(8);
        for (int p = 0; p < parts && n > 0; p++) {
            int start = r.nextInt(n);
            int len = 1 + r.nextInt(Math.max(1, n / 3));
            switch (r.nextInt(4)) {
                case 0 -> burst(x, rate, start, len, 200 + r.nextDouble() * rate / 3, r.nextDouble());
                case 1 -> x[start] = r.nextBoolean() ? 1f : -1f;
                case 2 -> {
                    for (int i = start; i < Math.min(n, start + len); i++) {
                        x[i] = (i & 1) == 0 ? 1.5f : -1f;
                    }
                }
                default -> {
                    for (int i = start; i < Math.min(n, start + len); i++) {
                        x[i] = 0;
                    }
                }
            }
        }
        return x;
    }
}
