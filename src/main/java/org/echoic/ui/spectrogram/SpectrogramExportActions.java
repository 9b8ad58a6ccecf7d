package org.echoic.ui.spectrogram;

import org.echoic.ui.lanes.SpectrogramLane;
import org.echoic.ui.lanes.TimeSelection;
import org.echoic.ui.lanes.TimelineModel;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.echoic.audio.Recording;
import org.echoic.service.AppExecutors;
import org.echoic.service.FeatureArrays;
import org.echoic.service.FigureExporter;
import org.echoic.service.OpenRecording;
import org.echoic.service.SpectrogramExporter;
import org.echoic.service.SpectrogramSettings;

/**
 * The spectrogram lane's exports from the GUI: asks for a file, snapshots what is shown (recording, channel,
 * range, settings) on the JavaFX thread, runs {@link SpectrogramExporter} on the I/O thread (STFT chunks on the
 * compute pool) and reports the outcome through {@code status} on the JavaFX thread. JavaFX thread only.
 */
public final class SpectrogramExportActions {
    private final TimelineModel model;
    private final SpectrogramLane lane;
    private final AppExecutors executors;
    private final Consumer<String> status;

    public SpectrogramExportActions(TimelineModel model, SpectrogramLane lane, AppExecutors executors,
                                    Consumer<String> status) {
        this.model = model;
        this.lane = lane;
        this.executors = executors;
        this.status = status;
    }

    /** The range exported: the selection, or the visible part of the recording. */
    private TimeSelection range() {
        return model.playRange();
    }

    /**
     * Asks for a .png file and exports the view at {@code width} x {@code height} (≤ 0: the lane's size), as a figure
     * with axes or as the bare image.
     */
    public void choosePng(Window owner, int width, int height, boolean axes) {
        OpenRecording r = model.recordingProperty().get();
        if (r == null) {
            status.accept("Open a recording to export its spectrogram");
            return;
        }
        File f = chooser("PNG image", "*.png", r.name().replaceAll("\\.[^.]*$", "") + "-spectrogram.png")
                .showSaveDialog(owner);
        if (f != null) {
            exportPng(f.toPath(), width, height, axes);
        }
    }

    /** Asks for a .npy or .csv file and exports {@code kind} of the selection (or the visible range). */
    public void chooseArray(Window owner, FeatureArrays.Kind kind) {
        OpenRecording r = model.recordingProperty().get();
        if (r == null) {
            status.accept("Open a recording to export arrays");
            return;
        }
        FileChooser c = chooser("NumPy array", "*.npy", r.name().replaceAll("\\.[^.]*$", "") + "-" + kind.tag() + ".npy");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = c.showSaveDialog(owner);
        if (f != null) {
            exportArray(f.toPath(), kind);
        }
    }

    private static FileChooser chooser(String what, String pattern, String name) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        c.setInitialFileName(name);
        return c;
    }

    /**
     * Exports the shown view (the visible time range, the lane's settings) as a PNG {@code width} x {@code height}
     * in all: a figure with time and frequency axes, a dB colour bar and the recording's name (as {@code echoic
     * render}), or the bare image; completes when written.
     */
    public CompletableFuture<Path> exportPng(Path out, int width, int height, boolean axes) {
        Recording rec = model.recordingProperty().get().recording();
        int w = width > 0 ? width : (int) Math.max(1, lane.getWidth());
        int h = height > 0 ? height : (int) Math.max(1, lane.getHeight());
        int channel = model.channelProperty().get();
        SpectrogramSettings s = lane.settingsProperty().get();
        long start = Math.max(0, (long) Math.floor(model.viewport().startFrame()));
        long end = Math.min(rec.frames(), (long) Math.ceil(model.viewport().endFrame()));
        status.accept("Exporting " + out.getFileName() + "…");
        return report(CompletableFuture.supplyAsync(() -> {
            try {
                FigureExporter.Figure fig = FigureExporter.spectrogram(rec, SpectrogramLane.recordingKey(rec), channel,
                        s, start, end, w, h, new FigureExporter.Options(axes, null, 1), lane.service().cache());
                FigureExporter.writePng(out, fig.image(), FigureExporter.BASE_DPI);
                return out;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executors.io()), v -> "Wrote " + out.getFileName() + " (" + w + " × " + h + ")");
    }

    /** Exports {@code kind} of the selection (or the visible range) as .npy or .csv; completes when written. */
    public CompletableFuture<FeatureArrays.FeatureArray> exportArray(Path out, FeatureArrays.Kind kind) {
        Recording rec = model.recordingProperty().get().recording();
        int channel = model.channelProperty().get();
        SpectrogramSettings s = lane.settingsProperty().get();
        TimeSelection range = range();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        status.accept("Exporting " + kind.label() + " to " + out.getFileName() + "…");
        return report(CompletableFuture.supplyAsync(() -> {
            try {
                return SpectrogramExporter.exportArray(out, kind, rec, channel, range.startFrame(), range.endFrame(), s,
                        executors.compute(), threads);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executors.io()), a -> "Wrote " + out.getFileName() + ": " + kind.label() + ", shape (" + a.rows() + ", "
                + a.frames() + ")");
    }

    private <T> CompletableFuture<T> report(CompletableFuture<T> job, java.util.function.Function<T, String> done) {
        return job.whenComplete((v, e) -> Platform.runLater(() -> {
            if (e == null) {
                status.accept(done.apply(v));
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                status.accept("Export failed: " + cause.getMessage());
            }
        }));
    }
}
