package org.echoic;

import org.echoic.cli.EchoicCli;
import org.echoic.ui.EchoicApp;

/**
 * Entry point of {@code java -jar echoic.jar}: with no arguments, or with only paths of recordings,
 * it opens the workbench; with a command name ({@code info}, {@code segment}, …) it runs the CLI.
 * It does not extend {@code Application}, so JavaFX can be loaded from the class path.
 */
public final class Echoic {
    private Echoic() {
    }

    public static void main(String[] args) {
        if (EchoicCli.isCliInvocation(args)) {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            System.exit(EchoicCli.run(args));
        }
        EchoicApp.launchWorkbench(args);
    }
}
