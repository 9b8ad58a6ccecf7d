package org.echoic.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the workbench window. */
public final class EchoicApp extends Application {

    /** Starts the JavaFX runtime and opens the workbench with the given recordings (or the sample). */
    public static void launchWorkbench(String[] args) {
        Application.launch(EchoicApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Echoic");
        stage.setScene(new Scene(new Label("Echoic"), 1200, 800));
        stage.show();
    }
}
