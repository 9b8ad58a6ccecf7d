package org.echoic.ui.segmentation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.io.AnnotationFormat;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.AppExecutors;
import org.echoic.service.SegmentExports;
import org.echoic.service.SegmentationSnapshot;

/**
 * The segmentation tab's Export menu: the current segments (after manual edits) as a Raven table, Audacity labels
 * or CSV; each segment's audio as WAV; each segment's spectrogram as .npy (default STFT 256/128 Hann PSD). Files are
 * chosen on the JavaFX thread and written on the I/O thread through {@link SegmentExports}; the outcome goes to the
 * status bar. JavaFX thread only.
 */
public final class SegmentExportActions {
    private final SegmentationState state;
    private final AppExecutors executors;
    private final Consumer<String> status;
    private final MenuButton menu = new MenuButton("Export segments");
    private java.util.function.Supplier<StftParams> spectrogramSettings = () -> StftParams.DEFAULT;

    public SegmentExportActions(SegmentationState state, AppExecutors executors, Consumer<String> status) {
        this.state = state;
        this.executors = executors;
        this.status = status;
    }

    /**
     * Where the per-segment spectrograms take their STFT settings from (the spectrogram view's; PSD values).
     * Default: 256/128 Hann.
     */
    public void setSpectrogramSettings(java.util.function.Supplier<StftParams> settings) {
        spectrogramSettings = settings;
    }

    /** The Export menu button. */
    MenuButton button() {
        MenuButton b = menu;
        b.setId("segmentExportMenu");
        b.getItems().setAll(
                item("Raven selection table…", "exportRaven", () -> chooseTable(AnnotationFormat.RAVEN)),
                item("Audacity labels…", "exportAudacity", () -> chooseTable(AnnotationFormat.AUDACITY)),
                item("CSV…", "exportCsv", () -> chooseTable(AnnotationFormat.CSV)),
                item("Audio of each segment (WAV)…", "exportAudio", () -> chooseFolder(false)),
                item("Spectrogram of each segment (.npy)…", "exportSpectrograms", () -> chooseFolder(true)));
        return b;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    private Window window() {
        return menu.getScene() == null ? null : menu.getScene().getWindow();
    }

    private void chooseTable(AnnotationFormat format) {
        Recording rec = recording();
        if (rec == null) {
            return;
        }
        FileChooser c = new FileChooser();
        c.setTitle("Export segments");
        c.setInitialFileName(format.fileName(baseName(rec)));
        File f = c.showSaveDialog(window());
        if (f != null) {
            exportTable(f.toPath(), format);
        }
    }

    private void chooseFolder(boolean spectrograms) {
        if (recording() == null) {
            return;
        }
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(spectrograms ? "Folder for the spectrograms" : "Folder for the segments' audio");
        File f = c.showDialog(window());
        if (f != null) {
            exportEach(f.toPath(), spectrograms);
        }
    }

    /** Writes the shown segments as a table in the background; completes on the I/O thread. */
    public CompletableFuture<Void> exportTable(Path file, AnnotationFormat format) {
        Recording rec = recording();
        List<Segment> segments = segments();
        return report(CompletableFuture.runAsync(() -> {
            try {
                SegmentExports.writeTable(file, format, segments, rec.sampleRateHz());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executors.io()), "Wrote " + segments.size() + " segments to " + file.getFileName());
    }

    /** Writes each segment's audio (or spectrogram) into {@code dir} in the background. */
    public CompletableFuture<Void> exportEach(Path dir, boolean spectrograms) {
        Recording rec = recording();
        List<Segment> segments = segments();
        int channel = state.session().params().channel();
        StftParams stft = spectrogramSettings.get().withMode(StftParams.Mode.PSD);
        CompletableFuture<SegmentExports.Outcome> f = CompletableFuture.supplyAsync(() -> {
            try {
                return spectrograms
                        ? SegmentExports.writeSpectrograms(dir, baseName(rec), rec, channel, segments, stft)
                        : SegmentExports.writeAudio(dir, baseName(rec), rec, segments);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, executors.io());
        return report(f.thenAccept(o -> Platform.runLater(() -> status.accept("Wrote " + o.written().size()
                + " files to " + dir + (o.skipped().isEmpty() ? "" : "; skipped " + o.skipped().size() + ": "
                + o.skipped().get(0))))), null);
    }

    private CompletableFuture<Void> report(CompletableFuture<Void> f, String success) {
        return f.whenComplete((v, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                status.accept("Export failed: " + cause.getMessage());
            } else if (success != null) {
                status.accept(success);
            }
        }));
    }

    private Recording recording() {
        return state.timeline().recordingProperty().get() == null ? null
                : state.timeline().recordingProperty().get().recording();
    }

    private List<Segment> segments() {
        SegmentationSnapshot s = state.snapshot();
        return s == null ? List.of() : s.segments().stream().map(SegmentEdits.Item::segment).toList();
    }

    static String baseName(Recording rec) {
        String n = rec.path().getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
