package org.sectorcrm.core.engagement;

/** Who may read a note's text. Engagement metadata (who, when, which services) is always shared. */
public enum Visibility {
    /** Every partner's staff. */
    SHARED,
    /** The staff of the author's partner. */
    PARTNER,
    /** The author only. No role, not even ADMIN, bypasses it. */
    PRIVATE
}
