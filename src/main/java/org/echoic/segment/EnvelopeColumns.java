package org.echoic.segment;

import java.util.Arrays;

/** The column maxima of {@link Envelope#columnMaxima}, for drawing the envelope. Stateless. */
final class EnvelopeColumns {
    private EnvelopeColumns() {
    }

    static float[] maxima(Envelope env, double startFrame, double framesPerColumn, int columns) {
        float[] out = new float[columns];
        double unit = env.sumPerUnit();
        if (framesPerColumn < 2 * Envelope.L1) {
            exact(env, startFrame, framesPerColumn, out);
            return out;
        }
        for (int c = 0; c < columns; c++) {
            long a = Math.max(0, (long) Math.floor(startFrame + c * framesPerColumn));
            long b = Math.min(env.frames(), Math.max(a + 1, (long) Math.floor(startFrame + (c + 1) * framesPerColumn)));
            if (a >= env.frames() || b <= a) {
                out[c] = Float.NaN;
                continue;
            }
            int max = 0;
            for (long k = a >>> Envelope.L1_BITS; k <= (b - 1) >>> Envelope.L1_BITS; k++) {
                max = Math.max(max, env.blockMax((int) k));
            }
            out[c] = (float) (max / unit);
        }
        return out;
    }

    /** Column maxima from the exact sums, read in one pass over the visible frames (in blocks). */
    private static void exact(Envelope env, double startFrame, double framesPerColumn, float[] out) {
        int columns = out.length;
        long first = Math.max(0, (long) Math.floor(startFrame));
        long last = Math.min(env.frames(), Math.max(first + 1, (long) Math.floor(startFrame + columns * framesPerColumn)));
        int[] max = new int[columns];
        Arrays.fill(max, -1);
        int[] buf = new int[(int) Math.min(1 << 16, Math.max(1, last - first))];
        BoxSums reader = env.sumsReader();
        for (long f = first; f < last; f += buf.length) {
            int n = (int) Math.min(buf.length, last - f);
            reader.read(f, n, buf);
            for (int i = 0; i < n; i++) {
                int c = (int) Math.floor((f + i + 0.5 - startFrame) / framesPerColumn);
                if (c >= 0 && c < columns && buf[i] > max[c]) {
                    max[c] = buf[i];
                }
            }
        }
        double unit = env.sumPerUnit();
        for (int c = 0; c < columns; c++) {
            long a = (long) Math.floor(startFrame + c * framesPerColumn);
            if (max[c] < 0 && a >= 0 && a < env.frames()) {
                int[] one = new int[1];
                reader.read(a, 1, one);
                max[c] = one[0];
            }
            out[c] = max[c] < 0 ? Float.NaN : (float) (max[c] / unit);
        }
    }
}
