package org.echoic.ui.measure;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;

import org.echoic.io.AnnotationFormat;
import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.Measurement;
import org.echoic.service.MeasurementService;
import org.echoic.service.MeasurementTables;
import org.echoic.ui.common.Buttons;

/**
 * Exports of the measurements table: a Raven selection table or CSV with the chosen columns, chosen on the JavaFX
 * thread and written atomically on the I/O thread, with the F0 contours as {@code <name>.pitch.csv} beside it when
 * they were measured; the outcome goes to the status bar. JavaFX thread only.
 */
public final class MeasurementExportActions {
    private final MeasurementService service;
    private final Consumer<String> status;
    private final Button raven = Buttons.button("Export Raven…", "measureExportRaven",
            "Write the measurements as a Raven selection table (Raven's column names and units)");
    private final Button csv = Buttons.button("Export CSV…", "measureExportCsv", "Write the measurements as CSV");
    private Supplier<List<MeasuredSelection>> rows = List::of;
    private Supplier<Set<Measurement>> columns = Set::of;
    private Supplier<Path> recording = () -> null;

    public MeasurementExportActions(MeasurementService service, Consumer<String> status) {
        this.service = service;
        this.status = status;
        raven.setOnAction(e -> choose(AnnotationFormat.RAVEN));
        csv.setOnAction(e -> choose(AnnotationFormat.CSV));
    }

    void bind(Supplier<List<MeasuredSelection>> rows, Supplier<Set<Measurement>> columns, Supplier<Path> recording) {
        this.rows = rows;
        this.columns = columns;
        this.recording = recording;
    }

    Button ravenButton() {
        return raven;
    }

    Button csvButton() {
        return csv;
    }

    void status(String message) {
        status.accept(message);
    }

    private void choose(AnnotationFormat format) {
        Path rec = recording.get();
        if (rec == null || rows.get().isEmpty()) {
            status.accept("Nothing to export: press Measure first");
            return;
        }
        FileChooser c = new FileChooser();
        c.setTitle(format == AnnotationFormat.RAVEN ? "Export measurements (Raven table)" : "Export measurements (CSV)");
        c.setInitialFileName(MeasurementTables.tableName(rec, format));
        if (rec.toAbsolutePath().getParent() != null) {
            c.setInitialDirectory(rec.toAbsolutePath().getParent().toFile());
        }
        java.io.File f = c.showSaveDialog(raven.getScene() == null ? null : raven.getScene().getWindow());
        if (f != null) {
            export(f.toPath(), format);
        }
    }

    /** Writes the table (and contours) to {@code file} in the background; reports the outcome. */
    public void export(Path file, AnnotationFormat format) {
        List<MeasuredSelection> snapshot = List.copyOf(rows.get());
        Path rec = recording.get();
        Path pitchFile = rec == null ? null : file.resolveSibling(MeasurementTables.pitchName(rec));
        service.export(file, format, snapshot, columns.get(), pitchFile).whenComplete((v, e) -> Platform.runLater(() ->
                status.accept(e == null ? "Wrote " + snapshot.size() + " measured rows to " + file
                        : "Export failed: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()))));
    }
}
