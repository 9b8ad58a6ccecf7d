package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.echoic.audio.Recording;
import org.echoic.io.AnnotationFormat;
import org.echoic.segment.Agreement;
import org.echoic.segment.Annotation;
import org.echoic.segment.AutoTune;
import org.echoic.segment.Envelope;
import org.echoic.segment.EnvelopeSpec;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;
import org.echoic.segment.SegmentationSuggestion;
import org.echoic.segment.SegmentationResult;

/**
 * The live segmentation of one open recording: a {@link SegmentationModel} (envelope computed once per window,
 * channel and band; fast re-segmentation for the other parameters), the manual {@link SegmentEdits}, the reference
 * annotations and the agreement, all recomputed on the compute pool "latest wins" and published as one
 * {@link SegmentationSnapshot} that views poll ({@link #snapshot()}). Changing the percentile, spacing, lengths or
 * buffer re-segments from the cached envelope; changing window, channel or band computes a new envelope in the
 * background (with progress) while the old result stays shown. Thread-safe; starts no threads of its own.
 */
public final class SegmentationSession implements AutoCloseable {
    private static final int PEAK_CACHE_LIMIT = 200_000;

    private final Recording recording;
    private final ExecutorService compute;
    private final SegmentationModel model;
    private final LatestWins<Envelope> envelopeJob;
    private final LatestWins<SegmentationResult> segmentJob;
    private final LatestWins<SegmentationSnapshot> deriveJob;
    private final SegmentEdits edits = new SegmentEdits();
    private final Map<PeakKey, Double> peaks = new HashMap<>();
    private SegmentationParams params;
    private SegmentationResult automatic;
    private EnvelopeSpec pendingSpec;
    private volatile double progress = 1;
    private final AtomicInteger envelopes = new AtomicInteger();
    private String error;
    private Path referenceFile;
    private volatile Path wantedReferences;
    private List<Annotation> references = List.of();
    private Agreement.Criterion criterion = Agreement.Criterion.DEFAULT;
    private long version;
    /** Sequence numbers of segmentation requests: the last asked for and the last whose result was taken. */
    private long requests;
    private long appliedRequest;
    private volatile SegmentationSnapshot snapshot;

    /** A session for {@code recording} (not closed by the session), starting with {@code params}. */
    public SegmentationSession(Recording recording, ExecutorService compute, SegmentationParams params) {
        this.recording = recording;
        this.compute = compute;
        this.model = new SegmentationModel(recording);
        this.envelopeJob = new LatestWins<>(compute);
        this.segmentJob = new LatestWins<>(compute);
        this.deriveJob = new LatestWins<>(compute);
        this.params = params;
        this.snapshot = new SegmentationSnapshot(0, params, null, List.of(), new double[0], 0, true, 0, null, null,
                List.of(), null);
        request(params);
    }

    public Recording recording() {
        return recording;
    }

    /** The latest published state (never null). */
    public SegmentationSnapshot snapshot() {
        return snapshot;
    }

    /** How many envelope computations were started (a diagnostic: fast parameter changes start none). */
    public int envelopeComputations() {
        return envelopes.get();
    }

    /** The parameters last asked for. */
    public synchronized SegmentationParams params() {
        return params;
    }

    /** The manual edits (change them through {@link #edit}, {@link #undo}, {@link #redo}, {@link #restoreEdits}). */
    public List<SegmentEdits.Edit> edits() {
        return edits.edits();
    }

    public boolean canUndo() {
        return edits.canUndo();
    }

    public boolean canRedo() {
        return edits.canRedo();
    }

    /** Segments with new parameters (fast when only percentile, spacing, lengths or buffer changed). */
    public synchronized void setParams(SegmentationParams p) {
        if (p.channel() >= recording.channels()) {
            throw new IllegalArgumentException(recording.path() + ": channel " + (p.channel() + 1)
                    + " does not exist (the recording has " + recording.channels() + ")");
        }
        if (p.equals(params)) {
            return;
        }
        params = p;
        request(p);
        derive();
    }

    private synchronized void request(SegmentationParams p) {
        EnvelopeSpec spec = p.envelopeSpec();
        if (model.hasEnvelope(spec)) {
            pendingSpec = null;
            envelopeJob.cancel();
            progress = 1;
            long seq = ++requests;
            segmentJob.submit(() -> model.hasEnvelope(spec) ? model.segments(p) : null, r -> onResult(r, seq),
                    this::fail);
        } else if (!spec.equals(pendingSpec)) {
            pendingSpec = spec;
            progress = 0;
            segmentJob.cancel();
            envelopeJob.submit(() -> {
                envelopes.incrementAndGet();
                return model.computeEnvelope(spec, null, f -> progress = f);
            }, e -> onEnvelope(spec), this::fail);
        }
    }

