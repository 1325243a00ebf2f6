package org.sectorcrm.examples.csv;

import java.util.List;

/**
 * What an import did. Every rejected row is listed with its line and field; the good rows were stored
 * (or, in a dry run, would have been). With a duplicate check ({@link ImportDuplicates}) each new row that likely
 * duplicates an employer is listed with each candidate; {@code skipped} counts those left out by
 * {@code --on-duplicate=skip}.
 */
public record ImportReport(String kind, boolean dryRun, long rows, long created, long updated, long unchanged, long skipped, List<RowError> errors,
        List<UnmappedColumn> unmapped, List<Duplicate> duplicates) {
    public ImportReport {
        errors = List.copyOf(errors);
        unmapped = List.copyOf(unmapped);
        duplicates = List.copyOf(duplicates);
    }

    /** Without a duplicate check. */
    public ImportReport(String kind, boolean dryRun, long rows, long created, long updated, long unchanged, List<RowError> errors,
            List<UnmappedColumn> unmapped) {
        this(kind, dryRun, rows, created, updated, unchanged, 0, errors, unmapped, List.of());
    }

    /**
     * A new row of the file that likely duplicates an employer: a stored one ({@code candidate} is its id) or an earlier
     * row of the same file ({@code candidate} is "line N"), with the matcher's level, score and reasons, and whether the
     * row was left out ({@code --on-duplicate=skip}).
     */
    public record Duplicate(int line, String name, String candidate, String candidateName, String level, double score, String reasons,
            boolean skipped) {
        @Override
        public String toString() {
            boolean inFile = candidate.startsWith("line ");
            return "line " + line + ", duplicate: '" + name + "' likely duplicates " + (inFile ? candidate + " of this file" : "employer " + candidate)
                    + " '" + candidateName + "' (" + level + ", score " + String.format(java.util.Locale.ROOT, "%.2f", score) + ": " + reasons + "); "
                    + (skipped ? "not stored (--on-duplicate=skip)" : "stored");
        }
    }

    /** The lines that likely duplicate an employer, each once. */
    public long duplicateRows() {
        return duplicates.stream().mapToInt(Duplicate::line).distinct().count();
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
                + (duplicates.isEmpty() ? "" : ", " + duplicateRows() + " likely " + (duplicateRows() == 1 ? "duplicate" : "duplicates")
                        + (skipped > 0 ? " (" + skipped + " skipped)" : ""))
                + (droppedColumns().isEmpty() ? "" : "; " + droppedColumns().size() + (droppedColumns().size() == 1 ? " column" : " columns")
                        + " not imported");
    }
}
