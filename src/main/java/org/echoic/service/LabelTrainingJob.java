package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.label.Confusion;
import org.echoic.label.FeatureSpec;
import org.echoic.label.LabelNetwork;
import org.echoic.label.LabelledClip;
import org.echoic.label.Labeller;
import org.echoic.label.LabellerTrainer;
import org.echoic.label.TrainingParams;

/**
 * A labeller trained from recordings with tables beside them, as the workbench starts it on the
 * {@link TrainingService}: the features are computed on the model thread when the run begins, then a
 * {@link LabellerJob} trains (model folder {@link #runDir()}, same curves, pause and stop), and at the end the
 * confusion matrix of the kept weights is counted on the validation clips (on the training clips when nothing was held
 * out). Every batch and epoch is also copied to {@code copy}, the labelling view's own curves. Results are read
 * after the run ({@link #result()}); model thread only otherwise.
 */
public final class LabelTrainingJob implements TrainableJob {
    /**
     * What to train.
     *
     * @param task     frame labeller or segment classifier
     * @param sources  recordings and their tables
     * @param features how frames are made
     * @param params   network and training settings
     * @param runDir   the model folder to write
     */
    public record Request(LabelNetwork.Task task, List<LabelData.Source> sources, FeatureSpec features,
                          TrainingParams params, Path runDir) {
        public Request {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no recording with an annotation table beside it");
            }
        }
    }

    /**
     * The outcome of a run.
     *
     * @param labeller     the labeller with the kept weights (use it on the model thread only)
     * @param confusion    its confusion matrix on {@code confusionOn}
     * @param confusionOn  "validation" or "training (nothing held out)"
     * @param history      the epochs trained
     * @param bestEpoch    0-based epoch of the kept weights (−1 when stopped before the first epoch ended)
     */
    public record Result(Labeller labeller, Confusion confusion, String confusionOn,
                         List<LabellerTrainer.EpochResult> history, int bestEpoch) {
    }

    private final Request request;
    private final String appVersion;
    private final MetricsBuffer copy;
    private volatile Result result;

    /** @param copy a second buffer that receives every batch and epoch (reset to this job's curves here), or null */
    public LabelTrainingJob(Request request, String appVersion, MetricsBuffer copy) {
        this.request = request;
        this.appVersion = appVersion;
        this.copy = copy;
        if (copy != null) {
            copy.reset(LabellerJob.CURVES);
        }
    }

    @Override
    public TrainingCurves curves() {
        return LabellerJob.CURVES;
    }

    @Override
    public Path runDir() {
        return request.runDir();
    }

    /** The outcome once the run ended (null before, or when it failed). */
    public Result result() {
        return result;
    }

    @Override
    public Outcome train(TrainingSession session) throws IOException {
        List<String> classes = LabelData.classes(request.task(), request.sources());
        List<LabelledClip> clips;
        try {
            clips = LabelData.clips(request.task(), request.sources(), request.features(), classes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while computing the features", e);
        }
        LabellerJob job = new LabellerJob(request.task(), clips, classes, request.params(), request.runDir(),
                Map.of("appVersion", appVersion));
        Outcome o = job.train(copy == null ? session : new Copying(session, copy));
        LabellerTrainer.Result r = job.result();
        boolean held = !r.validation().isEmpty();
        Confusion c = Confusion.of(r.labeller(), held ? r.validation() : clips);
        result = new Result(r.labeller(), c, held ? "validation" : "training (nothing held out)", r.history(),
                r.bestEpoch());
        return o;
    }

    /** Passes everything on and copies the metrics into a second buffer. */
    private record Copying(TrainingSession session, MetricsBuffer copy) implements TrainingSession {
        @Override
        public boolean stopRequested() {
            return session.stopRequested();
        }

        @Override
        public void begin(int nextEpoch, int totalEpochs, int epochsPerStage, long skippedTotal) {
            session.begin(nextEpoch, totalEpochs, epochsPerStage, skippedTotal);
        }

        @Override
        public void batch(Batch b) {
            copy.add(b);
            session.batch(b);
        }

        @Override
        public void epoch(int epoch, double[] values) {
            copy.add(new MetricsBuffer.EpochPoint(epoch, values.clone()));
            session.epoch(epoch, values);
        }

        @Override
        public void checkpointWritten(Path dir) {
            session.checkpointWritten(dir);
        }
    }
}
