package org.echoic.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the CLI in-process for tests: {exit code, standard output, standard error} as strings. */
final class CliRun {
    private CliRun() {
    }

    static String[] run(String... args) {
        CommandLine cl = EchoicCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
