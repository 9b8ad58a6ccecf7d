package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.echoic.corpus.Corpus;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointHistory;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.BatchMetrics;
import org.echoic.train.Checkpoint;
import org.echoic.train.EpochMetrics;
import org.echoic.train.SequenceDataset;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingListener;
import org.echoic.train.TrainingState;

/**
 * The workbench's one training run, on the {@link ModelThread}: start, pause (blocks at a batch boundary while
 * still running submitted model tasks), resume, stop (finishes the current batch and writes a checkpoint of the
 * weights so far) and resume from a checkpoint folder. Checkpoints go to the run folder after every epoch with
 * the corpus' STFT and scaling sections, and a snapshot of each epoch to {@code <runDir>.epochs}
 * ({@link CheckpointHistory}). Metrics reach the UI through {@link #metrics()} (drained by polling) and
 * {@link #status()} (a snapshot); nothing here calls back into a UI. Thread-safe; no JavaFX.
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
     * What to train.
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
    private long activeNanos;
    private long framesDone;
    private final java.util.concurrent.atomic.AtomicInteger checkpoints = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int lastBatchEpoch = -1;
    private volatile int lastBatchIndex = -1;

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

    /**
     * Starts a new run; the future completes with the final state.
     *
     * @throws IllegalStateException if a run is active
     */
    public synchronized CompletableFuture<State> start(Request r) {
        begin(r.runDir());
        return launch(() -> {
            RnnRbm model = new RnnRbm(r.model(), r.training().seed());
            return new Loaded(model, new RmsProp(model), r.training(), TrainingState.start());
        }, r.corpus(), r.validationFraction(), r.runDir(), r.keepEpochs());
    }

    /**
     * Continues the run whose checkpoint is in {@code checkpointDir} on {@code corpus} (which must give the
     * checkpoint's data), writing further checkpoints into the same folder.
     */
    public synchronized CompletableFuture<State> resumeFrom(Path checkpointDir, Corpus corpus,
                                                            double validationFraction) {
        begin(checkpointDir);
        return launch(() -> {
            CheckpointFolder.Loaded l = CheckpointFolder.load(checkpointDir);
            return new Loaded(l.model(), l.optimizer(), l.config(), l.state(), l.dataFingerprint());
        }, corpus, validationFraction, checkpointDir, CheckpointHistory.ALL);
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

    private void begin(Path runDir) {
        if (status.state().isActive()) {
            throw new IllegalStateException("a training run is already active");
        }
        pauseRequested = false;
        stopRequested = false;
        metrics.drain();
        status = new TrainingStatus(State.RUNNING, 0, 0, 0, Double.NaN, 0, 0, 0, Double.NaN, 0, Double.NaN, 0,
                "", "", runDir, "Starting…");
    }

    private record Loaded(RnnRbm model, RmsProp optimizer, TrainingConfig config, TrainingState state,
                          String fingerprint) {
        Loaded(RnnRbm model, RmsProp optimizer, TrainingConfig config, TrainingState state) {
            this(model, optimizer, config, state, null);
        }
    }

    @FunctionalInterface
    private interface ModelSource {
        Loaded open() throws IOException;
    }

    private CompletableFuture<State> launch(ModelSource source, Corpus corpus, double fraction, Path runDir,
                                            int keepEpochs) {
        run = modelThread.runLong(() -> execute(source, corpus, fraction, runDir, keepEpochs))
                .thenApply(v -> status.state());
        return run;
    }

    private void execute(ModelSource source, Corpus corpus, double fraction, Path runDir, int keepEpochs) {
        Loaded m = null;
        try {
            if (blasThreads > 0) {
                ComputeBackend.setThreads(1, blasThreads);
            } else {
                ComputeBackend.configureForTraining();
            }
            int[] th = ComputeBackend.threads();
            String threads = "OpenMP " + th[0] + " / BLAS " + th[1];
            m = source.open();
            SequenceDataset all = corpus.dataset();
            SequenceDataset train = all;
            SequenceDataset val = null;
            if (fraction > 0 && all.size() >= 2) {
                SequenceDataset.Split s = all.split(fraction, m.config().seed());
                train = s.training();
                val = s.validation();
            }
            if (m.fingerprint() != null && !m.fingerprint().equals(train.fingerprint())) {
                throw new IllegalArgumentException(runDir + ": the checkpoint was trained on other data (fingerprint "
                        + m.fingerprint() + "); build the same corpus with the same validation split to resume");
            }
            SpectralFrames frames = corpus.frames();
            CheckpointFolder folder = new CheckpointFolder(runDir, appVersion, frames.scalingMap(),
                    frames.stftMap(corpus.segments().get(0).sampleRateHz()));
            TrainingConfig cfg = m.config();
            status = new TrainingStatus(State.RUNNING, m.state().nextEpoch(), cfg.totalEpochs(),
                    m.state().nextEpoch() / cfg.epochsPerStage(), Double.NaN, 0, 0, 0, Double.NaN, 0, Double.NaN,
                    m.state().skippedTotal(), ComputeBackend.describe(), threads, runDir, "Training");
            activeNanos = 0;
            framesDone = 0;
            Trainer trainer = new Trainer(m.model(), m.optimizer(), cfg, train, val, m.state(),
                    new CheckpointHistory(folder, keepEpochs),
                    new Listener(cfg));
            Trainer.Outcome o = trainer.run(() -> stopRequested);
            if (o == Trainer.Outcome.CANCELLED) {
                boolean interrupted = Thread.interrupted();
                int partial = lastBatchEpoch == trainer.state().nextEpoch() ? lastBatchIndex + 1 : 0;
                folder.save(new Checkpoint(m.model(), m.optimizer(), cfg, trainer.state(), train.fingerprint(),
                        train.origin()), partial);
                latestCheckpoint = runDir;
                checkpoints.incrementAndGet();
                status = status.with(State.STOPPED, "Stopped; checkpoint in " + runDir);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } else {
                status = status.with(State.COMPLETED, "Training complete; checkpoint in " + runDir);
            }
        } catch (IOException | RuntimeException e) {
            status = status.with(State.FAILED, "Training failed: " + e.getMessage());
        } finally {
            if (m != null) {
                m.optimizer().close();
                m.model().close();
            }
            modelThread.runPending();
        }
    }

    /** Feeds the buffer and status, runs submitted model tasks, and blocks while paused. Model thread. */
    private final class Listener implements TrainingListener {
        private final TrainingConfig cfg;
        private long last = System.nanoTime();

        Listener(TrainingConfig cfg) {
            this.cfg = cfg;
        }

        @Override
        public void onBatch(BatchMetrics b) {
            long now = System.nanoTime();
            activeNanos += now - last;
            framesDone += b.frames();
            lastBatchEpoch = b.epoch();
            lastBatchIndex = b.batch();
            metrics.add(b);
            double active = activeNanos / 1e9;
            double fps = framesDone / Math.max(1e-9, active);
            double remaining = b.progress() <= 0 ? Double.NaN
                    : b.remainingSeconds() * active / Math.max(1e-9, b.elapsedSeconds());
            TrainingStatus s = status;
            status = new TrainingStatus(stopRequested ? State.STOPPING : s.state(), b.epoch(), cfg.totalEpochs(), b.epoch() / cfg.epochsPerStage(),
                    b.learningRate(), b.batch() + 1, b.batchesPerEpoch(), b.progress(), fps, active, remaining,
                    b.skippedTotal(), s.backend(), s.threads(), s.runDir(), s.message());
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
        public void onEpoch(EpochMetrics e) {
            metrics.add(e);
            latestCheckpoint = status.runDir();
            checkpoints.incrementAndGet();
            modelThread.runPending();
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
