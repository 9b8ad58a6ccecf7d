package org.echoic.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.echoic.corpus.Corpus;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointHistory;
import org.echoic.io.Json;
import org.echoic.io.PianoRollFiles;
import org.echoic.io.SequenceDatasetReader;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.BatchMetrics;
import org.echoic.train.EpochMetrics;
import org.echoic.train.SequenceDataset;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingListener;
import org.echoic.train.TrainingState;
import picocli.CommandLine.ArgGroup;
import org.echoic.io.ProjectFiles;
import org.echoic.project.CorpusEntry;
import org.echoic.project.ModelEntry;
import org.echoic.project.Project;
import org.echoic.service.GenerationPipeline;
import org.echoic.service.ProjectCorpora;
import org.echoic.service.ProjectTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code echoic train}: trains an RNN-RBM on a sequence JSON data set, checkpointing after every epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an RNN-RBM on a sequence data set (JSON), on recordings (segmented with the default "
                + "parameters and framed with --nperseg/--noverlap/--band/--scaling), or on a project's corpus with "
                + "one of its model configurations (--project). Prints one JSON metrics line per epoch; "
                + "a progress bar goes to stderr. Ctrl-C stops at the next batch; the last epoch's checkpoint stays.")
final class TrainCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;
    @Mixin
    CorpusOptions corpusOptions;
    @Option(names = "--validation", description = "Validation data set (JSON); default: the 'valid' split of a "
            + "split file, else a seeded split.")
    Path validation;
    @Option(names = "--split", description = "With --data holding splits (train/valid/test, JSON or Python pickle, "
            + "MIDI pitches 21..108 as 88 values): the split to train on (default train; validation from valid).")
    String split;
    @Option(names = "--validation-fraction", description = "Fraction split off for validation without "
            + "--validation (default ${DEFAULT-VALUE}; 0 = none).")
    double validationFraction = 0.1;
    @Mixin
    RecipeOptions recipe;
    @Option(names = "--seed", description = "Seed of all random draws (default ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--keep-epochs", description = "Epoch snapshots kept in <out>.epochs/epoch-NNNN "
            + "(default: all; 0 = none; N = the newest N).")
    int keepEpochs = CheckpointHistory.ALL;
    @Option(names = "--resume", description = "Continue from this checkpoint folder.")
    Path resume;
    @Option(names = "--out", required = true, description = "Checkpoint folder to write.")
    Path out;

    /** Where the frames come from: a prepared data set, or recordings segmented and framed here. */
    static final class Input {
        @Option(names = "--data", required = true, description = "Training data set (JSON).")
        Path data;
        @Option(names = "--recordings", required = true, arity = "1..*", paramLabel = "FILE|DIR",
                description = "Recordings (or folders of them) to segment and turn into frames.")
        List<Path> recordings;
        @Option(names = "--project", required = true, paramLabel = "FILE",
                description = "A project (*.echoic.json): train one of its model configurations on one of its "
                        + "corpora, exactly as defined there, and record the run in the project.")
        Path project;
    }

    @Option(names = "--corpus", description = "With --project: the corpus to train on (default: the only one).")
    String corpusName;
    @Option(names = "--model", description = "With --project: the model configuration (default: the only one).")
    String modelName;
    @Option(names = "--run", description = "With --project: the run's name in the project (default: the --out "
            + "folder's name).")
    String runName;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (keepEpochs < CheckpointHistory.ALL) {
            throw new IllegalArgumentException("--keep-epochs must be 0 or more (default: all): " + keepEpochs);
        }
        if (input.project != null) {
            return trainProject();
        }
        Map<String, Object> scalingMap = null;
        Map<String, Object> stftMap = null;
        SequenceDataset all;
        SequenceDataset splitValidation = null;
        if (input.data != null && PianoRollFiles.isSplitFile(input.data)) {
            String name = split == null ? PianoRollFiles.TRAIN : split;
            all = PianoRollFiles.read(input.data, name);
            if (validation == null && name.equals(PianoRollFiles.TRAIN) && validationFraction > 0) {
                splitValidation = PianoRollFiles.read(input.data, PianoRollFiles.VALID);
            }
        } else if (split != null) {
            throw new IllegalArgumentException((input.data == null ? "" : input.data + ": ")
                    + "--split needs --data with a file of splits (train, valid, test)");
        } else if (input.data != null) {
            all = SequenceDatasetReader.read(input.data);
        } else {
            Corpus corpus = corpusOptions.build(input.recordings, System.err);
            all = corpus.dataset();
            scalingMap = GenerationPipeline.scalingSection(corpus);
            stftMap = corpus.frames().stftMap(corpus.segments().get(0).sampleRateHz());
        }
        Object data = input.data != null ? input.data : input.recordings;
        SequenceDataset train = all;
        SequenceDataset val = null;
        if (validation != null) {
            val = SequenceDatasetReader.read(validation);
        } else if (splitValidation != null) {
            val = splitValidation;
        } else if (validationFraction > 0 && all.size() >= 2) {
            SequenceDataset.Split s = all.split(validationFraction, seed);
            train = s.training();
            val = s.validation();
        }
        ComputeBackend.configureForTraining();
        RnnRbm model;
        RmsProp opt;
        TrainingConfig cfg;
        TrainingState state;
        if (resume != null) {
            CheckpointFolder.Loaded l = CheckpointFolder.load(resume);
            if (!l.dataFingerprint().equals(train.fingerprint())) {
                l.model().close();
                throw new IllegalArgumentException(data + ": the data differ from those of checkpoint " + resume
                        + " (fingerprint " + l.dataFingerprint() + ")");
            }
            model = l.model();
            opt = l.optimizer();
            cfg = l.config();
            state = l.state();
        } else {
            RnnRbmConfig mc = recipe.model(all.nVisible());
            cfg = recipe.training(seed);
            model = new RnnRbm(mc, seed);
            opt = new RmsProp(model);
            state = TrainingState.start();
        }
        PrintStream err = System.err;
        int[] th = ComputeBackend.threads();
        err.printf(Locale.ROOT, "echoic: training %s (%d sequences, %d frames) on %s, OpenMP %d / BLAS %d threads%n",
                train.origin(), train.size(), train.totalFrames(), ComputeBackend.describe(), th[0], th[1]);
        CtrlC cancel = CtrlC.install();
        try (model; opt) {
            Trainer t = new Trainer(model, opt, cfg, train, val, state,
                    new CheckpointHistory(new CheckpointFolder(out, EchoicCli.appVersion(), scalingMap, stftMap),
                            keepEpochs), new Progress(err, cfg));
            Trainer.Outcome o = t.run(cancel::get);
            err.println();
            TrainingState st = t.state();
            String best = st.bestEpoch() < 0 ? "" : String.format(Locale.ROOT, "; best epoch %d (validation %.4f)%s",
                    st.bestEpoch() + 1, st.bestScore(), st.bestEpoch() == st.nextEpoch() - 1 ? ""
                            : ", its weights restored");
            err.println("echoic: " + switch (o) {
                case COMPLETED -> "training complete";
                case STOPPED_EARLY -> "stopped early after epoch " + st.nextEpoch();
                case CANCELLED -> "training stopped";
            } + best + (t.pretrainSeconds() > 0 ? String.format(Locale.ROOT, "; RBM pretraining %.1f s",
                    t.pretrainSeconds()) : "") + "; checkpoint in " + out);
            return 0;
        } finally {
            cancel.uninstall();
        }
    }

    /** {@code --project}: the project's corpus and model configuration, the run recorded in the project file. */
    private int trainProject() throws IOException, InterruptedException {
        Project project = ProjectInput.read(input.project, System.err::println);
        CorpusEntry corpus = ProjectCorpora.entry(project, corpusName);
        ModelEntry model = ProjectTraining.model(project, modelName);
        String name = runName != null ? runName : out.toAbsolutePath().normalize().getFileName().toString();
        PrintStream err = System.err;
        err.printf(Locale.ROOT, "echoic: training model '%s' on corpus '%s' of %s on %s%n", model.name(),
                corpus.name(), input.project, ComputeBackend.describe());
        CtrlC cancel = CtrlC.install();
        try {
            ProjectTraining.Outcome o = ProjectTraining.train(project, name, corpus, model, out, keepEpochs, 0,
                    EchoicCli.appVersion(), cancel::get, new Progress(err, model.training()));
            err.println();
            Project latest = ProjectFiles.read(input.project, ProjectInput.folders()).project();
            ProjectFiles.save(input.project, latest.withTrainingRun(o.run()));
            err.println("echoic: " + (o.completed() ? "training complete" : "training stopped") + "; checkpoint in "
                    + out + "; run '" + name + "' recorded in " + input.project);
            return 0;
        } finally {
            cancel.uninstall();
        }
    }

    /**
     * Ctrl-C (or a kill) asks the training loop to stop at the next batch boundary; the hook then waits up to a
     * minute for the command to finish writing its checkpoint. It waits for {@link #uninstall()}, not for the
     * command's thread to end: that thread goes on to {@code System.exit}, which waits for the hooks.
     */
    private static final class CtrlC {
        private final AtomicBoolean requested = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);
        private Thread hook;

        static CtrlC install() {
            CtrlC c = new CtrlC();
            c.hook = new Thread(() -> {
                c.requested.set(true);
                try {
                    c.finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "echoic-train-stop");
            Runtime.getRuntime().addShutdownHook(c.hook);
            return c;
        }

        boolean get() {
            return requested.get();
        }

        void uninstall() {
            finished.countDown();
            if (!requested.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook has started: it sees the latch and returns at once
                }
            }
        }
    }

    /** Progress bar on stderr, one JSON line per epoch on stdout. */
    private static final class Progress implements TrainingListener {
        private final PrintStream err;
        private final TrainingConfig cfg;

        Progress(PrintStream err, TrainingConfig cfg) {
            this.err = err;
            this.cfg = cfg;
        }

        @Override
        public void onBatch(BatchMetrics m) {
            int width = 30;
            int done = (int) Math.round(m.progress() * width);
            err.printf(Locale.ROOT, "\r[%s%s] %3.0f%% epoch %d/%d batch %d/%d cost %.4f %.0f frames/s ETA %s   ",
                    "#".repeat(done), ".".repeat(width - done), 100 * m.progress(), m.epoch() + 1,
                    cfg.totalEpochs(), m.batch() + 1, m.batchesPerEpoch(), m.cost(), m.framesPerSecond(),
                    hms(m.remainingSeconds()));
            err.flush();
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            System.out.println(Json.line(m));
            System.out.flush();
        }

        private static String hms(double s) {
            if (!Double.isFinite(s)) {
                return "--:--:--";
            }
            long t = Math.round(s);
            return String.format(Locale.ROOT, "%02d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
        }
    }
}
