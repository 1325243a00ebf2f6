package org.sectorcrm.examples.cli;

import java.io.PrintWriter;

/**
 * Progress of a long job. On a terminal a bar redrawn in place ({@code \r}), driven by the bytes of the file read so
 * far (the number of rows is unknown until the end); elsewhere (a log, a pipe) a plain line every
 * {@value #EVERY} rows, since carriage returns make a mess of log files.
 */
public abstract class Progress {
    static final int EVERY = 1000;
    private static final int WIDTH = 30;

    /** @param terminal whether a person is watching ({@code System.console() != null}) */
    public static Progress of(boolean terminal, PrintWriter err, long totalBytes) {
        return terminal ? new Bar(err, totalBytes) : new Counts(err);
    }

    /** {@code rows} rows done, {@code bytes} bytes of the file read. */
    public abstract void update(long rows, long bytes);

    /** The job ended (or stopped): leaves the terminal on a fresh line. */
    public abstract void finish(long rows);

    static String bar(long bytes, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, bytes * 100 / total);
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent);
    }

    private static final class Bar extends Progress {
        private final PrintWriter err;
        private final long total;
        private String shown = "";
        private boolean drawn;

        Bar(PrintWriter err, long total) {
            this.err = err;
            this.total = total;
        }

        @Override
        public void update(long rows, long bytes) {
            String now = bar(bytes, total);
            // Redrawing costs a system call: only when the bar moves, or now and then for the row count.
            if (!now.equals(shown) || rows % 500 == 0) {
                shown = now;
                err.print("\r" + now + String.format("  %,d rows", rows));
                err.flush();
                drawn = true;
            }
        }

        @Override
        public void finish(long rows) {
            if (drawn) {
                err.print("\r" + bar(total, total) + String.format("  %,d rows", rows) + System.lineSeparator());
                err.flush();
            }
        }
    }

    private static final class Counts extends Progress {
        private final PrintWriter err;
        private long printed;

        Counts(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long rows, long bytes) {
            // Rows are done a batch at a time, so the count may step over a multiple of EVERY: print on crossing one.
            if (rows / EVERY > printed / EVERY) {
                err.printf("%,d rows read%n", rows);
                err.flush();
                printed = rows;
            }
        }

        @Override
        public void finish(long rows) {
            // the summary that follows gives the total
        }
    }
}
