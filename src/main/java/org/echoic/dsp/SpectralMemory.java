package org.echoic.dsp;

/**
 * Seed 002's echoic memory, streaming: a circular buffer of the most recent spectra that hands out, as each new frame
 * arrives, the dilated spectral buffer of that moment — the same column as {@link DilatedSpectralBuffer#stack} gives
 * for frame t over the whole recording (lags 1, d, d², … by lookup, or with {@code mean} the mean over each dilated
 * span of lags {@code (d^(j-1), d^j]}; frames before the start count as zeros), in O(count · bins) per frame
 * whatever the lags, with memory for {@code d^(count-1)} frames only. The spans' means come from running sums per
 * bin kept in doubles, with each span's sum updated by the frame entering it and the one leaving it. Not
 * thread-safe: one producer (e.g. the thread reading a live input).
 */
public final class SpectralMemory {
    private final int bins;
    private final int dilation;
    private final int count;
    private final boolean mean;
    /** Lags of block j: lookup {@code lags[j]}; mean over {@code (lowLag[j] - 1, lags[j]]}, i.e. lags lowLag…lags. */
    private final int[] lags;
    private final int[] lowLags;
    /** The last {@code capacity} frames, frame f at row {@code f % capacity}. */
    private final float[] ring;
    private final int capacity;
    /** Per span and bin: the sum of the frames with lag in [lowLag, lag] (mean only). */
    private final double[] spanSums;
    private long pushed;

    /**
     * @param bins     values per spectrum (frequency bins or bands)
     * @param dilation d, at least 2
     * @param count    blocks (lags up to {@code d^(count-1)}), at least 1
     * @param mean     means over the dilated spans instead of lookups
     */
    public SpectralMemory(int bins, int dilation, int count, boolean mean) {
        if (bins < 1 || dilation < 2 || count < 1 || Math.pow(dilation, count - 1) > (1 << 24) / Math.max(1, bins)) {
            throw new IllegalArgumentException("bins >= 1, dilation >= 2, count >= 1 and dilation^(count-1) · bins "
                    + "at most 2^24: " + bins + ", " + dilation + ", " + count);
        }
        this.bins = bins;
        this.dilation = dilation;
        this.count = count;
        this.mean = mean;
        lags = new int[count];
        lowLags = new int[count];
        int lag = 1;
        int prev = 0;
        for (int j = 0; j < count; j++) {
            lags[j] = lag;
            lowLags[j] = mean ? prev + 1 : lag;
            prev = lag;
            lag *= dilation;
        }
        capacity = lags[count - 1] + 1;
        ring = new float[capacity * bins];
        spanSums = new double[count * bins];
    }

    /** Values per output column: {@code count · bins}, block j holding lag block j. */
    public int outputLength() {
        return count * bins;
    }

    /** Frames pushed so far. */
    public long frames() {
        return pushed;
    }

    public int dilation() {
        return dilation;
    }

    /**
     * Remembers {@code spectrum} (length {@code bins}) as the newest frame t and writes the dilated buffer of frame
     * t+1's moment — what {@link DilatedSpectralBuffer#stack} gives at the frame after it, all of whose lags are
     * now known — into {@code out[outOffset …]}.
     */
    public void push(float[] spectrum, float[] out, int outOffset) {
        if (spectrum.length != bins || out.length - outOffset < outputLength()) {
            throw new IllegalArgumentException("spectrum of " + bins + " values and room for " + outputLength());
        }
        long t = pushed;
        System.arraycopy(spectrum, 0, ring, (int) (t % capacity) * bins, bins);
        pushed++;
        if (mean) {
            for (int j = 0; j < count; j++) {
                long entering = pushed - lowLags[j];
                long leaving = pushed - lags[j] - 1;
                int s = j * bins;
                for (int k = 0; k < bins; k++) {
                    double v = spanSums[s + k];
                    if (entering >= 0) {
                        v += ring[(int) (entering % capacity) * bins + k];
                    }
                    if (leaving >= 0) {
                        v -= ring[(int) (leaving % capacity) * bins + k];
                    }
                    spanSums[s + k] = v;
                }
            }
        }
        for (int j = 0; j < count; j++) {
            int dst = outOffset + j * bins;
            if (mean) {
                double span = lags[j] - lowLags[j] + 1;
                for (int k = 0; k < bins; k++) {
                    out[dst + k] = pushed - lowLags[j] < 0 ? 0 : (float) (spanSums[j * bins + k] / span);
                }
            } else {
                long f = pushed - lags[j];
                for (int k = 0; k < bins; k++) {
                    out[dst + k] = f < 0 ? 0 : ring[(int) (f % capacity) * bins + k];
                }
            }
        }
    }
}
