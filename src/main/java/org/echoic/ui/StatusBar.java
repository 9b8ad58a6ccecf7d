package org.echoic.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bottom bar: a message (what happened last), a non-modal notice (e.g. no audio output), the selection and
 * cursor readouts, and the progress of background work. Texts never widen the window: each label may shrink to
 * nothing, the message first, and shows an ellipsis with the whole text in its tooltip. JavaFX thread only.
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
        progress.setMinWidth(60);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox.setHgrow(notice, Priority.SOMETIMES);
        getChildren().addAll(message, notice, selection, cursor, progressText, progress);
        showProgress(null, 1);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(0);
        l.setWrapText(false);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        l.textProperty().addListener((o, a, b) -> l.setTooltip(b == null || b.isEmpty() ? null : tip));
        return l;
    }

    /** Keeps the bar from asking for more width than its window has. */
    @Override
    protected double computeMinWidth(double height) {
        return 0;
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
