package org.sectorcrm.examples.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside is
 * doubled), quoted fields may hold commas and line breaks, records end with CRLF or LF, a UTF-8 byte-order
 * mark at the start is skipped. Each record knows the line it started on, so errors can name it.
 */
public final class CsvReader implements AutoCloseable {
    private final Reader in;
    private int line = 1;
    private int peeked = -2;
    private boolean first = true;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** One record: its fields and the (1-based) line of the file it starts on. */
    public record Row(int line, List<String> fields) {
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Row next() {
        try {
            while (true) {
                int c = read();
                if (c == -1) {
                    return null;
                }
                if (first && c == '\uFEFF') {
                    first = false;
                    continue;
                }
                first = false;
                if (c == '\r' || c == '\n') {
                    endOfLine(c);
                    continue;
                }
                unread(c);
                return record();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row record() throws IOException {
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"' && field.length() == 0) {
                quoted(field, startLine);
                c = read();
                if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    throw new CsvFormatException(line, "unexpected character '" + (char) c + "' after a closing quote");
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c != -1) {
                    endOfLine(c);
                }
                return new Row(startLine, fields);
            } else {
                field.append((char) c);
            }
        }
    }

    private void quoted(StringBuilder field, int startLine) throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw new CsvFormatException(startLine, "a quoted field that starts here is never closed");
            }
            if (c == '"') {
                int next = read();
                if (next == '"') {
                    field.append('"');
                    continue;
                }
                unread(next);
                return;
            }
            if (c == '\r') {
                int next = read();
                if (next != '\n') {
                    unread(next);
                }
                line++;
                field.append('\n'); // quoted line breaks are kept, normalised to LF
                continue;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                unread(next);
            }
        }
        line++;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The file is not CSV at this line (an unclosed quote, text after a closing quote). */
    public static final class CsvFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        CsvFormatException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