    private synchronized void onEnvelope(EnvelopeSpec spec) {
        if (spec.equals(pendingSpec)) {
            pendingSpec = null;
            progress = 1;
            request(params);
        }
    }

    /** Takes a result unless a result of a later request was taken already (a late thread may deliver out of order). */
    private void onResult(SegmentationResult r, long seq) {
        if (r == null) {
            return;
        }
        synchronized (this) {
            if (seq <= appliedRequest) {
                return;
            }
            appliedRequest = seq;
            automatic = r;
            error = null;
        }
        derive();
    }

    private void fail(Exception e) {
        synchronized (this) {
            pendingSpec = null;
            progress = 1;
            error = e instanceof IOException || e instanceof IllegalArgumentException
                    ? e.getMessage() : recording.path() + ": segmentation failed: " + e;
        }
        derive();
    }

    /** Publishes {@code s} unless a later one (higher version) was published already. */
    private synchronized void publish(SegmentationSnapshot s) {
        if (s.version() > snapshot.version()) {
            snapshot = s;
        }
    }

    /** Publishes the previous snapshot with the failure (no new attempt: the next change derives again). */
    private void failDerive(Exception e) {
        String message = recording.path() + ": cannot show the segments: " + e.getMessage();
        SegmentationSnapshot old = snapshot;
        long v;
        synchronized (this) {
            error = message;
            v = ++version;
        }
        publish(new SegmentationSnapshot(v, old.params(), old.automatic(), old.segments(), old.peakDbfs(),
                old.skippedEdits(), false, 1, message, old.referenceFile(), old.references(), old.agreement()));
    }

    /** Records a manual edit and republishes. */
    public void edit(SegmentEdits.Edit e) {
        edits.apply(e);
        derive();
    }

    public void undo() {
        if (edits.undo()) {
            derive();
        }
    }

    public void redo() {
        if (edits.redo()) {
            derive();
        }
    }

    /** Replaces the edits (restored from a project). */
    public void restoreEdits(List<SegmentEdits.Edit> restored) {
        edits.replaceAll(restored);
        derive();
    }

    /**
     * Reads a reference table (Raven, Audacity or CSV) on the compute pool and shows agreement with it; the future
     * fails with the reading error (which also shows in the snapshot).
     */
    public CompletableFuture<Void> loadReferences(Path file) {
        wantedReferences = file;
        return CompletableFuture.runAsync(() -> {
            try {
                List<Annotation> read = AnnotationFormat.readAny(file);
                synchronized (this) {
                    referenceFile = file;
                    references = List.copyOf(read);
                }
                derive();
            } catch (IOException | RuntimeException e) {
                fail(e instanceof IOException io ? io : new IOException(file + ": " + e.getMessage(), e));
                throw new CompletionException(e);
            }
        }, compute);
    }

    /**
     * How many of the shown references start at or after the end of the recording (e.g. the table of a whole
     * recording imported for an excerpt of it): they can only count as missed.
     */
    public synchronized long referencesPastEnd() {
        double end = recording.durationSeconds();
        return references == null ? 0 : references.stream().filter(a -> a.startSeconds() >= end).count();
    }

    /** The reference table last asked for (shown once read; kept when reading it failed), or null. */
    public Path wantedReferences() {
        return wantedReferences;
    }

    /** Removes the reference annotations. */
    public synchronized void clearReferences() {
        wantedReferences = null;
        referenceFile = null;
        references = List.of();
        derive();
    }

    /** The tolerance on onsets and offsets for the agreement, in seconds (default 20 ms). */
    public synchronized void setToleranceSeconds(double seconds) {
        setCriterion(Agreement.Criterion.onsetOffset(seconds));
    }

    /** How references and detections are matched, for the agreement and auto-tune (default: ± 20 ms). */
    public synchronized void setCriterion(Agreement.Criterion criterion) {
        this.criterion = Objects.requireNonNull(criterion, "criterion");
        derive();
    }

    /** The current matching criterion. */
    public synchronized Agreement.Criterion criterion() {
        return criterion;
    }

