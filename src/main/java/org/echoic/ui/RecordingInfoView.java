package org.echoic.ui;

import org.echoic.ui.common.TimeFormat;
import org.echoic.ui.lanes.TimelineModel;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import org.echoic.audio.Recording;
import org.echoic.service.OpenRecording;

/**
 * The "Recording" tool tab: the shown recording's file, format and length. Values never wrap letter by letter in a
 * narrow pane: a long file or folder name loses its start ("…/shared/data/x.wav") and shows whole in its tooltip.
 * JavaFX thread only.
 */
final class RecordingInfoView extends GridPane {
    RecordingInfoView(TimelineModel model) {
        setId("recordingInfo");
        setHgap(8);
        setVgap(4);
        setPadding(new Insets(8));
        model.recordingProperty().addListener((o, a, b) -> fill(b));
        fill(null);
    }

    private void fill(OpenRecording r) {
        getChildren().clear();
        if (r == null) {
            add(new Label("No recording shown"), 0, 0);
            return;
        }
        Recording rec = r.recording();
        String[][] rows = {
            {"File", rec.path().getFileName() == null ? rec.path().toString() : rec.path().getFileName().toString()},
            {"Folder", rec.path().toAbsolutePath().getParent() == null ? "" : rec.path().toAbsolutePath().getParent().toString()},
            {"Container", rec.container()},
            {"Encoding", rec.encoding().label() + " (" + rec.encoding().bitsPerSample() + " bit)"},
            {"Channels", Integer.toString(rec.channels())},
            {"Sample rate", String.format(Locale.ROOT, "%.0f Hz", rec.sampleRateHz())},
            {"Frames", String.format(Locale.ROOT, "%,d", rec.frames())},
            {"Duration", TimeFormat.duration(rec.durationSeconds())},
        };
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i][0]);
            key.getStyleClass().add("info-key");
            key.setMinWidth(USE_PREF_SIZE);
            Label value = new Label(rows[i][1]);
            value.setMinWidth(0);
            value.setTextOverrun(i < 2 ? OverrunStyle.LEADING_WORD_ELLIPSIS : OverrunStyle.ELLIPSIS);
            value.setTooltip(new Tooltip(rows[i][1]));
            add(key, 0, i);
            add(value, 1, i);
        }
    }
}
