package org.sectorcrm.bench;

import java.util.Locale;

/**
 * The two sizes of the benchmark data set (issue 13). Employers, engagements, needs, solutions and referrals are
 * exact; establishments (1-3 per employer, 1.45 on average) and contacts (3 on average, skewed) follow the
 * generator's distributions, so they come out near the nominal figures, never exactly on them.
 */
public enum Scale {
    /** A region's CRM: SQLite or any database. */
    REGION(50_000, 75_000, 150_000, 1_000_000, 100_000, 50_000, 50_000),
    /** A statewide deployment, ten times a region: PostgreSQL only. */
    STATE(500_000, 750_000, 1_500_000, 10_000_000, 1_000_000, 500_000, 500_000),
    /** A thousandth of a region, for tests and a quick look (not a figure to publish). */
    TINY(50, 75, 150, 1_000, 100, 50, 50);

    public final int employers;
    public final int establishments;
    public final int contacts;
    public final int engagements;
    public final int needs;
    public final int solutions;
    public final int referrals;

    Scale(int employers, int establishments, int contacts, int engagements, int needs, int solutions, int referrals) {
        this.employers = employers;
        this.establishments = establishments;
        this.contacts = contacts;
        this.engagements = engagements;
        this.needs = needs;
        this.solutions = solutions;
        this.referrals = referrals;
    }

    /** {@code region}, {@code state} or {@code tiny}, any case; anything else is refused naming the choices. */
    public static Scale parse(String text) {
        for (Scale s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("--generate: the scale must be region, state or tiny but was '" + text + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
