package org.echoic.ui.map;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

import org.echoic.dsp.ColorMap;
import org.echoic.service.CallTypeMap;
import org.echoic.service.SegmentEmbeddings;

/**
 * The hovered segment beside the map: its time-normalised log-mel spectrogram (low bands at the bottom, viridis)
 * and where it comes from, its cluster and label. JavaFX thread only.
 */
final class MapPreview extends VBox {
    private static final int SIZE = 192;
    private final ImageView image = new ImageView();
    private final Label text = new Label("Hover over a point");

    MapPreview() {
        super(6);
        setId("mapPreview");
        setStyle("-fx-padding: 6");
        setPrefWidth(SIZE + 12);
        image.setFitWidth(SIZE);
        image.setFitHeight(SIZE);
        image.setSmooth(false);
        text.setWrapText(true);
        text.setMaxWidth(SIZE);
        getChildren().addAll(image, text);
    }

    /** Shows segment {@code i} of {@code map} (nothing for −1). */
    void show(CallTypeMap map, List<String> labels, int i) {
        if (map == null || i < 0) {
            return;
        }
        image.setImage(thumbnail(map.thumbnails()[i]));
        text.setText(describe(map, labels, i));
    }

    /** "name 1.234–1.300 s, cluster 2, label 'a'". */
    static String describe(CallTypeMap map, List<String> labels, int i) {
        SegmentEmbeddings.Item it = map.items().get(i);
        Path p = it.source().recording().path();
        int c = map.clusters()[i];
        String label = labels.get(i);
        return String.format(Locale.ROOT, "%s %.3f–%.3f s, %s%s", p.getFileName(), it.onsetSeconds(),
                it.offsetSeconds(), c < 0 ? "noise" : "cluster " + c, label.isEmpty() ? "" : ", label '" + label + "'");
    }

    private static WritableImage thumbnail(float[] values) {
        int w = CallTypeMap.THUMB_COLUMNS;
        int h = CallTypeMap.THUMB_BANDS;
        int[] argb = new int[w * h];
        for (int b = 0; b < h; b++) {
            for (int t = 0; t < w; t++) {
                argb[(h - 1 - b) * w + t] = ColorMap.VIRIDIS.argb(values[b * w + t]);
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
