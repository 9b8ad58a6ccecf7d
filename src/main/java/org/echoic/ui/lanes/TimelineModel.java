package org.echoic.ui.lanes;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.echoic.audio.Recording;
import org.echoic.render.Viewport;
import org.echoic.render.WaveformParams;
import org.echoic.service.OpenRecording;

/**
 * The state every lane of the workbench shares: the shown recording and channel, one {@link Viewport}, one
 * selection, the play head and the waveform's amplitude scale. Lanes observe it and repaint; input handlers change
 * it. JavaFX thread only.
 */
public final class TimelineModel {
    private final ObjectProperty<OpenRecording> recording = new SimpleObjectProperty<>(this, "recording");
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel", 0);
    private final ObjectProperty<Viewport> viewport =
            new SimpleObjectProperty<>(this, "viewport", Viewport.fitAll(1, 44_100, 800));
    private final ObjectProperty<TimeSelection> selection = new SimpleObjectProperty<>(this, "selection");
    /** Frame under the play head, or -1 when nothing plays. */
    private final DoubleProperty playheadFrame = new SimpleDoubleProperty(this, "playheadFrame", -1);
    private final ObjectProperty<WaveformParams> waveformParams =
            new SimpleObjectProperty<>(this, "waveformParams", WaveformParams.DEFAULT);

    public ObjectProperty<OpenRecording> recordingProperty() {
        return recording;
    }

    public IntegerProperty channelProperty() {
        return channel;
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public ObjectProperty<TimeSelection> selectionProperty() {
        return selection;
    }

    public DoubleProperty playheadFrameProperty() {
        return playheadFrame;
    }

    public ObjectProperty<WaveformParams> waveformParamsProperty() {
        return waveformParams;
    }

    public Viewport viewport() {
        return viewport.get();
    }

    /** Frames of the shown recording (0 when none). */
    public long totalFrames() {
        OpenRecording r = recording.get();
        return r == null ? 0 : r.recording().frames();
    }

    /** Sample rate of the shown recording (44.1 kHz when none, so that axes stay defined). */
    public double sampleRateHz() {
        OpenRecording r = recording.get();
        return r == null ? 44_100 : r.recording().sampleRateHz();
    }

    /** Shows {@code r} whole, on its default channel, with no selection. */
    public void show(OpenRecording r) {
        selection.set(null);
        playheadFrame.set(-1);
        recording.set(r);
        if (r != null) {
            Recording rec = r.recording();
            channel.set(r.defaultChannel());
            viewport.set(Viewport.fitAll(rec.frames(), rec.sampleRateHz(), viewport.get().widthPx()));
        }
    }

    /** Sets the viewport, kept within the recording. */
    public void setViewport(Viewport v) {
        viewport.set(v.clampTo(Math.max(1, totalFrames())));
    }

    public void zoomAround(double factor, double anchorX) {
        setViewport(viewport().zoomAround(factor, anchorX));
    }

    public void fitAll() {
        setViewport(Viewport.fitAll(totalFrames(), sampleRateHz(), viewport().widthPx())
                .withFrequencyRange(viewport().minHz(), viewport().maxHz(), viewport().frequencyScale()));
    }

    /**
     * The lanes are {@code widthPx} wide now: a view of the whole recording stays whole, any other keeps its start
     * and scale; one viewport change either way.
     */
    public void resize(int widthPx) {
        Viewport vp = viewport();
        boolean fitted = vp.startFrame() <= 0 && vp.endFrame() >= totalFrames();
        setViewport(fitted ? Viewport.fitAll(totalFrames(), sampleRateHz(), widthPx)
                .withFrequencyRange(vp.minHz(), vp.maxHz(), vp.frequencyScale()) : vp.withWidth(widthPx));
    }

    /** Zooms to the selection; does nothing without one. */
    public void zoomToSelection() {
        TimeSelection s = selection.get();
        if (s != null) {
            setViewport(viewport().showRange(s.startFrame(), s.endFrame()));
        }
    }

    /** Scrolls by {@code pages} screen widths (negative: back). */
    public void scrollPages(double pages) {
        setViewport(viewport().withStartFrame(viewport().startFrame() + pages * viewport().visibleFrames()));
    }

    /** The frame range to play: the selection, or the visible part of the recording. */
    public TimeSelection playRange() {
        TimeSelection s = selection.get();
        if (s != null) {
            return s;
        }
        long start = Math.max(0, (long) Math.floor(viewport().startFrame()));
        long end = Math.min(totalFrames(), (long) Math.ceil(viewport().endFrame()));
        return TimeSelection.between(start, Math.max(start + 1, end));
    }
}
