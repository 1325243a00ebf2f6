package org.sectorcrm.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;

/** Runs the command line in-process, as {@code main} does, capturing what it prints. */
final class CliRunner {
    private CliRunner() {
    }

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    /** Runs {@code args} with {@code --db db} appended. */
    static Run on(String db, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--db");
        all.add(db);
        return run(all.toArray(String[]::new));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SectorCrmCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int rc = cli.execute(args);
        return new Run(rc, out.toString(), err.toString());
    }
}
