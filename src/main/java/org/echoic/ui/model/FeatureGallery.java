package org.echoic.ui.model;

import org.echoic.ui.charts.ColorBar;
import org.echoic.ui.common.ArgbImages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.echoic.dsp.ColorMap;
import org.echoic.render.TemplateGalleryRenderer;
import org.echoic.service.InspectedSegment;
import org.echoic.service.InspectionService;
import org.echoic.train.ModelInspector;

/**
 * The learned-features gallery of the Model tab: every hidden unit's spectral template W[:, j] in a grid, sorted
 * by weight norm, mean activation or selectivity (the last two need the unit statistics over the segments);
 * clicking a unit lists the segments and frames that drive it most, and choosing one of those plays it.
 * JavaFX thread only.
 */
public final class FeatureGallery extends VBox {
    /** How the gallery is sorted. */
    enum SortKey {
        WEIGHT_NORM("weight norm"), MEAN_ACTIVATION("mean activation"), SELECTIVITY("selectivity"), UNIT("unit number");

        private final String label;

        SortKey(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A row of the drivers list: a segment (frame = its most active frame) or one frame. */
    public record Driver(InspectedSegment segment, int frame, float activation, boolean wholeSegment) {
        @Override
        public String toString() {
            return wholeSegment
                    ? String.format(Locale.ROOT, "segment %s · mean %.3f", segment.name(), activation)
                    : String.format(Locale.ROOT, "frame %d of %s · %.3f", frame, segment.name(), activation);
        }
    }

    static final TemplateGalleryRenderer RENDERER = new TemplateGalleryRenderer(30, 64, 4);

    private final ChoiceBox<SortKey> sort = new ChoiceBox<>(FXCollections.observableArrayList(SortKey.values()));
    private final ImageView image = new ImageView();
    private final ScrollPane scroll = new ScrollPane(image);
    private final Label unitLabel = new Label("Click a unit to list what drives it");
    private final Label key = new Label();
    private final ColorBar weightBar = new ColorBar("w / largest |w| of its tile");
    private final ListView<Driver> drivers = new ListView<>();
    private final IntConsumer onUnit;
    private InspectionService.InspectedModel model;
    private InspectionService.UnitReport report;
    private int[] order = new int[0];
    private int selected = -1;
    private int paintedWidth;

    FeatureGallery(IntConsumer onUnit, Consumer<Driver> onDriver) {
        super(6);
        this.onUnit = onUnit;
        setId("featureGallery");
        sort.setId("gallerySort");
        sort.setValue(SortKey.WEIGHT_NORM);
        sort.valueProperty().addListener((o, a, b) -> repaint());
        image.setId("templateGallery");
        scroll.setPrefHeight(260);
        scroll.widthProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - paintedWidth) >= 1) {
                repaint();
            }
        });
        image.setOnMouseClicked(e -> {
            int i = RENDERER.cellAt(e.getX(), e.getY(), order.length, (int) image.getImage().getWidth());
            if (i >= 0) {
                selectUnit(order[i]);
            }
        });
        drivers.setId("unitDrivers");
        drivers.setPrefHeight(150);
        drivers.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Driver d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.toString());
            }
        });
        drivers.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                onDriver.accept(d);
            }
        });
        key.setId("galleryKey");
        key.setWrapText(true);
        key.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        weightBar.show(ColorMap.VIRIDIS, -1, 1);
        weightBar.setPrefHeight(120);
        HBox.setHgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(new HBox(6, new Label("Learned features, sorted by"), sort),
                new HBox(6, scroll, weightBar), key, unitLabel, drivers);
    }

    void show(InspectionService.InspectedModel m, InspectionService.UnitReport r) {
        boolean newModel = m != model;
        model = m;
        report = r != null && m != null && r.model() == m ? r : null;
        if (newModel && m != null && selected >= m.templates().length) {
            selected = -1;
        }
        repaint();
        fillDrivers();
    }

    /** Selects hidden unit {@code unit}: highlights it and lists its drivers. */
    public void selectUnit(int unit) {
        selected = unit;
        repaint();
        fillDrivers();
        onUnit.accept(unit);
    }

    int selectedUnit() {
        return selected;
    }

    /** The units in display order. */
    public int[] order() {
        return order.clone();
    }

    ChoiceBox<SortKey> sortChoice() {
        return sort;
    }

    public ListView<Driver> drivers() {
        return drivers;
    }

    private void repaint() {
        if (model == null) {
            image.setImage(null);
            return;
        }
        order = sorted(model, report, sort.getValue());
        var frames = model.frames();
        key.setText(String.format(java.util.Locale.ROOT, "Each tile: one hidden unit's weights W[:, j] over the %d "
                + "values of a frame, frequency upwards%s; colour: the weight scaled to the tile's largest |w| "
                + "(middle colour = 0); grey line: 0; white: the weight profile. Largest %s first.",
                model.templates().length == 0 ? 0 : model.templates()[0].length, frames == null ? ""
                        : String.format(java.util.Locale.ROOT, " (%.0f Hz to %s)", frames.minHz(),
                        Double.isInfinite(frames.maxHz()) ? "Nyquist" : String.format(java.util.Locale.ROOT, "%.0f Hz",
                                frames.maxHz())), sort.getValue()));
        int width = (int) Math.max(RENDERER.cellWidth() + 2 * RENDERER.gap(), scroll.getWidth() - 18);
        paintedWidth = (int) scroll.getWidth();
        int[] argb = RENDERER.paint(model.templates(), order, selected, ColorMap.VIRIDIS, width);
        image.setImage(ArgbImages.of(argb, width, RENDERER.height(order.length, width)));
    }

    /** Unit numbers sorted by {@code key}, largest first (falls back to the norm without statistics). */
    static int[] sorted(InspectionService.InspectedModel m, InspectionService.UnitReport r, SortKey key) {
        int h = m.templates().length;
        List<Integer> units = new ArrayList<>();
        for (int j = 0; j < h; j++) {
            units.add(j);
        }
        Comparator<Integer> by = switch (key == null ? SortKey.WEIGHT_NORM : key) {
            case UNIT -> Comparator.naturalOrder();
            case MEAN_ACTIVATION -> r == null ? byNorm(m)
                    : Comparator.comparingDouble((Integer j) -> -r.statistics().get(j).meanActivation());
            case SELECTIVITY -> r == null ? byNorm(m)
                    : Comparator.comparingDouble((Integer j) -> -r.statistics().get(j).selectivity());
            case WEIGHT_NORM -> byNorm(m);
        };
        return units.stream().sorted(by).mapToInt(Integer::intValue).toArray();
    }

    private static Comparator<Integer> byNorm(InspectionService.InspectedModel m) {
        return Comparator.comparingDouble((Integer j) -> -m.norms()[j]);
    }

    private void fillDrivers() {
        drivers.getItems().clear();
        if (model == null || selected < 0) {
            unitLabel.setText("Click a unit to list what drives it");
            return;
        }
        String norm = String.format(Locale.ROOT, "Unit %d · |w| %.3g", selected, model.norms()[selected]);
        if (report == null) {
            unitLabel.setText(norm + " · statistics need segments (open a recording with a segment table)");
            return;
        }
        ModelInspector.UnitStatistics u = report.statistics().get(selected);
        unitLabel.setText(String.format(Locale.ROOT, "%s · mean %.3f · max %.3f · selectivity %.3f", norm,
                u.meanActivation(), u.maxActivation(), u.selectivity()));
        List<InspectedSegment> segs = report.segments();
        for (ModelInspector.Hit hit : u.topSegments()) {
            drivers.getItems().add(new Driver(segs.get(hit.sequence()), hit.frame(), hit.activation(), true));
        }
        for (ModelInspector.Hit hit : u.topFrames()) {
            drivers.getItems().add(new Driver(segs.get(hit.sequence()), hit.frame(), hit.activation(), false));
        }
    }
}
