package org.echoic.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoic.io.Json;
import org.echoic.service.TrainingCurves;
import org.echoic.service.TrainingSession;

/**
 * A {@link TrainingSession} for the command line: the job trains on the calling thread, each epoch is one JSON line
 * on stderr ({@code epoch} 1-based and the job's epoch curves), nothing is ever stopped or paused.
 */
final class ConsoleSession implements TrainingSession {
    private final PrintWriter err;
    private final TrainingCurves curves;
    private final long startNanos = System.nanoTime();

    ConsoleSession(PrintWriter err, TrainingCurves curves) {
        this.err = err;
        this.curves = curves;
    }

    @Override
    public boolean stopRequested() {
        return Thread.currentThread().isInterrupted();
    }

    @Override
    public void begin(int nextEpoch, int totalEpochs, int epochsPerStage, long skippedTotal) {
    }

    @Override
    public void batch(Batch b) {
    }

    @Override
    public void epoch(int epoch, double[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch + 1);
        List<String> names = curves.epoch();
        for (int i = 0; i < names.size() && i < values.length; i++) {
            m.put(names.get(i), Double.isFinite(values[i]) ? values[i] : null);
        }
        m.put("elapsedSeconds", (System.nanoTime() - startNanos) / 1e9);
        LabelOptions.log(err, Json.line(m));
    }

    @Override
    public void checkpointWritten(Path dir) {
    }
}
