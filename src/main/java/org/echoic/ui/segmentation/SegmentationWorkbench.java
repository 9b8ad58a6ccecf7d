package org.echoic.ui.segmentation;

import org.echoic.ui.WorkbenchView;
import org.echoic.ui.lanes.Lane;
import org.echoic.ui.lanes.TimeSelection;
import org.echoic.ui.lanes.TimelineModel;
import org.echoic.ui.lanes.WaveformLane;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.echoic.render.Viewport;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.OpenRecording;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSnapshot;

/**
 * Puts live segmentation into the workbench: the segment overlay on the waveform and spectrogram lanes, the
 * envelope, segment and reference lanes, the "Segmentation" (tuning, references, auto-tune, exports) and "Segments"
 * (table, corrections) tabs; selecting a segment scrolls the views to it and plays it; N and P select the next and
 * previous segment. JavaFX thread only.
 */
public final class SegmentationWorkbench {
    private final WorkbenchView view;
    private final SegmentationState state;
    private final SegmentsTable table;
    private final AgreementPanel agreement;
    private final SegmentExportActions exports;

    private SegmentationWorkbench(WorkbenchView view, SegmentationService service) {
        this.view = view;
        this.state = new SegmentationState(service, view.model());
        SegmentOverlayLayer overlay = new SegmentOverlayLayer(state);
        for (Lane lane : view.laneStack().lanes()) {
            if (lane instanceof WaveformLane w) {
                w.addOverlay(overlay);
            }
        }
        view.spectrogramLane().addOverlay(overlay);
        view.laneStack().addLane(new EnvelopeLane(state));
        view.laneStack().addLane(new SegmentLane(state));
        view.laneStack().addLane(new ReferenceLane(state));
        agreement = new AgreementPanel(state, view.statusBar()::setMessage);
        exports = new SegmentExportActions(state, view.service().executors(), view.statusBar()::setMessage);
        exports.setSpectrogramSettings(() -> view.spectrogramLane().settingsProperty().get().stft());
        SegmentationPanel panel = new SegmentationPanel(state, agreement, exports);
        table = new SegmentsTable(state);
        Tab tuning = new Tab("Segmentation", panel);
        Tab segments = new Tab("Segments", table);
        tuning.setClosable(false);
        segments.setClosable(false);
        view.addToolTab(tuning);
        view.addToolTab(segments);
        if (view.getCenter() instanceof javafx.scene.control.SplitPane split && split.getItems().size() == 3) {
            split.setDividerPositions(0.15, 0.68);
        }
        state.snapshotProperty().addListener((o, a, b) -> repaintLanes());
        state.selectedIndexProperty().addListener((o, a, b) -> {
            repaintLanes();
            if (b.intValue() >= 0) {
                showAndPlay(b.intValue());
            }
        });
        view.recordingList().getItems().addListener((ListChangeListener<OpenRecording>) c ->
                service.retain(List.copyOf(view.recordingList().getItems())));
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Installs segmentation into {@code view}, backed by {@code service}. */
    public static SegmentationWorkbench install(WorkbenchView view, SegmentationService service) {
        return new SegmentationWorkbench(view, service);
    }

    public SegmentationState state() {
        return state;
    }

    public SegmentsTable table() {
        return table;
    }

    public AgreementPanel agreement() {
        return agreement;
    }

    public SegmentExportActions exports() {
        return exports;
    }

    private void repaintLanes() {
        for (Lane lane : view.laneStack().lanes()) {
            lane.repaint();
        }
    }

    /** Scrolls the views so that segment {@code index} is visible, selects its time range and plays it. */
    private void showAndPlay(int index) {
        SegmentationSnapshot s = state.snapshot();
        if (s == null || index >= s.segments().size()) {
            return;
        }
        Segment seg = s.segments().get(index).segment();
        TimelineModel m = view.model();
        Viewport vp = m.viewport();
        if (seg.startFrame() < vp.startFrame() || seg.endFrame() > vp.endFrame()) {
            if (seg.lengthFrames() * 1.2 > vp.visibleFrames()) {
                long margin = seg.lengthFrames() / 10;
                m.setViewport(vp.showRange(Math.max(0, seg.startFrame() - margin), seg.endFrame() + margin));
            } else {
                m.setViewport(vp.withStartFrame((seg.startFrame() + seg.endFrame()) / 2.0 - vp.visibleFrames() / 2));
            }
        }
        m.selectionProperty().set(TimeSelection.between(seg.startFrame(), seg.endFrame()));
        view.playSelection();
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()
                || e.getCode() != KeyCode.N && e.getCode() != KeyCode.P) {
            return;
        }
        step(e.getCode() == KeyCode.N ? 1 : -1);
        e.consume();
    }

    /** Selects the next ({@code +1}) or previous ({@code -1}) segment; without a selection, the first after the view start. */
    void step(int direction) {
        SegmentationSnapshot s = state.snapshot();
        if (s == null || s.segments().isEmpty()) {
            return;
        }
        int i = state.selectedIndexProperty().get();
        if (i < 0) {
            List<SegmentEdits.Item> items = s.segments();
            double start = view.model().viewport().startFrame();
            i = 0;
            while (i < items.size() - 1 && items.get(i).segment().startFrame() < start) {
                i++;
            }
            state.selectedIndexProperty().set(i);
            return;
        }
        state.selectedIndexProperty().set(Math.max(0, Math.min(s.segments().size() - 1, i + direction)));
    }
}
