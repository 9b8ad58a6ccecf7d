package org.echoic.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.echoic.service.ProjectReproduction;
import org.echoic.service.ProjectService;

/**
 * File ▸ Reproduce…: asks whether training runs should be re-trained, runs {@link ProjectReproduction} in the
 * background (the window stays usable; the dialog can cancel it) and shows what matched. FX thread only.
 */
final class ReproduceAction {
    private ReproduceAction() {
    }

    static void run(Window owner, ProjectService projects) {
        CheckBox retrain = new CheckBox("Also re-train every training run from scratch (as slow as the training)");
        retrain.setId("reproduceRetrain");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(owner);
        ask.setTitle("Reproduce");
        ask.setHeaderText("Re-run the project's segmentation and rebuild its training corpora, and compare them "
                + "with the recorded fingerprints?");
        ask.getDialogPane().setContent(retrain);
        ask.getDialogPane().setId("reproduceAsk");
        if (ask.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        ProjectReproduction.Job job = ProjectReproduction.start(projects.project(), retrain.isSelected(),
                projects.executors(), appVersion());
        Alert wait = new Alert(Alert.AlertType.NONE, "", ButtonType.CANCEL);
        wait.initOwner(owner);
        wait.setTitle("Reproducing…");
        wait.getDialogPane().setContent(new VBox(8, new Label("Reproducing the project…"), new ProgressIndicator()));
        wait.setOnHidden(e -> {
            if (!job.result().isDone()) {
                job.cancel();
            }
        });
        wait.show();
        job.result().whenComplete((report, error) -> Platform.runLater(() -> {
            wait.setOnHidden(null);
            wait.close();
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (!(cause instanceof CancellationException)) {
                    Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(cause.getMessage()));
                    a.initOwner(owner);
                    a.setHeaderText("Reproduction failed");
                    a.show();
                }
                return;
            }
            TextArea text = new TextArea(String.join("\n", report.lines()));
            text.setId("reproduceReport");
            text.setEditable(false);
            text.setPrefColumnCount(80);
            text.setPrefRowCount(Math.min(20, report.lines().size() + 1));
            Alert done = new Alert(report.ok() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
            done.initOwner(owner);
            done.setTitle("Reproduce");
            done.setHeaderText(report.ok() ? "Everything recorded was reproduced."
                    : "Something differs from what the project recorded.");
            done.getDialogPane().setContent(text);
            done.show();
        }));
    }

    private static String appVersion() {
        String v = ReproduceAction.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
