package org.echoic.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.echoic.dsp.ColorMap;
import org.echoic.render.MapRenderer;
import org.echoic.service.CallTypeMap;
import org.echoic.service.SegmentEmbeddings;

/** How the Map tab colours its points. Stateless. */
final class MapColours {
    /** The colourings offered. */
    enum By {
        CLUSTER("Cluster"), LABEL("Label"), RECORDING("Recording"), TIME("Time in recording"),
        HIDDEN_UNIT("RNN-RBM hidden unit");

        private final String text;

        By(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** At most this many categories get their own legend entry; the rest are counted in one more entry. */
    static final int MAX_LEGEND_ENTRIES = 40;

    /** One entry of a categorical legend: what it names, its ARGB colour, how many segments have it. */
    record Entry(String name, int argb, int count) {
    }

    /**
     * The colour key of a colouring: either categories ({@code entries}, most common first, grey last) or a
     * continuous scale ({@code title} over {@code [lower, upper]}, viridis; {@code entries} empty).
     */
    record Legend(List<Entry> entries, String title, double lower, double upper) {
        boolean continuous() {
            return title != null;
        }
    }

    private MapColours() {
    }

    /** The key to {@link #of}{@code (map, labels, by, unit)}. */
    static Legend legend(CallTypeMap map, List<String> labels, By by, int unit) {
        int n = map.items().size();
        return switch (by) {
            case CLUSTER -> {
                List<String> names = new ArrayList<>();
                int[] cats = new int[n];
                for (int i = 0; i < n; i++) {
                    cats[i] = map.clusters()[i];
                }
                for (int c = 0; c < map.clusterCount(); c++) {
                    names.add("c" + c);
                }
                yield categorical(cats, names, "noise");
            }
            case LABEL -> {
                Map<String, Integer> index = categories(labels);
                int[] cats = new int[n];
                for (int i = 0; i < n; i++) {
                    cats[i] = index.getOrDefault(labels.get(i), -1);
                }
                yield categorical(cats, new ArrayList<>(index.keySet()), "no label");
            }
            case RECORDING -> {
                List<String> ids = new ArrayList<>();
                List<String> names = new ArrayList<>();
                int[] cats = new int[n];
                for (int i = 0; i < n; i++) {
                    SegmentEmbeddings.Item it = map.items().get(i);
                    String id = it.source().id();
                    if (!ids.contains(id)) {
                        ids.add(id);
                        names.add(it.source().recording().path().getFileName().toString());
                    }
                    cats[i] = ids.indexOf(id);
                }
                yield categorical(cats, names, "");
            }
            case TIME -> new Legend(List.of(), "Time in recording (fraction of its length)", 0, 1);
            case HIDDEN_UNIT -> {
                int u = Math.max(0, Math.min(unit, map.embeddings()[0].length - 1));
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (float[] e : map.embeddings()) {
                    lo = Math.min(lo, e[u]);
                    hi = Math.max(hi, e[u]);
                }
                yield new Legend(List.of(), "Hidden unit " + u + " (mean p(h | v))", lo, hi);
            }
        };
    }

    /** Entries of categories {@code 0…names-1} by count (ties by index), then the negative ones as {@code grey}. */
    private static Legend categorical(int[] cats, List<String> names, String grey) {
        int[] counts = new int[names.size()];
        int none = 0;
        for (int c : cats) {
            if (c >= 0 && c < counts.length) {
                counts[c]++;
            } else {
                none++;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            order.add(c);
        }
        order.sort((a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        List<Entry> entries = new ArrayList<>();
        int rest = 0;
        int restCount = 0;
        for (int k = 0; k < order.size(); k++) {
            int c = order.get(k);
            if (k < MAX_LEGEND_ENTRIES) {
                entries.add(new Entry(names.get(c), MapRenderer.colour(c), counts[c]));
            } else {
                rest++;
                restCount += counts[c];
            }
        }
        if (rest > 0) {
            entries.add(new Entry(rest + " more", 0xFFFFFFFF, restCount));
        }
        if (none > 0) {
            entries.add(new Entry(grey, MapRenderer.GREY, none));
        }
        return new Legend(entries, null, 0, 0);
    }

    /**
     * One ARGB colour per segment.
     *
     * @param labels the segments' current labels
     * @param unit   the embedding dimension for {@link By#HIDDEN_UNIT}
     */
    static int[] of(CallTypeMap map, List<String> labels, By by, int unit) {
        int n = map.items().size();
        int[] out = new int[n];
        switch (by) {
            case CLUSTER -> {
                for (int i = 0; i < n; i++) {
                    out[i] = MapRenderer.colour(map.clusters()[i]);
                }
            }
            case LABEL -> {
                Map<String, Integer> index = categories(labels);
                for (int i = 0; i < n; i++) {
                    out[i] = MapRenderer.colour(index.getOrDefault(labels.get(i), -1));
                }
            }
            case RECORDING -> {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String id = map.items().get(i).source().id();
                    if (!names.contains(id)) {
                        names.add(id);
                    }
                    out[i] = MapRenderer.colour(names.indexOf(id));
                }
            }
            case TIME -> {
                for (int i = 0; i < n; i++) {
                    SegmentEmbeddings.Item it = map.items().get(i);
                    double duration = it.source().recording().durationSeconds();
                    out[i] = ColorMap.VIRIDIS.argb(duration > 0 ? it.onsetSeconds() / duration : 0);
                }
            }
            case HIDDEN_UNIT -> {
                int u = Math.max(0, Math.min(unit, map.embeddings()[0].length - 1));
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (float[] e : map.embeddings()) {
                    lo = Math.min(lo, e[u]);
                    hi = Math.max(hi, e[u]);
                }
                for (int i = 0; i < n; i++) {
                    out[i] = ColorMap.VIRIDIS.argb(hi > lo ? (map.embeddings()[i][u] - lo) / (hi - lo) : 0);
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    /** Non-empty labels in sorted order, numbered from 0 (the empty label has none: grey). */
    static Map<String, Integer> categories(List<String> labels) {
        Map<String, Integer> index = new TreeMap<>();
        for (String l : labels) {
            if (!l.isEmpty()) {
                index.putIfAbsent(l, 0);
            }
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(k++);
        }
        return index;
    }
}
