package org.echoic.segment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;

/**
 * Searches segmentation parameters for the best F1 against reference annotations of one or several
 * recordings (pooled: total matches over total detections and references). For each window length the
 * envelopes are computed once; then a coordinate search over percentile, dB above the noise floor, minimum spacing,
 * minimum and
 * maximum length and buffer (each over a fixed grid, repeated until no step improves) uses the fast path
 * of {@link SegmentationModel}, from the starting parameters, from the defaults and from the defaults with the
 * length limits fitted to the references (half the shortest, twice the longest: multi-second songs are otherwise
 * all rejected by the default 500 ms maximum, and the search, on an F1 of 0 everywhere, cannot leave it). The
 * channel and band of the starting parameters are kept. Starts no
 * threads; reports progress (0–1); stops with {@link InterruptedException} on interruption. Leaves each
 * model with the envelope of the last window tried. Stateless; thread-safe for distinct models.
 */
public final class AutoTune {
    static final double[] WINDOWS_MS = {1, 2, 4, 8, 16};
    static final double[] PERCENTILES = {30, 40, 50, 60, 70, 75, 80, 85, 88, 90, 92, 94, 95, 96, 97, 98, 99, 99.5};
    static final double[] ABOVE_NOISE_DB = {3, 6, 8, 10, 12, 15, 20, 25, 30, 40};
    static final double[] SPACINGS_MS = {0, 1, 2, 5, 10, 20, 50};
    static final double[] MIN_LENGTHS_MS = {0, 2, 5, 10, 15, 20, 30, 50, 100};
    static final double[] MAX_LENGTHS_MS = {50, 100, 200, 300, 500, 1000, 2000, 5000, 60_000};
    static final double[] BUFFERS_MS = {0, 1, 2, 5, 10, 20};
    private static final int MAX_ROUNDS = 4;

    private AutoTune() {
    }

    /** One recording (through its model) and its reference annotations. */
    public record Target(SegmentationModel model, List<Annotation> references) {
    }

    /**
     * @param best        the best parameters found
     * @param bestF1      their pooled F1
     * @param startF1     the pooled F1 of the starting (current) parameters
     * @param evaluations number of parameter sets evaluated
     */
    public record Result(SegmentationParams best, double bestF1, double startF1, int evaluations) {
    }

    /** The search with onsets and offsets within {@code toleranceSeconds} as the criterion. */
    public static Result search(List<Target> targets, SegmentationParams start, double toleranceSeconds,
                                Executor executor, DoubleConsumer progress) throws InterruptedException, IOException {
        return search(targets, start, Agreement.Criterion.onsetOffset(toleranceSeconds), executor, progress);
    }

