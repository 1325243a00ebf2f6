package org.sectorcrm.core;

/**
 * Maximum lengths of text fields, shared by the domain, every store's schema and the kit (which
 * round-trips values of exactly these lengths).
 */
public final class Limits {
    /** Names, titles, e-mail addresses, requested services. */
    public static final int NAME = 300;
    /** Codes: region, sector, tags, funding streams, custom-field keys, external references. */
    public static final int CODE = 100;
    /** Summaries, descriptions, reasons, outcomes, comments. */
    public static final int DESCRIPTION = 4000;
    /** Note bodies. */
    public static final int NOTE = 20000;

    private Limits() {
    }
}
