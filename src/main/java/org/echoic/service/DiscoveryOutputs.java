package org.echoic.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.echoic.io.CsvAnnotations;
import org.echoic.io.NpyWriter;
import org.echoic.render.MapRenderer;
import org.echoic.segment.Annotation;

/**
 * Writes the files of {@code echoic embed} and {@code echoic cluster}, each atomically: {@code embeddings.npy}
 * (float32, segments × dimensions), {@code segments.csv} (onset_s, offset_s, label = the table's label, then
 * recording, index and, after clustering, cluster, x, y), {@code map.npy} (float32, segments × 2) and one
 * {@code <recording name>.csv} per recording (onset_s, offset_s, label = cluster, −1 for noise). Stateless.
 */
public final class DiscoveryOutputs {
    private DiscoveryOutputs() {
    }

    /** Writes the embedding files; returns the paths written. */
    public static List<Path> writeEmbeddings(Path folder, List<SegmentEmbeddings.Item> items, float[][] embeddings)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        written.add(writeMatrix(folder.resolve("embeddings.npy"), embeddings));
        written.add(writeSegments(folder.resolve("segments.csv"), items, null, null));
        return written;
    }

    /** Writes the embedding, the map, the segment table with clusters and one cluster table per recording. */
    public static List<Path> writeClusters(Path folder, List<SegmentEmbeddings.Item> items, float[][] embeddings,
                                           float[][] map, int[] labels, String projection) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        written.add(writeMatrix(folder.resolve("embeddings.npy"), embeddings));
        written.add(writeMatrix(folder.resolve("map.npy"), map));
        written.add(writeSegments(folder.resolve("segments.csv"), items, map, labels));
        written.add(writeMapPng(folder.resolve("map.png"), map, labels, projection));
        Map<CorpusService.Source, List<Annotation>> perRecording = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            SegmentEmbeddings.Item it = items.get(i);
            perRecording.computeIfAbsent(it.source(), s -> new ArrayList<>())
                    .add(new Annotation(it.onsetSeconds(), it.offsetSeconds(), Integer.toString(labels[i])));
        }
        Map<CorpusService.Source, String> names = tableNames(perRecording.keySet());
        for (Map.Entry<CorpusService.Source, List<Annotation>> e : perRecording.entrySet()) {
            Path table = folder.resolve(names.get(e.getKey()));
            CsvAnnotations.write(table, e.getValue());
            written.add(table);
        }
        return written;
    }

    /** {@code <base name>.csv} per recording; a base name used twice gets {@code -2}, {@code -3}, … */
    static Map<CorpusService.Source, String> tableNames(Iterable<CorpusService.Source> sources) {
        Map<CorpusService.Source, String> out = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (CorpusService.Source s : sources) {
            String name = s.recording().path().getFileName().toString();
            String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            String candidate = base + ".csv";
            for (int k = 2; !used.add(candidate.toLowerCase(Locale.ROOT)) || candidate.equals("segments.csv"); k++) {
                candidate = base + "-" + k + ".csv";
            }
            out.put(s, candidate);
        }
        return out;
    }

    private static Path writeSegments(Path file, List<SegmentEmbeddings.Item> items, float[][] map, int[] labels)
            throws IOException {
        List<Annotation> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            SegmentEmbeddings.Item it = items.get(i);
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("recording", it.source().id());
            attrs.put("index", Integer.toString(it.index()));
            if (labels != null) {
                attrs.put("cluster", Integer.toString(labels[i]));
                attrs.put("x", String.format(Locale.ROOT, "%.5f", map[i][0]));
                attrs.put("y", String.format(Locale.ROOT, "%.5f", map[i][1]));
            }
            rows.add(new Annotation(it.onsetSeconds(), it.offsetSeconds(), Double.NaN, Double.NaN,
                    it.segment().label(), attrs));
        }
        CsvAnnotations.write(file, rows);
        return file;
    }

    /** The map coloured by cluster (noise grey) as a 1000 × 900 figure, axes named after {@code projection}. */
    static Path writeMapPng(Path file, float[][] map, int[] labels, String projection) throws IOException {
        int[] colours = new int[labels.length];
        int clusters = 0;
        int noise = 0;
        for (int i = 0; i < labels.length; i++) {
            colours[i] = MapRenderer.colour(labels[i]);
            clusters = Math.max(clusters, labels[i] + 1);
            noise += labels[i] < 0 ? 1 : 0;
        }
        String title = String.format(Locale.ROOT, "%d segments, %d clusters, %d noise", labels.length, clusters,
                noise);
        FigureExporter.writePng(file, MapRenderer.figure(map, colours, title, projection + " 1", projection + " 2", 1000,
                900, 1), 96);
        return file;
    }

    private static Path writeMatrix(Path file, float[][] rows) throws IOException {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        NpyWriter.writeFloat32(file, flat, n, d);
        return file;
    }
}
