package org.echoic.ui.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusSegment;
import org.echoic.dsp.ColorMap;
import org.echoic.generate.GeneratedSequence;
import org.echoic.render.FramesImage;
import org.echoic.service.GeneratedItem;

/**
 * Generated sequences (left column, "A") beside real segments of the corpus (right column, "B"), each as its
 * model frames painted with the same colour map and scale ({@link FramesImage}; a primer's end is a white
 * line), at its true relative width (one number of frames per pixel for every tile: the longest fills its column)
 * and named by recording, segment number, label and duration. Clicking a picture selects it as A or B. JavaFX
 * thread only.
 */
final class GenerationGallery extends GridPane {
    /** Real segments shown at most. */
    static final int MAX_REAL = 12;
    private static final int IMAGE_WIDTH = 240;
    private static final int IMAGE_HEIGHT = 64;
    private static final String SELECTED = "-fx-border-color: #f0a030; -fx-border-width: 2;";
    private static final String UNSELECTED = "-fx-border-color: transparent; -fx-border-width: 2;";

    private final ObjectProperty<GeneratedItem> selectedGenerated = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> selectedReal = new SimpleObjectProperty<>();
    private final List<VBox> generatedCells = new ArrayList<>();
    private final List<VBox> realCells = new ArrayList<>();
    private ColorMap colors = ColorMap.VIRIDIS;
    private List<GeneratedItem> items = List.of();
    private Corpus corpus;

    GenerationGallery() {
        setId("generationGallery");
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(4, 0, 4, 0));
        selectedGenerated.addListener((o, x, y) -> highlight());
        selectedReal.addListener((o, x, y) -> highlight());
        layoutCells();
    }

    /** The generated sequence chosen as A. */
    ObjectProperty<GeneratedItem> selectedGeneratedProperty() {
        return selectedGenerated;
    }

    /** Index (in the corpus) of the real segment chosen as B. */
    ObjectProperty<Integer> selectedRealProperty() {
        return selectedReal;
    }

    List<GeneratedItem> items() {
        return items;
    }

    Corpus corpus() {
        return corpus;
    }

    ColorMap colors() {
        return colors;
    }

    void setColors(ColorMap c) {
        colors = c;
        setGenerated(items);
        setReal(corpus);
    }

    void setGenerated(List<GeneratedItem> newItems) {
        items = List.copyOf(newItems);
        generatedCells.clear();
        for (GeneratedItem it : items) {
            GeneratedSequence s = it.sequence();
            String text = it.name() + (it.audio() == null ? "" : String.format(Locale.ROOT, " · %.2f s · %d seg.",
                    it.audio().durationSeconds(), it.segments().size()));
            VBox cell = cell(s.frames(), s.primedFrames(), text, "generated-" + it.sequence().index());
            cell.setOnMouseClicked(e -> selectedGenerated.set(it));
            Tooltip.install(cell, new Tooltip(s.primedFrames() > 0 ? s.primedFrames()
                    + " primed frames (before the white line), then " + s.generatedFrames() + " generated"
                    : s.generatedFrames() + " generated frames from zero state"));
            generatedCells.add(cell);
        }
        selectedGenerated.set(items.isEmpty() ? null : items.get(0));
        layoutCells();
    }

    void setReal(Corpus c) {
        corpus = c;
        realCells.clear();
        if (c != null) {
            List<float[][]> seqs = c.dataset().sequences();
            for (int i = 0; i < Math.min(MAX_REAL, seqs.size()); i++) {
                CorpusSegment seg = c.segments().get(i);
                int index = i;
                String label = seg.label() == null || seg.label().isBlank() ? "" : " " + seg.label();
                VBox cell = cell(seqs.get(i), 0, String.format(Locale.ROOT, "%s #%d%s · %.3f s",
                        shortName(seg.recording()), seg.index(), label, seg.durationSeconds()), "real-" + i);
                cell.setOnMouseClicked(e -> selectedReal.set(index));
                realCells.add(cell);
            }
        }
        selectedReal.set(realCells.isEmpty() ? null : 0);
        layoutCells();
    }

    /** The file name of a corpus named by a path, else its name. */
    private static String shortName(String origin) {
        int slash = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
        return slash >= 0 && slash < origin.length() - 1 ? origin.substring(slash + 1) : origin;
    }

    private void layoutCells() {
        getChildren().clear();
        Label a = new Label("Generated (A)");
        Label b = new Label(corpus == null ? "Real (B): open a recording" : "Real (B): " + shortName(corpus.dataset().origin())
                + (corpus.dataset().size() > MAX_REAL ? " (" + MAX_REAL + " of " + corpus.dataset().size() + " shown)"
                : ""));
        a.getStyleClass().add("heading");
        b.getStyleClass().add("heading");
        add(a, 0, 0);
        add(b, 1, 0);
        for (int i = 0; i < generatedCells.size(); i++) {
            add(generatedCells.get(i), 0, i + 1);
        }
        for (int i = 0; i < realCells.size(); i++) {
            add(realCells.get(i), 1, i + 1);
        }
        int longest = 1;
        for (VBox c : allCells()) {
            longest = Math.max(longest, (Integer) c.getUserData());
        }
        for (VBox c : allCells()) {
            ImageView view = (ImageView) c.getChildren().get(0);
            view.fitWidthProperty().bind(widthProperty().divide(2).subtract(10)
                    .multiply((Integer) c.getUserData() / (double) longest));
        }
        highlight();
    }

    private List<VBox> allCells() {
        List<VBox> all = new ArrayList<>(generatedCells);
        all.addAll(realCells);
        return all;
    }

    /** The width in pixels a tile is shown at (proportional to its number of frames). */
    double tileWidth(VBox cell) {
        return ((ImageView) cell.getChildren().get(0)).getFitWidth();
    }

    private void highlight() {
        for (int i = 0; i < generatedCells.size(); i++) {
            generatedCells.get(i).setStyle(items.get(i) == selectedGenerated.get() ? SELECTED : UNSELECTED);
        }
        for (int i = 0; i < realCells.size(); i++) {
            Integer sel = selectedReal.get();
            realCells.get(i).setStyle(sel != null && sel == i ? SELECTED : UNSELECTED);
        }
    }

    private VBox cell(float[][] frames, int primed, String text, String id) {
        ImageView view = new ImageView(image(frames, primed));
        view.setPreserveRatio(false);
        view.setSmooth(false);
        view.setFitHeight(IMAGE_HEIGHT);
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 10px;");
        label.setMinWidth(0);
        label.setTooltip(new Tooltip(text));
        VBox cell = new VBox(1, view, label);
        cell.setId(id);
        cell.setUserData(Math.max(1, frames.length));
        return cell;
    }

    private WritableImage image(float[][] frames, int primed) {
        int w = Math.max(1, Math.min(IMAGE_WIDTH, frames.length));
        int[] argb = FramesImage.paint(frames, primed, colors, w, IMAGE_HEIGHT);
        WritableImage img = new WritableImage(w, IMAGE_HEIGHT);
        img.getPixelWriter().setPixels(0, 0, w, IMAGE_HEIGHT, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
