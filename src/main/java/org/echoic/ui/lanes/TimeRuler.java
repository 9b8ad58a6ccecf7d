package org.echoic.ui.lanes;

import org.echoic.ui.common.TimeFormat;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.render.Viewport;

/**
 * The time axis above the lanes: ticks at round steps chosen from the zoom (labels at least ~100 px apart),
 * labelled as compactly as the recording allows ({@link TimeFormat#tick}: seconds, m:ss or h:mm:ss). JavaFX thread only.
 */
public final class TimeRuler extends Region {
    private static final double MIN_LABEL_SPACING_PX = 100;
    private static final Font FONT = Font.font(10);

    private final TimelineModel model;
    private final Canvas canvas = new Canvas();

    public TimeRuler(TimelineModel model) {
        this.model = model;
        setId("timeRuler");
        getChildren().add(canvas);
        setMinHeight(24);
        setPrefHeight(24);
        setMaxHeight(24);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            repaint();
        }
    }

    public void repaint() {
        double width = getWidth();
        double height = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.rgb(0x25, 0x28, 0x30));
        g.fillRect(0, 0, width, height);
        if (model.recordingProperty().get() == null || width < 1) {
            return;
        }
        Viewport vp = model.viewport().withWidth((int) Math.max(1, width));
        double rate = model.sampleRateHz();
        double step = TimeFormat.tickStepSeconds(MIN_LABEL_SPACING_PX * vp.framesPerPixel() / rate);
        double minor = step / 5;
        double firstSeconds = Math.max(0, vp.startFrame() / rate);
        double endSeconds = Math.min(model.totalFrames(), vp.endFrame()) / rate;
        double totalSeconds = model.totalFrames() / rate;
        g.setStroke(Color.rgb(130, 136, 150));
        g.setLineWidth(1);
        for (long i = (long) Math.ceil(firstSeconds / minor); i * minor <= endSeconds; i++) {
            double x = Math.floor(vp.frameToX(i * minor * rate)) + 0.5;
            g.strokeLine(x, height - (i % 5 == 0 ? 9 : 4), x, height);
        }
        g.setFill(Color.rgb(214, 218, 228));
        g.setFont(FONT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (long i = (long) Math.ceil(firstSeconds / step); i * step <= endSeconds; i++) {
            double x = vp.frameToX(i * step * rate);
            String label = TimeFormat.tick(i * step, step, totalSeconds);
            g.fillText(i == 0 && totalSeconds < 60 ? label + " s" : label, x + 2, 2);
        }
    }
}
