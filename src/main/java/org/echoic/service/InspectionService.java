package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.echoic.dsp.SpectralFrames;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointSummaries;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.EpochMetrics;
import org.echoic.train.ModelInspector;

/**
 * Looks inside one trained model at a time: loads a checkpoint on the {@link ModelThread} (the only thread that
 * touches ND4J; it runs between training batches while a run trains), computes the activations of a chosen
 * segment and the unit statistics over a set of segments there ("latest wins": a newer request of the same kind
 * makes the older one's future cancelled and its result dropped), and can follow a run folder, reloading its
 * newest checkpoint when a new one is written and recomputing the last requests. The UI polls {@link #version()}
 * and the latest results. Loading sets ND4J's thread counts for many small sequential ops
 * ({@link ComputeBackend#configureForTraining()}, 7× faster here than the defaults). Thread-safe.
 */
public final class InspectionService implements AutoCloseable {
    /** How often a followed run folder is checked for a new checkpoint. */
    public static final long FOLLOW_PERIOD_MS = 1000;

    private final ModelThread modelThread;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong inspectGeneration = new AtomicLong();
    private final AtomicLong statsGeneration = new AtomicLong();
    private final AtomicLong loadGeneration = new AtomicLong();
    /** Touched only on the model thread. */
    private RnnRbm model;
    private ModelInspector inspector;
    private volatile InspectedModel current;
    private volatile SegmentInspection inspection;
    private volatile UnitReport report;
    private volatile InspectedSegment lastSegment;
    private volatile List<InspectedSegment> lastCorpus;
    private volatile int lastTop = 5;
    private volatile String problem;
    private ScheduledFuture<?> follower;
    private boolean checking;

    /**
     * A loaded model as plain values.
     *
     * @param frames    how audio becomes this model's frames, or null if model.json has no STFT section (data sets)
     * @param templates W[:, j] of every hidden unit, [nHidden][F]
     * @param norms     the templates' Euclidean norms
     * @param modified  modification time of the checkpoint's model.json
     * @param bestEpoch the epoch (1-based) with the best validation score, 0 if none was recorded
     */
    public record InspectedModel(Path dir, RnnRbmConfig config, int epochs, List<EpochMetrics> history,
                                 SpectralFrames frames, float[][] templates, double[] norms, String dataOrigin,
                                 FileTime modified, int bestEpoch) {
    }

    /** A segment's activations under a model. */
    public record SegmentInspection(InspectedModel model, InspectedSegment segment,
                                    ModelInspector.Activations activations) {
    }

    /** Unit statistics over a set of segments under a model (statistics index = unit). */
    public record UnitReport(InspectedModel model, List<InspectedSegment> segments,
                             List<ModelInspector.UnitStatistics> statistics) {
    }

    /**
     * A checkpoint of a run folder as its model.json describes it (costs NaN when unknown).
     *
     * @param modifiedMillis modification time of model.json, ms since the epoch
     */
    public record CheckpointInfo(Path dir, int epochs, int nVisible, int nHidden, int nRecurrent, double trainCost,
                                 double validationCost, String dataOrigin, long modifiedMillis, int bestEpoch,
                                 boolean weightsAreBest) {
    }

