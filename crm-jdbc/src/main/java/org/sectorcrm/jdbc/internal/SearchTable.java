package org.sectorcrm.jdbc.internal;

/** The tables that carry {@code search_terms}, with the FTS5 table that indexes each on SQLite. */
public enum SearchTable {
    EMPLOYER("crm_employer", "crm_employer_fts"),
    CONTACT("crm_contact", "crm_contact_fts"),
    ENGAGEMENT("crm_engagement", "crm_engagement_fts"),
    NOTE("crm_note", "crm_note_fts");

    private final String table;
    private final String ftsTable;

    SearchTable(String table, String ftsTable) {
        this.table = table;
        this.ftsTable = ftsTable;
    }

    public String table() {
        return table;
    }

    public String ftsTable() {
        return ftsTable;
    }
}
