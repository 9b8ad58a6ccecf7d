package org.echoic.ui.charts;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;

import org.echoic.io.AtomicFiles;
import org.echoic.service.FigureExporter;

/**
 * Saving what a chart shows: a PNG of the node as drawn (at {@link #PNG_SCALE}× for print, its DPI recorded) and its
 * data as CSV (long form {@code series,x,y} for XY charts), both written atomically on the given I/O executor; a
 * context menu "Save as PNG… / Save data as CSV…" installs both on any chart. Snapshots are taken on the JavaFX
 * thread (where every method here must be called); files are written off it.
 */
public final class ChartExport {
    /** PNGs are drawn at twice the screen size. */
    public static final double PNG_SCALE = 2;

    /** Rows of a CSV: a header and the rows' cells. */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    private ChartExport() {
    }

    /** The node as drawn now, at {@code scale}, on white. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(new Scale(scale, scale));
        return node.snapshot(p, null);
    }

    /** Writes a snapshot of {@code node} to {@code out} as PNG on {@code io}; completes with the path. */
    public static CompletableFuture<Path> savePng(Node node, Path out, Executor io) {
        BufferedImage img = SwingFXUtils.fromFXImage(snapshot(node, PNG_SCALE), null);
        return CompletableFuture.supplyAsync(() -> {
            try {
                FigureExporter.writePng(out, img, FigureExporter.BASE_DPI * PNG_SCALE);
                return out;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    /** The visible series of an XY chart as a long table: series name, x, y (one row per point). */
    public static Table table(XYChart<Number, Number> chart) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            if (s.getNode() != null && !s.getNode().isVisible()) {
                continue;
            }
            for (XYChart.Data<Number, Number> d : s.getData()) {
                rows.add(List.of(s.getName() == null ? "" : s.getName(), Double.toString(d.getXValue().doubleValue()),
                        Double.toString(d.getYValue().doubleValue())));
            }
        }
        return new Table(List.of("series", "x", "y"), rows);
    }

    /** Writes {@code table} to {@code out} as CSV (RFC 4180 quoting, UTF-8) on {@code io}. */
    public static CompletableFuture<Path> saveCsv(Table table, Path out, Executor io) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                AtomicFiles.write(out, o -> {
                    Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                    w.write(line(table.header()));
                    for (List<String> r : table.rows()) {
                        w.write(line(r));
                    }
                    w.flush();
                });
                return out;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(i == 0 ? "" : ",");
            b.append(c.matches(".*[\",\r\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return b.append('\n').toString();
    }

    /**
     * Installs a context menu on {@code chart}: "Save as PNG…" and, when {@code data} is not null, "Save data as
     * CSV…", each asking for a file in {@code folder} (null: the dialog's default) named {@code baseName}; the
     * outcome goes to {@code status} on the JavaFX thread.
     */
    public static void installMenu(Node chart, String baseName, Supplier<Table> data, Supplier<Path> folder,
                                   Executor io, Consumer<String> status) {
        MenuItem png = new MenuItem("Save as PNG…");
        png.setOnAction(e -> ask(chart, baseName + ".png", "PNG image", "*.png", folder)
                .ifPresent(f -> report(savePng(chart, f, io), status)));
        ContextMenu menu = new ContextMenu(png);
        if (data != null) {
            MenuItem csv = new MenuItem("Save data as CSV…");
            csv.setOnAction(e -> ask(chart, baseName + ".csv", "CSV", "*.csv", folder)
                    .ifPresent(f -> report(saveCsv(data.get(), f, io), status)));
            menu.getItems().add(csv);
        }
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    private static java.util.Optional<Path> ask(Node owner, String name, String what, String pattern,
                                                Supplier<Path> folder) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        c.setInitialFileName(name);
        Path dir = folder == null ? null : folder.get();
        if (dir != null && dir.toFile().isDirectory()) {
            c.setInitialDirectory(dir.toFile());
        }
        File f = c.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private static void report(CompletableFuture<Path> job, Consumer<String> status) {
        job.whenComplete((p, e) -> Platform.runLater(() -> status.accept(e == null ? "Wrote " + p.getFileName()
                : "Could not save: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))));
    }
}
