package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoic.dsp.ColorMap;
import org.echoic.generate.GeneratedSequence;
import org.echoic.io.AtomicFiles;
import org.echoic.io.CsvArrayWriter;
import org.echoic.io.GenerationSidecar;
import org.echoic.io.NpyWriter;
import org.echoic.io.RavenTables;
import org.echoic.io.WavWriter;
import org.echoic.render.FramesImage;
import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;

/**
 * Writes a generated sequence's files into a folder, each atomically: {@code NAME.wav} (16-bit or float),
 * {@code NAME.npy} and {@code NAME.csv} (frames, shape (T, F), float32), {@code NAME.png} (the frames as a
 * spectrogram, the primer's end marked), {@code NAME.Table.1.selections.txt} (Raven table of the segments
 * found in the sound) and last the {@code NAME.json} sidecar naming them. Without audio only the frames,
 * the image and the sidecar are written. If any write fails the files already written by this export are
 * removed, so no partial set is left. Stateless; any thread (not the JavaFX thread: it writes files).
 */
public final class GenerationExporter {
    /** Largest side of the exported image in pixels. */
    static final int MAX_IMAGE_SIDE = 4096;

    private GenerationExporter() {
    }

    /**
     * Export settings.
     *
     * @param wavFormat 16-bit PCM or 32-bit float
     * @param colors    colour map of the image
     */
    public record Options(WavWriter.Format wavFormat, ColorMap colors) {
        public static final Options DEFAULT = new Options(WavWriter.Format.PCM16, ColorMap.VIRIDIS);
    }

    /** Exports one item as {@code dir/item.name().*}; returns the files written, sidecar last. */
    public static List<Path> export(Path dir, GeneratedItem item, Options options) throws IOException {
        return AtomicFiles.allOrNothing(dir, (stage, written) -> write(stage, item, options, written));
    }

    private static void write(Path dir, GeneratedItem item, Options options, List<Path> written) throws IOException {
        String base = item.name();
        GeneratedSequence s = item.sequence();
        Map<String, String> names = new LinkedHashMap<>();
        if (item.audio() != null) {
            Path wav = dir.resolve(base + ".wav");
            WavWriter.write(wav, item.audio().samples(), item.audio().sampleRateHz(), options.wavFormat());
            add(written, names, "wav", wav);
        }
        Path npy = dir.resolve(base + ".npy");
        NpyWriter.writeFloat32(npy, s.flat(), s.frames().length, s.nVisible());
        add(written, names, "npy", npy);
        Path csv = dir.resolve(base + ".csv");
        CsvArrayWriter.write(csv, s.flat(), s.frames().length, s.nVisible());
        add(written, names, "csv", csv);
        int w = Math.max(256, Math.min(MAX_IMAGE_SIDE, s.frames().length * 4));
        int h = Math.max(128, Math.min(MAX_IMAGE_SIDE, s.nVisible() * 2));
        Path png = dir.resolve(base + ".png");
        SpectrogramExporter.writePng(png, FramesImage.paint(s.frames(), s.primedFrames(), options.colors(), w, h),
                w, h);
        add(written, names, "png", png);
        if (item.audio() != null) {
            Path raven = dir.resolve(RavenTables.fileName(base));
            double rate = item.audio().sampleRateHz();
            List<Annotation> found = new ArrayList<>();
            for (Segment seg : item.segments()) {
                found.add(Annotation.of(seg, rate));
            }
            RavenTables.write(raven, found, rate / 2);
            add(written, names, "raven", raven);
        }
        Path json = dir.resolve(base + ".json");
        GenerationSidecar.write(json, item.provenance(), names);
        written.add(json);
    }

    /** Exports every item (all or nothing); returns all files written. */
    public static List<Path> exportAll(Path dir, List<GeneratedItem> items, Options options) throws IOException {
        return AtomicFiles.allOrNothing(dir, (stage, written) -> {
            for (GeneratedItem i : items) {
                write(stage, i, options, written);
            }
        });
    }

    private static void add(List<Path> written, Map<String, String> names, String kind, Path p) {
        written.add(p);
        names.put(kind, p.getFileName().toString());
    }
}