    /** Searches for the best pooled F1 with matches decided by {@code criterion}. */
    public static Result search(List<Target> targets, SegmentationParams start, Agreement.Criterion criterion,
                                Executor executor, DoubleConsumer progress) throws InterruptedException, IOException {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("auto-tune needs at least one recording with references");
        }
        TreeSet<Double> windows = new TreeSet<>();
        for (double w : WINDOWS_MS) {
            windows.add(w);
        }
        windows.add(start.windowMs());
        int[] evaluations = {0};
        double startF1 = f1(targets, start, criterion, executor, evaluations);
        SegmentationParams best = start;
        double bestF1 = startF1;
        int done = 0;
        SegmentationParams neutral = SegmentationParams.DEFAULTS.withChannel(start.channel())
                .withBand(start.bandLowHz(), start.bandHighHz());
        SegmentationParams fitted = fittedToReferences(neutral, targets);
        List<SegmentationParams> origins = fitted.equals(neutral) ? List.of(start, neutral)
                : List.of(start, neutral, fitted);
        int units = origins.size() * windows.size();
        for (double w : windows) {
            for (SegmentationParams origin : origins) {
                SegmentationParams p = origin.withWindowMs(w);
                if (p.usesAbsoluteThreshold()) {
                    p = p.withPercentile(p.thresholdPercentile());
                }
                double[] f = {f1(targets, p, criterion, executor, evaluations)};
                int unit = done;
                p = descend(targets, p, f, criterion, executor, evaluations,
                        progress == null ? null : x -> progress.accept((unit + x) / units));
                if (f[0] > bestF1) {
                    bestF1 = f[0];
                    best = p;
                }
                done++;
                if (progress != null) {
                    progress.accept((double) done / units);
                }
            }
        }
        return new Result(best, bestF1, startF1, evaluations[0]);
    }

    /** {@code p} with minimum and maximum length from the references' shortest and longest durations. */
    static SegmentationParams fittedToReferences(SegmentationParams p, List<Target> targets) {
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0;
        for (Target t : targets) {
            for (Annotation a : t.references()) {
                double ms = (a.endSeconds() - a.startSeconds()) * 1000;
                shortest = Math.min(shortest, ms);
                longest = Math.max(longest, ms);
            }
        }
        if (longest <= 0) {
            return p;
        }
        return p.withMinLengthMs(Math.floor(shortest / 2)).withMaxLengthMs(Math.ceil(longest * 2));
    }

    /**
     * Coordinate search from {@code p} (F1 in {@code f[0]}, updated); returns the best parameters reached.
     * {@code progress} (may be null) receives the share of the most rounds done, after every evaluation.
     */
    private static SegmentationParams descend(List<Target> targets, SegmentationParams p, double[] f,
                                              Agreement.Criterion criterion,
                                              Executor executor, int[] evaluations, DoubleConsumer progress)
            throws InterruptedException, IOException {
        List<UnaryOperator<SegmentationParams>> steps = steps();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double before = f[0];
            for (int i = 0; i < steps.size(); i++) {
                SegmentationParams q = steps.get(i).apply(p);
                double fq = f1(targets, q, criterion, executor, evaluations);
                if (fq > f[0]) {
                    f[0] = fq;
                    p = q;
                }
                if (progress != null) {
                    progress.accept((round + (i + 1.0) / steps.size()) / MAX_ROUNDS);
                }
            }
            if (f[0] <= before) {
                break;
            }
        }
        return p;
    }

    private static List<UnaryOperator<SegmentationParams>> steps() {
        List<UnaryOperator<SegmentationParams>> steps = new ArrayList<>();
        for (double v : PERCENTILES) {
            steps.add(q -> q.withPercentile(v));
        }
        for (double v : ABOVE_NOISE_DB) {
            steps.add(q -> q.withAboveNoiseDb(v));
        }
        for (double v : SPACINGS_MS) {
            steps.add(q -> q.withMinSpacingMs(v));
        }
        for (double v : MIN_LENGTHS_MS) {
            steps.add(q -> q.withMinLengthMs(v));
        }
        for (double v : MAX_LENGTHS_MS) {
            steps.add(q -> q.withMaxLengthMs(v));
        }
        for (double v : BUFFERS_MS) {
            steps.add(q -> q.withBufferMs(v));
        }
        return steps;
    }

    /** The pooled F1 of {@code p} over all targets. */
    static double f1(List<Target> targets, SegmentationParams p, Agreement.Criterion criterion, Executor executor,
                     int[] evaluations)
            throws InterruptedException, IOException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        evaluations[0]++;
        long matches = 0;
        long refs = 0;
        long dets = 0;
        for (Target t : targets) {
            SegmentationResult r = t.model().segments(p, executor, null);
            double rate = t.model().recording().sampleRateHz();
            List<Annotation> detected = new ArrayList<>(r.segments().size());
            for (Segment s : r.segments()) {
                detected.add(Annotation.of(s, rate));
            }
            Agreement.Result a = Agreement.compare(t.references(), detected, criterion);
            matches += a.matches();
            refs += a.references();
            dets += a.detections();
        }
        double precision = dets == 0 ? 1 : (double) matches / dets;
        double recall = refs == 0 ? 1 : (double) matches / refs;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
