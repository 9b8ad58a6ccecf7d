package org.echoic.measure;

/**
 * The F0 contour of one selection: one entry per analysis frame, at the frame's centre time (seconds from the start
 * of the recording). Unvoiced frames have NaN F0. Arrays are copied in and out; immutable; thread-safe.
 *
 * @param timesSeconds frame centre times
 * @param f0Hz         F0 in Hz, NaN where unvoiced
 * @param confidence   the detector's confidence in [0, 1] (0 when it found no pitch)
 */
public record PitchContour(double[] timesSeconds, double[] f0Hz, double[] confidence) {

    public PitchContour {
        timesSeconds = timesSeconds.clone();
        f0Hz = f0Hz.clone();
        confidence = confidence.clone();
        if (f0Hz.length != timesSeconds.length || confidence.length != timesSeconds.length) {
            throw new IllegalArgumentException("contour arrays differ in length");
        }
    }

    @Override
    public double[] timesSeconds() {
        return timesSeconds.clone();
    }

    @Override
    public double[] f0Hz() {
        return f0Hz.clone();
    }

    @Override
    public double[] confidence() {
        return confidence.clone();
    }

    public int size() {
        return timesSeconds.length;
    }

    public double timeSeconds(int i) {
        return timesSeconds[i];
    }

    public double f0Hz(int i) {
        return f0Hz[i];
    }

    public double confidence(int i) {
        return confidence[i];
    }

    public boolean voiced(int i) {
        return !Double.isNaN(f0Hz[i]);
    }

    /** Mean F0 of the voiced frames (NaN if none). */
    public double meanHz() {
        double sum = 0;
        int n = 0;
        for (double f : f0Hz) {
            if (!Double.isNaN(f)) {
                sum += f;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Lowest voiced F0 (NaN if none). */
    public double minHz() {
        double m = Double.NaN;
        for (double f : f0Hz) {
            if (!Double.isNaN(f) && !(f >= m)) {
                m = f;
            }
        }
        return m;
    }

    /** Highest voiced F0 (NaN if none). */
    public double maxHz() {
        double m = Double.NaN;
        for (double f : f0Hz) {
            if (!Double.isNaN(f) && !(f <= m)) {
                m = f;
            }
        }
        return m;
    }

    /** Share of voiced frames in [0, 1] (NaN for an empty contour). */
    public double voicedFraction() {
        if (f0Hz.length == 0) {
            return Double.NaN;
        }
        int n = 0;
        for (double f : f0Hz) {
            if (!Double.isNaN(f)) {
                n++;
            }
        }
        return n / (double) f0Hz.length;
    }
}
