package org.echoic.ui;

import org.echoic.ui.common.TimeFormat;

import java.util.Locale;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;

import org.echoic.audio.Recording;
import org.echoic.service.OpenRecording;

/**
 * The list of open recordings at the left: the file name, and under it container, encoding, channels, rate and
 * duration. Selecting an entry shows it in the lanes (the workbench listens to the selection). JavaFX thread only.
 */
public final class RecordingListView extends ListView<OpenRecording> {

    public RecordingListView() {
        setId("recordingList");
        setPrefWidth(250);
        setPlaceholder(new javafx.scene.control.Label("No recordings open"));
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(OpenRecording item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(item.name() + "\n" + describe(item.recording()));
                    setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_WORD_ELLIPSIS);
                    setTooltip(new Tooltip(item.recording().path().toString()));
                }
            }
        });
    }

    /** "wav · pcm_s16 · 2 ch" and "44.1 kHz · 1:05.1" on two lines. */
    public static String describe(Recording r) {
        double rateKHz = r.sampleRateHz() / 1000;
        String rate = rateKHz == Math.rint(rateKHz) ? String.format(Locale.ROOT, "%.0f kHz", rateKHz)
                : String.format(Locale.ROOT, "%.1f kHz", rateKHz);
        return r.container() + " · " + r.encoding().label() + " · " + r.channels() + " ch\n" + rate + " · "
                + TimeFormat.duration(r.durationSeconds());
    }
}
