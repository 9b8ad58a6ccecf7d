package org.echoic.ui.label;

import org.echoic.ui.WorkbenchView;
import org.echoic.ui.segmentation.SegmentationState;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Tab;

import org.echoic.project.ProjectRecording;
import org.echoic.service.ProjectService;
import org.echoic.service.TrainingService;

/**
 * Puts learned labelling into the workbench: the Labelling view in the centre tabs and the label lane under the
 * other lanes, on the workbench's training service and the shown recording's segmentation. JavaFX thread only.
 */
public final class LabelWorkbench {
    private final LabelView view;
    private final LabelLane lane;
    private final LabelResults results = new LabelResults();
    private final Tab tab;

    private LabelWorkbench(WorkbenchView workbench, TrainingService training, ProjectService projects,
                           SegmentationState segmentation) {
        lane = new LabelLane(workbench.model(), results);
        workbench.laneStack().addLane(lane);
        view = new LabelView(training, workbench.service().executors().io(), workbench.model(), segmentation,
                workbench.recordingList().getItems(), p -> LabelView.tableOf(p, projectTables(projects, p)), results);
        tab = new Tab("Labelling", view);
        tab.setClosable(false);
        tab.setId("labellingTab");
        workbench.addViewTab(tab, 2);
    }

    private static List<Path> projectTables(ProjectService projects, Path recording) {
        return projects == null ? List.of() : projects.project().recording(recording)
                .map(ProjectRecording::annotationFiles).orElse(List.of());
    }

    /**
     * Installs the view and lane into {@code workbench}.
     *
     * @param projects the project (its recordings' annotation files come first), or null
     */
    public static LabelWorkbench install(WorkbenchView workbench, TrainingService training, ProjectService projects,
                                         SegmentationState segmentation) {
        return new LabelWorkbench(workbench, training, projects, segmentation);
    }

    public LabelView view() {
        return view;
    }

    public LabelLane lane() {
        return lane;
    }

    public LabelResults results() {
        return results;
    }

    public Tab tab() {
        return tab;
    }

    /** Stops the view's timer. */
    public void dispose() {
        view.dispose();
    }
}
