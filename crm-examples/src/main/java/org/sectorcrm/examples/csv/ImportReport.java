package org.sectorcrm.examples.csv;

import java.util.List;

/**
 * What an import did. Every rejected row is listed with its line and field; the good rows were stored
 * (or, in a dry run, would have been).
 */
public record ImportReport(String kind, boolean dryRun, long rows, long created, long updated, long unchanged, List<RowError> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** One problem of one row: the file's line, the CSV column (or "row"), and what is wrong. */
    public record RowError(int line, String column, String message) {
        @Override
        public String toString() {
            return "line " + line + ", " + column + ": " + message;
        }
    }

    public long rejectedRows() {
        return errors.stream().mapToInt(RowError::line).distinct().count();
    }

    public String summary() {
        return (dryRun ? "dry run, nothing stored: " : "") + rows + " " + kind + " rows: " + created + " created, " + updated + " updated, "
                + unchanged + " unchanged, " + rejectedRows() + " rejected";
    }
}
