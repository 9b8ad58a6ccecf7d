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

    private MapColours() {
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
