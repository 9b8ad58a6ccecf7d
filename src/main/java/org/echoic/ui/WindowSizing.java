package org.echoic.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window's size: 1280 × 800 (or the screen's usable area when smaller), never smaller than
 * {@link #MIN_WIDTH} × {@link #MIN_HEIGHT}, set on the stage itself rather than left to the scene. Some X11 window
 * managers (openbox, with OpenJFX 21's GTK glass, JDK-8316423) shrink a freshly mapped window (to 200 × 200, or to
 * its minimum) while the application is still building its views; the minimum size is a hint the window manager
 * honours, and for the first seconds a window shrunk below the size asked for is given it back. JavaFX thread only.
 */
final class WindowSizing {
    static final double PREF_WIDTH = 1280;
    static final double PREF_HEIGHT = 800;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;
    /** How long after showing a shrunk window is restored. */
    static final Duration GUARD = Duration.seconds(3);

    private WindowSizing() {
    }

    /** {width, height} for a usable screen area: the preferred size within it, the minimum when it is smaller. */
    static double[] initialSize(Rectangle2D usable) {
        return new double[] {Math.max(Math.min(PREF_WIDTH, usable.getWidth()), Math.min(MIN_WIDTH, usable.getWidth())),
            Math.max(Math.min(PREF_HEIGHT, usable.getHeight()), Math.min(MIN_HEIGHT, usable.getHeight()))};
    }

    /** Sizes {@code stage} (call before {@code show()}) and guards the size for a while after it is shown. */
    static void apply(Stage stage) {
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        double[] size = initialSize(usable);
        stage.setMinWidth(Math.min(MIN_WIDTH, usable.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, usable.getHeight()));
        stage.setWidth(size[0]);
        stage.setHeight(size[1]);
        boolean[] guarding = {true};
        stage.setOnShown(e -> {
            PauseTransition end = new PauseTransition(GUARD);
            end.setOnFinished(f -> guarding[0] = false);
            end.play();
        });
        Runnable restore = () -> {
            if (guarding[0] && !stage.isMaximized() && (stage.getWidth() < size[0] - 8
                    || stage.getHeight() < size[1] - 8)) {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                stage.centerOnScreen();
            }
        };
        stage.widthProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(restore));
        stage.heightProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(restore));
    }
}
