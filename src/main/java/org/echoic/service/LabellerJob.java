package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoic.io.LabellerFiles;
import org.echoic.label.LabelNetwork;
import org.echoic.label.LabelledClip;
import org.echoic.label.Labeller;
import org.echoic.label.LabellerTrainer;
import org.echoic.label.TrainingParams;
import org.echoic.rnnrbm.ComputeBackend;

/**
 * Training a frame labeller or a segment classifier as a {@link TrainableJob}: the model folder {@link #runDir()}
 * is written after every epoch that improves the validation loss (so it always holds the best weights so far) and,
 * when stopped before the first epoch ended, with the weights so far. Curves: the batch loss; per epoch the
 * training and validation loss and the validation accuracy. Model thread only; {@link #result()} afterwards.
 */
public final class LabellerJob implements TrainableJob {
    /** The labellers' curves. */
    public static final TrainingCurves CURVES = new TrainingCurves(List.of("Loss"),
            List.of("Loss (epoch)", "Validation loss", "Validation accuracy"), List.of("Validation loss"));

    private final LabelNetwork.Task task;
    private final List<LabelledClip> clips;
    private final List<String> classes;
    private final TrainingParams params;
    private final Path runDir;
    private final Map<String, Object> provenance;
    private volatile LabellerTrainer.Result result;

    /**
     * @param provenance entries for {@code labeller.json} besides the model (data, versions); the training settings
     *                   are added here
     */
    public LabellerJob(LabelNetwork.Task task, List<LabelledClip> clips, List<String> classes, TrainingParams params,
                       Path runDir, Map<String, Object> provenance) {
        this.task = task;
        this.clips = List.copyOf(clips);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.runDir = runDir;
        this.provenance = new LinkedHashMap<>(provenance);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("hiddenUnits", params.settings().hiddenUnits());
        t.put("learningRate", params.settings().learningRate());
        t.put("seed", params.settings().seed());
        t.put("batchSize", params.batchSize());
        t.put("maxEpochs", params.maxEpochs());
        t.put("patience", params.patience());
        t.put("validationFraction", params.validationFraction());
        t.put("classWeighting", params.weighting().name());
        this.provenance.put("training", t);
        this.provenance.put("clips", clips.stream().map(LabelledClip::name).toList());
        this.provenance.put("backend", ComputeBackend.describe());
    }

    @Override
    public TrainingCurves curves() {
        return CURVES;
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    /** The outcome, once {@link #train} returned (null before). */
    public LabellerTrainer.Result result() {
        return result;
    }

    @Override
    public Outcome train(TrainingSession session) throws IOException {
        session.begin(0, params.maxEpochs(), params.maxEpochs(), 0);
        long startNanos = System.nanoTime();
        List<LabellerTrainer.EpochResult> history = new ArrayList<>();
        boolean[] saved = {false};
        LabellerTrainer.Listener listener = new LabellerTrainer.Listener() {
            @Override
            public boolean stopRequested() {
                return session.stopRequested();
            }

            @Override
            public void batch(int epoch, int batch, int batchesPerEpoch, double loss, long frames, double progress) {
                double elapsed = (System.nanoTime() - startNanos) / 1e9;
                double remaining = progress > 0 ? elapsed * (1 - progress) / progress : Double.NaN;
                session.batch(new TrainingSession.Batch(epoch, batch, batchesPerEpoch, new double[] {loss}, frames,
                        params.settings().learningRate(), !Double.isFinite(loss), 0, elapsed, remaining, progress));
            }

            @Override
            public void epoch(LabellerTrainer.EpochResult r, Labeller improved) throws IOException {
                history.add(r);
                if (improved != null) {
                    LabellerFiles.save(runDir, improved, history, provenance(r.epoch()));
                    saved[0] = true;
                    session.checkpointWritten(runDir);
                }
                session.epoch(r.epoch(), new double[] {r.trainLoss(), r.validationLoss(), r.validationAccuracy()});
            }
        };
        LabellerTrainer.Result r = LabellerTrainer.train(task, clips, classes, params, listener);
        result = r;
        if (!saved[0] || r.stopped()) {
            LabellerFiles.save(runDir, r.labeller(), r.history(), provenance(r.bestEpoch()));
            session.checkpointWritten(runDir);
        }
        return r.stopped() ? Outcome.STOPPED : Outcome.COMPLETED;
    }

    private Map<String, Object> provenance(int bestEpoch) {
        Map<String, Object> p = new LinkedHashMap<>(provenance);
        p.put("bestEpoch", bestEpoch);
        return p;
    }
}
