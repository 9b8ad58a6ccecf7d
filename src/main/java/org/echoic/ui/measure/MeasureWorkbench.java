package org.echoic.ui.measure;

import javafx.scene.control.Tab;

import org.echoic.service.MeasurementService;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.lanes.Lane;
import org.echoic.ui.segmentation.SegmentationState;

/**
 * Puts measurements into the workbench: the Measurements tool tab, the F0 traces and the selection's values over the
 * spectrogram. JavaFX thread only.
 */
public final class MeasureWorkbench {
    private final MeasurementsPanel panel;

    private MeasureWorkbench(WorkbenchView view, SegmentationState segmentation) {
        MeasurementService service = new MeasurementService(view.service().executors());
        MeasurementExportActions exports = new MeasurementExportActions(service, view.statusBar()::setMessage);
        panel = new MeasurementsPanel(view.model(), segmentation, service, exports, () -> {
            for (Lane lane : view.laneStack().lanes()) {
                lane.repaint();
            }
        });
        view.spectrogramLane().addOverlay(new SelectionValuesLayer(panel::selectionMeasurements,
                view.model()::sampleRateHz));
        view.spectrogramLane().addOverlay(new PitchTraceLayer(panel::contours, view.model()::sampleRateHz));
        Tab tab = new Tab("Measurements", panel);
        tab.setClosable(false);
        view.addToolTab(tab);
    }

    /** Installs measurements into {@code view}, measuring the segments and references of {@code segmentation}. */
    public static MeasureWorkbench install(WorkbenchView view, SegmentationState segmentation) {
        return new MeasureWorkbench(view, segmentation);
    }

    public MeasurementsPanel panel() {
        return panel;
    }
}