    /** The checkpoints of {@code runFolder} (the folder itself and the checkpoints below it), read on the I/O thread. */
    public CompletableFuture<List<CheckpointInfo>> listCheckpoints(Path runFolder) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return CheckpointSummaries.list(runFolder).stream().map(s -> new CheckpointInfo(s.dir(), s.epochs(),
                        s.nVisible(), s.nHidden(), s.nRecurrent(), s.trainCost(), s.validationCost(), s.dataOrigin(),
                        s.modified().toMillis(), s.bestEpoch(), s.weightsAreBest())).toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io);
    }

    public InspectionService(ModelThread modelThread, ScheduledExecutorService timer, Executor io) {
        this.modelThread = modelThread;
        this.timer = timer;
        this.io = io;
    }

    /** A service on the application's executors. */
    public InspectionService(AppExecutors executors) {
        this(executors.model(), executors.timer(), executors.io());
    }

    /** Loads the checkpoint in {@code dir}, replacing the current model; the last requests are recomputed. */
    public CompletableFuture<InspectedModel> load(Path dir) {
        long mine = loadGeneration.incrementAndGet();
        CompletableFuture<InspectedModel> f = modelThread.submit(() -> {
            if (mine != loadGeneration.get()) {
                throw new CancellationException("a newer checkpoint was chosen");
            }
            ComputeBackend.configureForTraining();
            CheckpointFolder.Loaded l = CheckpointFolder.load(dir);
            FileTime modified = modifiedTime(l.dir());
            closeModel();
            model = l.model();
            l.optimizer().close();
            inspector = new ModelInspector(model);
            float[][] templates = inspector.templates();
            SpectralFrames frames = l.stft() == null ? null : SpectralFrames.fromMaps(l.stft(), l.scaling());
            InspectedModel m = new InspectedModel(l.dir(), model.config(), l.state().nextEpoch(),
                    l.state().history(), frames, templates, ModelInspector.norms(templates), l.dataOrigin(), modified,
                    l.state().bestEpoch() + 1);
            current = m;
            problem = null;
            version.incrementAndGet();
            return m;
        });
        f.thenRun(this::recompute).exceptionally(e -> {
            report(e);
            return null;
        });
        return f;
    }

    /** model.json's time; the epoch start if it vanished meanwhile (a save renaming folders), so a follow reloads. */
    private static FileTime modifiedTime(Path dir) {
        try {
            return java.nio.file.Files.getLastModifiedTime(dir.resolve("model.json"));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private void recompute() {
        InspectedSegment s = lastSegment;
        if (s != null) {
            inspect(s);
        }
        List<InspectedSegment> c = lastCorpus;
        if (c != null) {
            statistics(c, lastTop);
        }
    }

    /** Activations of {@code segment} under the current model (latest wins). */
    public CompletableFuture<SegmentInspection> inspect(InspectedSegment segment) {
        lastSegment = segment;
        long mine = inspectGeneration.incrementAndGet();
        CompletableFuture<SegmentInspection> f = modelThread.submit(() -> {
            InspectedModel m = requireModel();
            if (mine != inspectGeneration.get()) {
                throw new CancellationException("a newer segment was chosen");
            }
            SegmentInspection r = new SegmentInspection(m, segment, inspector.activations(segment.frames()));
            if (mine != inspectGeneration.get()) {
                throw new CancellationException("a newer segment was chosen");
            }
            inspection = r;
            version.incrementAndGet();
            return r;
        });
        f.whenComplete((r, e) -> {
            if (e != null) {
                report(e);
            }
        });
        return f;
    }

    /** Unit statistics over {@code segments}, with the {@code top} frames and segments per unit (latest wins). */
    public CompletableFuture<UnitReport> statistics(List<InspectedSegment> segments, int top) {
        List<InspectedSegment> copy = List.copyOf(segments);
        lastCorpus = copy;
        lastTop = top;
        long mine = statsGeneration.incrementAndGet();
        CompletableFuture<UnitReport> f = modelThread.submit(() -> {
            InspectedModel m = requireModel();
            if (mine != statsGeneration.get()) {
                throw new CancellationException("newer segments were chosen");
            }
            List<ModelInspector.UnitStatistics> s = inspector.statistics(
                    copy.stream().map(InspectedSegment::frames).toList(), top);
            if (mine != statsGeneration.get()) {
                throw new CancellationException("newer segments were chosen");
            }
            UnitReport r = new UnitReport(m, copy, s);
            report = r;
            version.incrementAndGet();
            return r;
        });
        f.whenComplete((r, e) -> {
            if (e != null) {
                report(e);
            }
        });
        return f;
    }

    private void report(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (!(c instanceof CancellationException)) {
            problem = message(c);
            version.incrementAndGet();
        }
    }

    private static String message(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private InspectedModel requireModel() {
        InspectedModel m = current;
        if (m == null || inspector == null) {
            throw new IllegalStateException("no model loaded: choose a checkpoint first");
        }
        return m;
    }

    /**
     * Follows {@code runFolder}: every {@link #FOLLOW_PERIOD_MS} its newest checkpoint is looked up (on the I/O
     * thread) and loaded when it is newer than the one shown. Replaces any earlier follow.
     */
    public synchronized void follow(Path runFolder) {
        stopFollowing();
        follower = timer.scheduleWithFixedDelay(() -> io.execute(() -> checkForNewer(runFolder)), 0,
                FOLLOW_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Stops following a run folder (the loaded model stays). */
    public synchronized void stopFollowing() {
        if (follower != null) {
            follower.cancel(false);
            follower = null;
        }
    }

    /** True while a run folder is followed. */
    public synchronized boolean isFollowing() {
        return follower != null;
    }

    private void checkForNewer(Path runFolder) {
        synchronized (this) {
            if (checking || follower == null) {
                return;
            }
            checking = true;
        }
        try {
            if (!java.nio.file.Files.exists(runFolder)) {
                return; // a run that has not written its first checkpoint yet
            }
            CheckpointSummaries.Summary latest = CheckpointSummaries.latest(runFolder);
            InspectedModel m = current;
            if (latest != null && (m == null || !m.dir().equals(latest.dir())
                    || latest.epochs() != m.epochs() || latest.modified().compareTo(m.modified()) > 0)) {
                load(latest.dir()).get();
            }
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            problem = message(e);
            version.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                checking = false;
            }
        }
    }

    /** Changes whenever a model, an inspection, a report or a problem arrives: poll it. */
    public long version() {
        return version.get();
    }

    /** The loaded model, or null. */
    public InspectedModel model() {
        return current;
    }

    /** The latest segment inspection, or null. */
    public SegmentInspection inspection() {
        return inspection;
    }

    /** The latest unit report, or null. */
    public UnitReport report() {
        return report;
    }

    /** The last problem (load or computation), or null after a successful load. */
    public String problem() {
        return problem;
    }

    private void closeModel() {
        if (model != null) {
            model.close();
            model = null;
            inspector = null;
        }
    }

    /** Stops following and frees the model (on the model thread). */
    @Override
    public void close() {
        stopFollowing();
        modelThread.submit(() -> {
            closeModel();
            return null;
        });
    }
}
