package org.echoic.ui.label;

import org.echoic.ui.charts.Charts;
import org.echoic.ui.lanes.Lane;
import org.echoic.ui.lanes.TimelineModel;

import java.util.List;
import java.util.Locale;

import javafx.collections.MapChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.render.Viewport;
import org.echoic.segment.Annotation;
import org.echoic.service.OpenRecording;

/**
 * The annotation lane of a labeller's output on the shown recording: each labelled segment a box in its class's
 * colour with the label (and, when there is room, the confidence) inside; the lane's name at the right. Empty (with a
 * hint) until a labeller was applied to the recording. JavaFX thread only.
 */
public final class LabelLane extends Region implements Lane {
    private static final Color BACKGROUND = Color.rgb(0x22, 0x25, 0x2C);
    private static final Color TEXT = Color.rgb(230, 233, 240);
    private static final Font FONT = Font.font(10);

    private final TimelineModel timeline;
    private final LabelResults results;
    private final Canvas canvas = new Canvas();

    public LabelLane(TimelineModel timeline, LabelResults results) {
        this.timeline = timeline;
        this.results = results;
        setId("labelLane");
        getChildren().add(canvas);
        setMinHeight(24);
        setPrefHeight(30);
        setMaxHeight(30);
        widthProperty().addListener((o, a, b) -> repaint());
        heightProperty().addListener((o, a, b) -> repaint());
        results.byRecording().addListener((MapChangeListener<Object, Object>) c -> repaint());
    }

    @Override
    public Region node() {
        return this;
    }

    /** The labels shown now (the shown recording's), or an empty list. */
    public List<Annotation> shown() {
        LabelResults.Labelled l = current();
        return l == null ? List.of() : l.segments();
    }

    private LabelResults.Labelled current() {
        OpenRecording r = timeline.recordingProperty().get();
        return r == null ? null : results.of(r.recording().path());
    }

    @Override
    public void repaint() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        LabelResults.Labelled l = current();
        if (l == null) {
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("labels: none (Labelling ▸ Apply)", w - 4, h / 2);
            return;
        }
        double rate = timeline.sampleRateHz();
        Viewport vp = timeline.viewport().withWidth((int) w);
        g.setTextAlign(TextAlignment.LEFT);
        for (Annotation a : l.segments()) {
            double x0 = vp.frameToX(a.startSeconds() * rate);
            double x1 = Math.max(x0 + 1, vp.frameToX(a.endSeconds() * rate));
            if (x1 < 0 || x0 > w) {
                continue;
            }
            Color c = Charts.color(Math.max(0, l.classes().indexOf(a.label())));
            g.setFill(c.deriveColor(0, 1, 1, 0.75));
            g.fillRect(x0, 3, x1 - x0, h - 6);
            if (x1 - x0 > 10) {
                String conf = a.attributes().get("confidence");
                String text = conf != null && x1 - x0 > 60
                        ? a.label() + String.format(Locale.ROOT, " %.0f%%", 100 * Double.parseDouble(conf)) : a.label();
                g.setFill(TEXT);
                g.fillText(text, Math.max(2, x0 + 3), h / 2, x1 - x0 - 6);
            }
        }
        g.setFill(BACKGROUND);
        g.fillRect(w - 44, h / 2 - 7, 44, 14);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("labels", w - 4, h / 2);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }
}
