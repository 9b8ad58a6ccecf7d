package org.echoic.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.io.AnnotationFormat;
import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.Measurement;
import org.echoic.measure.Measurer;
import org.echoic.measure.PitchParams;
import org.echoic.segment.Annotation;

/**
 * Measurements for the workbench: the time selection's (latest wins, on the compute executor), a whole list's (one
 * run at a time, cancellable, with progress) and atomic exports on the I/O executor. Results and errors are delivered
 * on worker threads; no JavaFX. Thread-safe.
 */
public final class MeasurementService {
    private final AppExecutors executors;
    private final LatestWins<MeasuredSelection> selection;
    private final LatestWins<List<MeasuredSelection>> batch;
    private volatile double progress = Double.NaN;

    public MeasurementService(AppExecutors executors) {
        this.executors = executors;
        this.selection = new LatestWins<>(executors.compute());
        this.batch = new LatestWins<>(executors.compute());
    }

    /** Measures one selection, cancelling the previous request; {@code pitch} may be null. */
    public void measureSelection(Recording rec, int channel, Annotation sel, StftParams stft, PitchParams pitch,
                                 Consumer<MeasuredSelection> onResult, Consumer<Exception> onError) {
        selection.submit(() -> Measurer.measureAll(rec, channel, List.of(sel), stft, pitch, null).get(0), onResult,
                onError);
    }

    /** Measures every selection of {@code rows}, cancelling a previous run; progress in {@link #progress()}. */
    public void measureAll(Recording rec, int channel, List<Annotation> rows, StftParams stft, PitchParams pitch,
                           Consumer<List<MeasuredSelection>> onResult, Consumer<Exception> onError) {
        progress = 0;
        batch.submit(() -> {
            try {
                return Measurer.measureAll(rec, channel, rows, stft, pitch, f -> progress = f);
            } finally {
                progress = Double.NaN;
            }
        }, onResult, onError);
    }

    /** The running list measurement's fraction done in [0, 1], or NaN when none runs. */
    public double progress() {
        return progress;
    }

    /** Cancels the running list measurement; its result will not be delivered. */
    public void cancel() {
        batch.cancel();
        progress = Double.NaN;
    }

    /**
     * Writes {@code measured} to {@code file} (atomically) and, when {@code pitchFile} is non-null and contours exist,
     * the contours to it; on the I/O executor.
     */
    public CompletableFuture<Void> export(Path file, AnnotationFormat format, List<MeasuredSelection> measured,
                                          Set<Measurement> columns, Path pitchFile) {
        return CompletableFuture.runAsync(() -> {
            try {
                MeasurementTables.write(file, format, measured, columns);
                if (pitchFile != null && measured.stream().anyMatch(m -> m.pitch() != null)) {
                    MeasurementTables.writePitch(pitchFile, measured);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executors.io());
    }

    /** Stops both kinds of measurement. */
    public void close() {
        selection.cancel();
        batch.cancel();
    }
}
