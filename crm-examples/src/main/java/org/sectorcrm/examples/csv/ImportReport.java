package org.sectorcrm.examples.csv;

import java.util.List;

/**
 * What an import did. Every rejected row is listed with its line and field; the good rows were stored
 * (or, in a dry run, would have been).
 */
public record ImportReport(String kind, boolean dryRun, long rows, long created, long updated, long unchanged, List<RowError> errors,
        List<UnmappedColumn> unmapped) {
    public ImportReport {
        errors = List.copyOf(errors);
        unmapped = List.copyOf(unmapped);
    }

    /**
     * A column of the file that no field reads, so its cells were not imported: its position (1-based), its header
     * and how many rows had a value in it.
     */
    public record UnmappedColumn(int column, String header, long rowsWithValue) {
        @Override
        public String toString() {
            String name = header.isEmpty() ? "column " + column + " (no header)" : "column '" + header + "'";
            return name + ": not imported, no field reads it" + (rowsWithValue == 0 ? " (it is empty)"
                    : " (" + rowsWithValue + (rowsWithValue == 1 ? " row has" : " rows have") + " a value in it)");
        }
    }

    /** The columns whose values were dropped: a file with one of these was not imported whole. */
    public List<UnmappedColumn> droppedColumns() {
        return unmapped.stream().filter(c -> c.rowsWithValue() > 0).toList();
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
                + unchanged + " unchanged, " + rejectedRows() + " rejected"
                + (droppedColumns().isEmpty() ? "" : "; " + droppedColumns().size() + (droppedColumns().size() == 1 ? " column" : " columns")
                        + " not imported");
    }
}
