package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.echoic.corpus.Corpus;
import org.echoic.io.CheckpointHistory;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.TrainingConfig;

/**
 * The workbench's one training run, of any {@link TrainableJob} (the RNN-RBM, a labeller, an autoencoder), on the
 * {@link ModelThread}: start, pause (blocks at a batch boundary while still running submitted model tasks), resume,
 * stop (the job finishes the current batch and writes a checkpoint of the weights so far). The job writes its
 * checkpoints into its run folder; metrics reach the UI through {@link #metrics()} (drained by polling, with the
 * job's curve names) and {@link #status()} (a snapshot); nothing here calls back into a UI. {@link #start(Request)}
 * and {@link #resumeFrom} are the RNN-RBM's runs ({@link RnnRbmJob}). Thread-safe; no JavaFX.
 */
public final class TrainingService implements AutoCloseable {
    /** Where the run stands. */
    public enum State {
        IDLE, RUNNING, PAUSED, STOPPING, COMPLETED, STOPPED, FAILED;

        /** True while a run occupies the model thread. */
        public boolean isActive() {
            return this == RUNNING || this == PAUSED || this == STOPPING;
        }
    }

    /**
     * An RNN-RBM run: what to train.
     *
     * @param corpus             the frames and their settings
     * @param model              model sizes and CD steps
     * @param training           batch, curriculum, regularisation, seed
     * @param validationFraction fraction of segments held out for validation (0 = none)
     * @param runDir             the checkpoint folder of this run
     * @param keepEpochs         epoch snapshots kept in {@code <runDir>.epochs} ({@link CheckpointHistory#ALL},
     *                           0 = none, or the newest N)
     */
    public record Request(Corpus corpus, RnnRbmConfig model, TrainingConfig training, double validationFraction,
                          Path runDir, int keepEpochs) {
        /** A request keeping every epoch's snapshot. */
        public Request(Corpus corpus, RnnRbmConfig model, TrainingConfig training, double validationFraction,
                       Path runDir) {
            this(corpus, model, training, validationFraction, runDir, CheckpointHistory.ALL);
        }
    }

    private static final long PAUSE_POLL_MS = 20;

    private final ModelThread modelThread;
    private final String appVersion;
    private final MetricsBuffer metrics = new MetricsBuffer(4096);
    private final Object pauseLock = new Object();
    private volatile TrainingStatus status = TrainingStatus.IDLE;
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;
    private volatile Path latestCheckpoint;
    private CompletableFuture<State> run = CompletableFuture.completedFuture(State.IDLE);
    private final AtomicInteger checkpoints = new AtomicInteger();

    private final int blasThreads;

    /**
     * @param appVersion  written into every checkpoint
     * @param blasThreads BLAS threads for the matrix products, or 0 for the training default (all cores); a
     *                    workbench leaves one core to its UI thread
     */
    public TrainingService(ModelThread modelThread, String appVersion, int blasThreads) {
        this.modelThread = modelThread;
        this.appVersion = appVersion;
        this.blasThreads = blasThreads;
    }

    /** A service with the training default threads. */
    public TrainingService(ModelThread modelThread, String appVersion) {
        this(modelThread, appVersion, 0);
    }

