package org.echoic.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom bar: a message (what happened last), a non-modal notice (e.g. no audio output), the selection and
 * cursor readouts, and the progress of background work. JavaFX thread only.
 */
public final class StatusBar extends HBox {
    private final Label message = label("statusText");
    private final Label notice = label("noticeText");
    private final Label selection = label("selectionText");
    private final Label cursor = label("cursorText");
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = label("progressText");

    public StatusBar() {
        super(12);
        setId("statusBar");
        getStyleClass().add("status-bar");
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        notice.getStyleClass().add("notice");
        progress.setId("buildProgress");
        progress.setPrefWidth(120);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, notice, spacer, selection, cursor, progressText, progress);
        showProgress(null, 1);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public void setMessage(String text) {
        message.setText(text);
    }

    public String message() {
        return message.getText();
    }

    /** A notice that stays until replaced or cleared (null): for problems that need no dialog. */
    public void setNotice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setVisible(text != null);
    }

    public void setSelectionText(String text) {
        selection.setText(text);
    }

    public void setCursorText(String text) {
        cursor.setText(text);
    }

    /** Shows {@code what} with a progress bar at {@code fraction}; hides both when {@code what} is null. */
    public void showProgress(String what, double fraction) {
        boolean show = what != null;
        progress.setVisible(show);
        progress.setManaged(show);
        progressText.setVisible(show);
        progressText.setManaged(show);
        if (show) {
            progressText.setText(what);
            progress.setProgress(fraction);
        }
    }
}
