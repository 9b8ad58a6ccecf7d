package org.echoic.ui;

import java.util.Locale;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The Help menu: the keys (from {@link WorkbenchKeys#KEYS}), where the documentation is, and About (version, Java
 * and JavaFX). Dialogs are non-modal and resizable. JavaFX thread only.
 */
final class HelpMenu {
    /** Where a user finds the documentation (shown in Help ▸ Documentation). */
    static final String DOCS = "Echoic's manual is README.md in the Echoic folder (beside pom.xml): every view, "
            + "its defaults and the figures measured with them, with the commands that reproduce them.\n\n"
            + "The command line does in batch what the workbench does: java -jar target/echoic.jar --help lists its "
            + "commands, and java -jar target/echoic.jar COMMAND --help explains each one.\n\n"
            + "Projects (.echoic.json), model folders and exported tables are described in README.md ▸ Projects "
            + "and in the format sections beside each feature.";

    private HelpMenu() {
    }

    static Menu create(java.util.function.Supplier<Window> owner) {
        MenuItem keys = new MenuItem("Keys and mouse");
        keys.setId("helpKeys");
        keys.setOnAction(e -> show(keysDialog(owner.get())));
        MenuItem docs = new MenuItem("Documentation");
        docs.setId("helpDocs");
        docs.setOnAction(e -> show(textDialog(owner.get(), "Documentation", "Where to read more", DOCS, "helpDocsDialog")));
        MenuItem about = new MenuItem("About Echoic");
        about.setId("helpAbout");
        about.setOnAction(e -> show(textDialog(owner.get(), "About Echoic", "Echoic " + version(), aboutText(),
                "helpAboutDialog")));
        Menu help = new Menu("Help", null, keys, docs, about);
        help.setId("helpMenu");
        return help;
    }

    static String version() {
        String v = HelpMenu.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    static String aboutText() {
        return String.format(Locale.ROOT, "A free desktop workbench for bioacoustics: segment recordings, look at their "
                + "spectrograms, train an RNN-RBM on the calls, and generate and audition new call sequences.%n%n"
                + "Java %s (%s), JavaFX %s, %s %s.", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("javafx.runtime.version", "?"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static Alert keysDialog(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (String[] k : WorkbenchKeys.KEYS) {
            Label key = new Label(k[0]);
            key.setStyle("-fx-font-weight: bold;");
            Label what = new Label(k[1]);
            what.setWrapText(true);
            grid.addRow(row++, key, what);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keys and mouse");
        a.setHeaderText("Keys act on the lanes unless a focused control uses them (a slider moves with ← / →)");
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setId("helpKeysDialog");
        a.setResizable(true);
        return a;
    }

    private static Alert textDialog(Window owner, String title, String header, String text, String id) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(header);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(520);
        a.getDialogPane().setContent(body);
        a.getDialogPane().setId(id);
        a.setResizable(true);
        return a;
    }

    private static void show(Alert a) {
        a.show();
    }
}