    /** BLAS threads that leave one core to a user interface: all cores but one, at least one. */
    public static int threadsLeavingOneCore() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The default run folder: {@code <dir>/<name>-runs/run-<yyyyMMdd-HHmmss>}. */
    public static Path defaultRunDir(Path dir, String name, LocalDateTime now) {
        String base = name.replaceFirst("\\.[^.]+$", "");
        return dir.resolve(base + "-runs").resolve("run-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** Metrics not yet drained. */
    public MetricsBuffer metrics() {
        return metrics;
    }

    /** The latest snapshot. */
    public TrainingStatus status() {
        return status;
    }

    /** The folder of the last checkpoint written by this service (for inspection views), if any. */
    public Optional<Path> latestCheckpoint() {
        return Optional.ofNullable(latestCheckpoint);
    }

    /** How many checkpoints this service has written (grows by one with each; for pollers). */
    public int checkpointsWritten() {
        return checkpoints.get();
    }

    /** The model thread, where inspection and generation tasks are submitted. */
    public ModelThread modelThread() {
        return modelThread;
    }

    /** The version written into checkpoints (for jobs made by callers). */
    public String appVersion() {
        return appVersion;
    }

    /**
     * Starts a new RNN-RBM run; the future completes with the final state.
     *
     * @throws IllegalStateException if a run is active
     */
    public CompletableFuture<State> start(Request r) {
        return start(RnnRbmJob.fresh(r, appVersion));
    }

    /**
     * Continues the RNN-RBM run whose checkpoint is in {@code checkpointDir} on {@code corpus} (which must give the
     * checkpoint's data), writing further checkpoints into the same folder.
     */
    public CompletableFuture<State> resumeFrom(Path checkpointDir, Corpus corpus, double validationFraction) {
        return start(RnnRbmJob.resume(checkpointDir, corpus, validationFraction, appVersion));
    }

    /**
     * Starts {@code job} on the model thread; the future completes with the final state.
     *
     * @throws IllegalStateException if a run is active
     */
    public synchronized CompletableFuture<State> start(TrainableJob job) {
        if (status.state().isActive()) {
            throw new IllegalStateException("a training run is already active");
        }
        pauseRequested = false;
        stopRequested = false;
        metrics.reset(job.curves());
        status = new TrainingStatus(State.RUNNING, 0, 0, 0, Double.NaN, 0, 0, 0, Double.NaN, 0, Double.NaN, 0,
                "", "", job.runDir(), "Starting…");
        run = modelThread.runLong(() -> execute(job)).thenApply(v -> status.state());
        return run;
    }

    /** Pauses at the next batch boundary. */
    public void pause() {
        if (status.state() == State.RUNNING) {
            pauseRequested = true;
        }
    }

    /** Continues a paused run. */
    public void resume() {
        synchronized (pauseLock) {
            pauseRequested = false;
            pauseLock.notifyAll();
        }
    }

    /** Stops after the current batch; a checkpoint of the weights so far is written. Returns the run's future. */
    public synchronized CompletableFuture<State> stop() {
        if (status.state().isActive()) {
            stopRequested = true;
            status = status.with(State.STOPPING, "Stopping after this batch…");
            resume();
        }
        return run;
    }

    /** True while a run is active. */
    public boolean isActive() {
        return status.state().isActive();
    }

    private void execute(TrainableJob job) {
        Path runDir = job.runDir();
        try {
            if (blasThreads > 0) {
                ComputeBackend.setThreads(1, blasThreads);
            } else {
                ComputeBackend.configureForTraining();
            }
            int[] th = ComputeBackend.threads();
            TrainableJob.Outcome o = job.train(new Session("OpenMP " + th[0] + " / BLAS " + th[1], runDir));
            status = o == TrainableJob.Outcome.STOPPED
                    ? status.with(State.STOPPED, "Stopped; checkpoint in " + runDir)
                    : status.with(State.COMPLETED, "Training complete; checkpoint in " + runDir);
        } catch (IOException | RuntimeException e) {
            status = status.with(State.FAILED, "Training failed: " + e.getMessage());
        } finally {
            modelThread.runPending();
        }
    }

    /** Feeds the buffer and status, runs submitted model tasks, and blocks while paused. Model thread. */
    private final class Session implements TrainingSession {
        private final String threads;
        private final Path runDir;
        private int epochsPerStage = 1;
        private long activeNanos;
        private long framesDone;
        private long last = System.nanoTime();

        Session(String threads, Path runDir) {
            this.threads = threads;
            this.runDir = runDir;
        }

        @Override
        public boolean stopRequested() {
            return stopRequested;
        }

        @Override
        public void begin(int nextEpoch, int totalEpochs, int perStage, long skippedTotal) {
            epochsPerStage = Math.max(1, perStage);
            status = new TrainingStatus(State.RUNNING, nextEpoch, totalEpochs, nextEpoch / epochsPerStage,
                    Double.NaN, 0, 0, 0, Double.NaN, 0, Double.NaN, skippedTotal, ComputeBackend.describe(), threads,
                    runDir, "Training");
            activeNanos = 0;
            framesDone = 0;
            last = System.nanoTime();
        }

        @Override
        public void batch(Batch b) {
            long now = System.nanoTime();
            activeNanos += now - last;
            framesDone += b.frames();
            metrics.add(b);
            double active = activeNanos / 1e9;
            double fps = framesDone / Math.max(1e-9, active);
            double remaining = b.progress() <= 0 ? Double.NaN
                    : b.remainingSeconds() * active / Math.max(1e-9, b.elapsedSeconds());
            TrainingStatus s = status;
            status = new TrainingStatus(stopRequested ? State.STOPPING : s.state(), b.epoch(), s.totalEpochs(),
                    b.epoch() / epochsPerStage, b.learningRate(), b.batch() + 1, b.batchesPerEpoch(), b.progress(),
                    fps, active, remaining, b.skippedTotal(), s.backend(), s.threads(), s.runDir(), s.message());
            modelThread.runPending();
            if (pauseRequested && !stopRequested) {
                pauseHere();
            }
            last = System.nanoTime();
        }

        private void pauseHere() {
            status = status.with(State.PAUSED, "Paused");
            synchronized (pauseLock) {
                while (pauseRequested && !stopRequested) {
                    modelThread.runPending();
                    try {
                        pauseLock.wait(PAUSE_POLL_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopRequested = true;
                    }
                }
            }
            if (!stopRequested) {
                status = status.with(State.RUNNING, "Training");
            }
        }

        @Override
        public void epoch(int epoch, double[] values) {
            metrics.add(new MetricsBuffer.EpochPoint(epoch, values.clone()));
            modelThread.runPending();
        }

        @Override
        public void checkpointWritten(Path dir) {
            latestCheckpoint = dir;
            checkpoints.incrementAndGet();
        }
    }

    /** Stops an active run and waits up to {@code seconds} for its checkpoint. */
    public void stopAndWait(long seconds) {
        try {
            stop().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            status = status.with(State.FAILED, "Could not stop cleanly: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stopAndWait(60);
    }
}
