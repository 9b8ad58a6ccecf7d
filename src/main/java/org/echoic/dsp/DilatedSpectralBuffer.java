package org.echoic.dsp;

/**
 * The dilated spectral buffer: for frame t, the frames {@code t - d^j} for {@code j = 0 … n-1}
 * (lags 1, d, d², …), or with {@code mean} the mean over each dilated span of lags
 * {@code (d^(j-1), d^j]} (span 0 is lag 1); frames before the start count as zeros. Input (bins, frames),
 * output (n * bins, frames) with block j holding lag j. Stateless; thread-safe.
 */
public final class DilatedSpectralBuffer {
    private DilatedSpectralBuffer() {
    }

    public static float[] stack(float[] values, int bins, int frames, int dilation, int count, boolean mean) {
        if (dilation < 2 || count < 1 || values.length != bins * frames) {
            throw new IllegalArgumentException("dilation must be >= 2 and count >= 1: " + dilation + ", " + count);
        }
        if (Math.pow(dilation, count - 1) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dilation^(count-1) too large");
        }
        float[] out = new float[count * bins * frames];
        double[] prefix = new double[frames + 1];
        for (int k = 0; k < bins; k++) {
            int src = k * frames;
            for (int t = 0; t < frames; t++) {
                prefix[t + 1] = prefix[t] + values[src + t];
            }
            long prev = 0;
            long lag = 1;
            for (int j = 0; j < count; j++) {
                long lo = mean ? prev + 1 : lag;
                double span = lag - lo + 1;
                int dst = (j * bins + k) * frames;
                for (int t = 0; t < frames; t++) {
                    long last = t - lo;
                    long first = Math.max(0, t - lag);
                    out[dst + t] = last < 0 ? 0 : (float) ((prefix[(int) last + 1] - prefix[(int) first]) / span);
                }
                prev = lag;
                lag *= dilation;
            }
        }
        return out;
    }
}
