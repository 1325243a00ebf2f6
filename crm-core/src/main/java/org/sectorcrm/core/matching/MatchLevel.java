package org.sectorcrm.core.matching;

/** How far two records are resolved to one thing. Every establishment match is also a company match. */
public enum MatchLevel {
    /** Not shown to be the same company (possibly the same brand: franchisees share a name but not a FEIN). */
    NONE,
    /** The same employer (one FEIN, one legal entity), possibly at different worksites. */
    COMPANY,
    /** The same employer at the same worksite. */
    ESTABLISHMENT;

    public boolean atLeast(MatchLevel other) {
        return compareTo(other) >= 0;
    }
}
