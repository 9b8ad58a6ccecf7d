package org.echoic.service;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.echoic.dsp.ColorMap;
import org.echoic.io.AtomicFiles;
import org.echoic.io.NpyWriter;
import org.echoic.render.ActivationMapRenderer;
import org.echoic.render.TemplateGalleryRenderer;
import org.echoic.train.ModelInspector;

/**
 * Writes what the inspection shows, for papers and scripts, shared by the GUI and the CLI: activations
 * ({@code .npy}, shape (T, nHidden)), recurrent states ((T, nRecurrent) per layer), templates ((nHidden, F)),
 * unit statistics (CSV) and PNGs of the activation map under the segment's frames and of the template gallery.
 * Every file is written atomically. Stateless; thread-safe; call it off the UI thread.
 */
public final class InspectionExporter {
    /** Gallery cells of the exported PNG. */
    public static final TemplateGalleryRenderer GALLERY = new TemplateGalleryRenderer(24, 48, 3);

    private InspectionExporter() {
    }

    /** p(h | v_t) as float32 (T, nHidden). */
    public static void writeActivations(Path npy, ModelInspector.Activations a) throws IOException {
        writeMatrix(npy, a.hidden());
    }

    /** States of recurrent layer {@code layer} (0-based) as float32 (T, nRecurrent). */
    public static void writeRecurrent(Path npy, ModelInspector.Activations a, int layer) throws IOException {
        writeMatrix(npy, a.recurrent()[layer]);
    }

    /** The templates as float32 (nHidden, F). */
    public static void writeTemplates(Path npy, float[][] templates) throws IOException {
        writeMatrix(npy, templates);
    }

    /** A [rows][cols] matrix as a float32 .npy. */
    static void writeMatrix(Path npy, float[][] m) throws IOException {
        int cols = m.length == 0 ? 0 : m[0].length;
        float[] flat = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * cols, cols);
        }
        NpyWriter.writeFloat32(npy, flat, m.length, cols);
    }

    /**
     * One row per unit: norm, mean, max, selectivity, then the segment with the highest mean activation and the
     * frame with the highest activation (segment names from {@code segments}).
     */
    public static void writeUnitStatistics(Path csv, List<ModelInspector.UnitStatistics> stats,
                                           List<InspectedSegment> segments) throws IOException {
        AtomicFiles.write(csv, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("unit,weight_norm,mean_activation,max_activation,selectivity,top_segment,top_segment_mean,"
                    + "top_frame_segment,top_frame,top_frame_activation\n");
            for (ModelInspector.UnitStatistics u : stats) {
                ModelInspector.Hit seg = u.topSegments().isEmpty() ? null : u.topSegments().get(0);
                ModelInspector.Hit fr = u.topFrames().isEmpty() ? null : u.topFrames().get(0);
                w.write(String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g,%s,%s,%s,%s,%s%n", u.unit(), u.weightNorm(),
                        u.meanActivation(), u.maxActivation(), u.selectivity(),
                        seg == null ? "" : quote(segments.get(seg.sequence()).name()),
                        seg == null ? "" : String.format(Locale.ROOT, "%.6g", seg.activation()),
                        fr == null ? "" : quote(segments.get(fr.sequence()).name()),
                        fr == null ? "" : Integer.toString(fr.frame()),
                        fr == null ? "" : String.format(Locale.ROOT, "%.6g", fr.activation())));
            }
            w.flush();
        });
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * The segment's frames (frequency upwards, {@code framesHeight} pixels) above its p(h | v) map (units top to
     * bottom, {@code unitHeight} pixels a unit, at least one pixel per unit), both {@code width} wide and so aligned
     * frame for frame, separated by a 2-pixel line.
     */
    public static int[] renderActivations(float[][] frames, ModelInspector.Activations a, int width,
                                          int framesHeight, int unitHeight, ColorMap map) {
        int units = a.hidden()[0].length;
        int mapHeight = Math.max(1, units * Math.max(1, unitHeight));
        int[] top = ActivationMapRenderer.paint(frames, null, 0, 1, true, map, width, framesHeight);
        int[] bottom = ActivationMapRenderer.paint(a.hidden(), null, 0, 1, false, map, width, mapHeight);
        int[] out = new int[width * (framesHeight + 2 + mapHeight)];
        System.arraycopy(top, 0, out, 0, top.length);
        java.util.Arrays.fill(out, top.length, top.length + 2 * width, 0xffffffff);
        System.arraycopy(bottom, 0, out, top.length + 2 * width, bottom.length);
        return out;
    }

    /** Writes everything into {@code dir} (all or nothing); returns the files written. */
    public static List<Path> exportAll(Path dir, InspectionService.InspectedModel model,
                                       InspectionService.SegmentInspection inspection,
                                       InspectionService.UnitReport report, ColorMap map) throws IOException {
        return AtomicFiles.allOrNothing(dir,
                (stage, written) -> writeAll(stage, model, inspection, report, map, written));
    }

    private static void writeAll(Path dir, InspectionService.InspectedModel model,
                                 InspectionService.SegmentInspection inspection, InspectionService.UnitReport report,
                                 ColorMap map, List<Path> written) throws IOException {
        Path templates = dir.resolve("templates.npy");
        writeTemplates(templates, model.templates());
        written.add(templates);
        int[] order = new int[model.templates().length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        int width = 16 * (GALLERY.cellWidth() + GALLERY.gap()) + GALLERY.gap();
        Path gallery = dir.resolve("templates.png");
        SpectrogramExporter.writePng(gallery, GALLERY.paint(model.templates(), order, -1, map, width), width,
                GALLERY.height(order.length, width));
        written.add(gallery);
        if (inspection != null) {
            ModelInspector.Activations a = inspection.activations();
            Path act = dir.resolve("activations.npy");
            writeActivations(act, a);
            written.add(act);
            for (int l = 0; l < a.recurrent().length; l++) {
                Path r = dir.resolve("recurrent-" + (l + 1) + ".npy");
                writeRecurrent(r, a, l);
                written.add(r);
            }
            int w = Math.max(200, Math.min(SpectrogramExporter.MAX_PNG_SIDE, 4 * a.frames()));
            int unitHeight = Math.max(1, 400 / a.hidden()[0].length);
            int fh = 200;
            int[] img = renderActivations(inspection.segment().frames(), a, w, fh, unitHeight, map);
            Path png = dir.resolve("activations.png");
            SpectrogramExporter.writePng(png, img, w, img.length / w);
            written.add(png);
        }
        if (report != null) {
            Path csv = dir.resolve("unit-stats.csv");
            writeUnitStatistics(csv, report.statistics(), report.segments());
            written.add(csv);
        }
    }
}
