package org.echoic.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.echoic.audio.Recording;

/**
 * The slow, obviously correct segmentation of SEGMENTATION.md on plain arrays: every box sum computed
 * afresh with explicit mirroring, the percentile from a full sort with numpy's linear formula, and the
 * steps 3–6 on a list of runs, with Echoic's additions (high-pass, a threshold above the noise floor, overlap-free
 * padding) written out as plainly. The fast path must equal it exactly.
 */
final class ReferenceSegmenter {
    /** What the reference produces. */
    record Result(List<Segment> segments, List<RejectedRun> rejected, double thresholdSum) {
    }

    private ReferenceSegmenter() {
    }

    static float[] samples(Recording rec, SegmentationParams p) {
        boolean highPass = p.hasHighPass() && p.highPassHz() < rec.sampleRateHz() / 2;
        Recording src = p.hasBand() ? new BandPassRecording(rec, p.channel(), p.bandLowHz(), p.bandHighHz())
                : highPass ? new BandPassRecording(rec, p.channel(), p.highPassHz(), Double.POSITIVE_INFINITY) : rec;
        int ch = src != rec ? 0 : p.channel();
        float[] x = new float[(int) rec.frames()];
        src.read(0, x.length, ch, x, 0);
        return x;
    }

    static long[] boxSums(float[] x, int w) {
        long q = 1L << 24;
        while (q > 1 && (long) w * q > Integer.MAX_VALUE) {
            q /= 2;
        }
        int n = x.length;
        long[] mag = new long[n];
        for (int i = 0; i < n; i++) {
            mag[i] = (long) Math.floor(Math.min(Math.abs((double) x[i]), 1.0) * q + 0.5);
        }
        long[] s = new long[n];
        int h = w / 2;
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int j = i - h; j <= i + h; j++) {
                sum += mag[mirror(j, n)];
            }
            s[i] = sum;
        }
        return s;
    }

    /** numpy 'reflect': mirror about the end samples without repeating them, as often as needed. */
    static int mirror(int j, int n) {
        if (n == 1) {
            return 0;
        }
        while (j < 0 || j >= n) {
            if (j < 0) {
                j = -j;
            }
            if (j >= n) {
                j = 2 * (n - 1) - j;
            }
        }
        return j;
    }

    static double percentile(long[] s, double p) {
        long[] v = s.clone();
        Arrays.sort(v);
        int n = v.length;
        double g = (n - 1) * (p / 100.0);
        int k = (int) Math.floor(g);
        double t = g - k;
        double a = v[k];
        double b = v[Math.min(k + 1, n - 1)];
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    static Result segment(Recording rec, SegmentationParams p) {
        double rate = rec.sampleRateHz();
        float[] x = samples(rec, p);
        int w = p.envelopeSpec().windowFrames(rate);
        long[] s = boxSums(x, w);
        long q = Envelope.scaleFor(w);
        double threshold = p.usesAbsoluteThreshold() ? Math.pow(10, p.thresholdDbfs() / 20) * ((double) w * q)
                : p.usesNoiseThreshold() ? Math.max(1, percentile(s, SegmentationParams.NOISE_PERCENTILE))
                        * Math.pow(10, p.aboveNoiseDb() / 20)
                : percentile(s, p.thresholdPercentile());
        List<long[]> runs = new ArrayList<>();
        int i = 0;
        while (i < s.length) {
            if (s[i] >= threshold) {
                int j = i;
                while (j < s.length && s[j] >= threshold) {
                    j++;
                }
                runs.add(new long[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        long spacing = Math.round(p.minSpacingMs() * rate / 1000);
        List<long[]> merged = new ArrayList<>();
        for (long[] r : runs) {
            if (!merged.isEmpty() && r[0] - merged.get(merged.size() - 1)[1] < spacing) {
                merged.get(merged.size() - 1)[1] = r[1];
            } else {
                merged.add(r.clone());
            }
        }
        long minLen = Math.round(p.minLengthMs() * rate / 1000);
        long maxLen = Math.round(p.maxLengthMs() * rate / 1000);
        long buffer = Math.round(p.bufferMs() * rate / 1000);
        List<long[]> keptRuns = new ArrayList<>();
        List<RejectedRun> rejected = new ArrayList<>();
        for (long[] r : merged) {
            long len = r[1] - r[0];
            if (len > minLen && len < maxLen) {
                keptRuns.add(r);
            } else {
                rejected.add(new RejectedRun(r[0], r[1],
                        len <= minLen ? RejectedRun.Reason.TOO_SHORT : RejectedRun.Reason.TOO_LONG));
            }
        }
        List<Segment> kept = new ArrayList<>();
        for (int k = 0; k < keptRuns.size(); k++) {
            long[] r = keptRuns.get(k);
            long from = Math.max(0, r[0] - buffer);
            long to = Math.min(s.length, r[1] + buffer);
            if (p.overlapFree() && k > 0) {
                long[] before = keptRuns.get(k - 1);
                if (from < Math.min(s.length, before[1] + buffer)) {
                    from = Math.max(from, before[1] + (r[0] - before[1]) / 2);
                }
            }
            if (p.overlapFree() && k + 1 < keptRuns.size()) {
                long[] after = keptRuns.get(k + 1);
                if (Math.max(0, after[0] - buffer) < to) {
                    to = Math.min(to, r[1] + (after[0] - r[1]) / 2);
                }
            }
            kept.add(new Segment(from, to));
        }
        return new Result(kept, rejected, threshold);
    }
}
