package org.emporium.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** One run of an {@code ./emporium} verb in a test: its exit code and what it printed, out and err. */
record CommandRun(int code, String out, String err) {

    static CommandRun of(Path root, String verb, String... arguments) {
        return of(Emporium.commandLine(), root, verb, arguments);
    }

    /** @param cli the command line, when a test changed something in it first */
    static CommandRun of(CommandLine cli, Path root, String verb, String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        PrintStream before = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[arguments.length + 3];
            all[0] = "--root";
            all[1] = root.toString();
            all[2] = verb;
            System.arraycopy(arguments, 0, all, 3, arguments.length);
            int code = cli.execute(all);
            return new CommandRun(code, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(before);
        }
    }
}
