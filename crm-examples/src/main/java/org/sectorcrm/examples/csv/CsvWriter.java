package org.sectorcrm.examples.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV (CRLF line ends, quotes where needed) that is safe to open in a spreadsheet: a cell
 * that starts with {@code = + - @}, a tab or a carriage return would be run as a formula by Excel, LibreOffice
 * or Google Sheets (CSV injection), so it is written with a leading apostrophe, as OWASP recommends. The
 * importer strips that apostrophe again, so export → import round-trips.
 */
public final class CsvWriter implements AutoCloseable {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void write(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = isFormulaStart(value.charAt(0)) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Undoes the spreadsheet guard on import: {@code '=SUM(A1)} written by us reads back as {@code =SUM(A1)}. */
    static String unguard(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && isFormulaStart(value.charAt(1)) ? value.substring(1) : value;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