    /** The largest envelope value per column (see {@link Envelope#columnMaxima}), or null before an envelope exists. */
    public float[] envelopeColumns(double startFrame, double framesPerColumn, int columns) {
        Envelope env = model.envelope();
        return env == null ? null : env.columnMaxima(startFrame, framesPerColumn, columns);
    }

    /**
     * Starts auto-tuning against the references on the compute pool, on a separate model so that live tuning goes
     * on; cancel the returned job's future to stop it.
     *
     * @throws IllegalStateException without references
     */
    public AutoTuneJob autoTune() {
        List<Annotation> refs;
        SegmentationParams start;
        Agreement.Criterion crit;
        synchronized (this) {
            if (references.isEmpty()) {
                throw new IllegalStateException("import reference annotations first");
            }
            refs = references;
            start = params;
            crit = criterion;
        }
        AutoTuneJob job = new AutoTuneJob();
        Future<AutoTune.Result> f = compute.submit(() -> {
            try (SegmentationModel own = new SegmentationModel(recording)) {
                return AutoTune.search(List.of(new AutoTune.Target(own, refs)), start, crit, null, job::setProgress);
            }
        });
        job.setFuture(f);
        return job;
    }

    /**
     * Starts the first-run suggestion of band and maximum length from the recording alone
     * ({@link SegmentationSuggestion}), from the current parameters, on the compute pool.
     */
    public Future<SegmentationSuggestion.Suggestion> suggest() {
        SegmentationParams start;
        synchronized (this) {
            start = params;
        }
        return compute.submit(() -> SegmentationSuggestion.suggest(recording, start, null));
    }

    /** Recomputes the published snapshot (edits replayed, peaks, agreement) on the compute pool. */
    private void derive() {
        deriveJob.submit(this::build, this::publish, this::failDerive);
    }

    private SegmentationSnapshot build() throws InterruptedException {
        SegmentationResult auto;
        SegmentationParams p;
        List<Annotation> refs;
        Agreement.Criterion crit;
        boolean computing;
        String err;
        Path refFile;
        long v;
        synchronized (this) {
            auto = automatic;
            p = params;
            refs = references;
            crit = criterion;
            computing = pendingSpec != null || auto == null || !auto.params().equals(p);
            err = error;
            refFile = referenceFile;
            v = ++version;
        }
        SegmentEdits.Replayed replayed = edits.replay(auto == null ? List.of() : auto.segments());
        double[] peak = new double[replayed.items().size()];
        int channel = auto == null ? p.channel() : auto.params().channel();
        for (int i = 0; i < peak.length; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            peak[i] = peakDbfs(replayed.items().get(i).segment(), channel);
        }
        Agreement.Result a = null;
        if (refFile != null) {
            List<Annotation> detected = new ArrayList<>(replayed.items().size());
            for (SegmentEdits.Item i : replayed.items()) {
                detected.add(Annotation.of(i.segment(), recording.sampleRateHz()));
            }
            a = Agreement.compare(refs, detected, crit);
        }
        return new SegmentationSnapshot(v, p, auto, replayed.items(), peak, replayed.skipped(),
                computing && err == null, progress, err, refFile, refs, a);
    }

    private record PeakKey(long startFrame, long endFrame, int channel) {
    }

    /** The peak |x| of a segment in dBFS, cached by (start, end, channel). */
    private double peakDbfs(Segment seg, int channel) {
        PeakKey key = new PeakKey(seg.startFrame(), seg.endFrame(), channel);
        synchronized (peaks) {
            Double known = peaks.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] buf = new float[(int) Math.min(1 << 16, Math.max(1, seg.lengthFrames()))];
        float max = 0;
        long end = Math.min(seg.endFrame(), recording.frames());
        for (long f = seg.startFrame(); f < end; f += buf.length) {
            int n = (int) Math.min(buf.length, end - f);
            recording.read(f, n, channel, buf, 0);
            for (int i = 0; i < n; i++) {
                max = Math.max(max, Math.abs(buf[i]));
            }
        }
        double db = 20 * Math.log10(max);
        synchronized (peaks) {
            if (peaks.size() > PEAK_CACHE_LIMIT) {
                peaks.clear();
            }
            peaks.put(key, db);
        }
        return db;
    }

    /** Cancels the jobs and releases the envelope (the recording stays open). */
    @Override
    public void close() {
        envelopeJob.cancel();
        segmentJob.cancel();
        deriveJob.cancel();
        model.close();
    }
}
