package org.echoic.ui.segmentation;

import org.echoic.ui.lanes.TimelineModel;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.util.Duration;

import org.echoic.segment.SegmentEdits;
import org.echoic.service.OpenRecording;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * The view-model the segmentation views share: the session of the shown recording, its latest
 * {@link SegmentationSnapshot} (polled at 20 Hz from the service and published only when its version changes) and the
 * selected segment. The poll also keeps the project in step ({@link SegmentationService#syncWithProject}).
 * JavaFX thread only.
 */
public final class SegmentationState {
    private final SegmentationService service;
    private final TimelineModel timeline;
    private final ReadOnlyObjectWrapper<SegmentationSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<SegmentationSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final Timeline poll;

    public SegmentationState(SegmentationService service, TimelineModel timeline) {
        this.service = service;
        this.timeline = timeline;
        timeline.recordingProperty().addListener((o, a, b) -> showRecording(b));
        poll = new Timeline(new KeyFrame(Duration.millis(50), e -> pollOnce()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        showRecording(timeline.recordingProperty().get());
    }

    private void showRecording(OpenRecording r) {
        selectedIndex.set(-1);
        session.set(r == null ? null : service.session(r));
        snapshot.set(r == null ? null : session.get().snapshot());
    }

    /** Publishes a newer snapshot, if any, and syncs with the project. */
    void pollOnce() {
        SegmentationSession s = session.get();
        if (s == null) {
            return;
        }
        service.syncWithProject(s);
        SegmentationSnapshot now = s.snapshot();
        SegmentationSnapshot shown = snapshot.get();
        if (shown == null || now.version() != shown.version()) {
            snapshot.set(now);
            int i = selectedIndex.get();
            if (i >= now.segments().size()) {
                selectedIndex.set(-1);
            }
        }
    }

    public SegmentationService service() {
        return service;
    }

    public TimelineModel timeline() {
        return timeline;
    }

    /** The session of the shown recording (null when none is shown). */
    public ReadOnlyObjectProperty<SegmentationSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public SegmentationSession session() {
        return session.get();
    }

    /** The latest snapshot of the shown recording (null when none is shown). */
    public ReadOnlyObjectProperty<SegmentationSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public SegmentationSnapshot snapshot() {
        return snapshot.get();
    }

    /** Index of the selected segment in the snapshot's list, or -1. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    /** The selected segment item, or null. */
    public SegmentEdits.Item selectedItem() {
        SegmentationSnapshot s = snapshot.get();
        int i = selectedIndex.get();
        return s == null || i < 0 || i >= s.segments().size() ? null : s.segments().get(i);
    }

    /** Stops polling. */
    public void dispose() {
        poll.stop();
    }
}
