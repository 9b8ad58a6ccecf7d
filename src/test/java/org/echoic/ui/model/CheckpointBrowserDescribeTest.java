package org.echoic.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.echoic.service.InspectionService;
import org.junit.jupiter.api.Test;

/** The checkpoint list names the best validation epoch and whether the listed weights are its. */
class CheckpointBrowserDescribeTest {
    @Test
    void aRunStoppedEarlyShowsItsBestEpoch() {
        InspectionService.CheckpointInfo run = new InspectionService.CheckpointInfo(Path.of("/runs/jsb"), 14, 88, 150,
                100, -0.06, -0.05, "data", 0, 8, true);
        assertEquals("jsb · epoch 14 · best epoch 8 (these weights) · cost -0.06000 · val -0.05000 · 88/150/100",
                CheckpointBrowser.describe(run));
        InspectionService.CheckpointInfo snapshot = new InspectionService.CheckpointInfo(Path.of("/runs/jsb/e3"), 3,
                88, 150, 100, -0.06, Double.NaN, "data", 0, 0, false);
        assertFalse(CheckpointBrowser.describe(snapshot).contains("best"));
    }
}
