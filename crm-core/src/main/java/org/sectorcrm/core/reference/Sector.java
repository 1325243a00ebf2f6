package org.sectorcrm.core.reference;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.internal.Check;

/**
 * An industry sector as the region defines it (e.g. "Advanced Manufacturing" = NAICS 31, 32, 33), with
 * the NAICS prefixes (2 to 6 digits) that belong to it. An employer's sector derives from its NAICS
 * code by the longest matching prefix over all sectors, unless set explicitly.
 */
public record Sector(SectorCode id, Stamp stamp, String name, List<String> naicsPrefixes) implements Aggregate<SectorCode> {
    public Sector {
        Check c = Check.of("sector").require("id", id).text("name", name, Limits.NAME);
        naicsPrefixes = c.list("naicsPrefixes", naicsPrefixes);
        for (int i = 0; i < naicsPrefixes.size(); i++) {
            String p = naicsPrefixes.get(i);
            c.that(p.matches("\\d{2,6}") && NaicsCode.titleOf(p).isPresent() || p.matches("3[1-3]|4[4-9]"),
                    "naicsPrefixes[" + i + "]", "'" + p + "' is not a NAICS 2022 code of 2 to 6 digits");
        }
        c.throwIfInvalid();
    }

    public static Sector of(String code, String name, List<String> naicsPrefixes) {
        return new Sector(new SectorCode(code), null, name, naicsPrefixes);
    }

    @Override
    public Sector withId(SectorCode id) {
        return new Sector(id, stamp, name, naicsPrefixes);
    }

    public Sector withStamp(Stamp stamp) {
        return new Sector(id, stamp, name, naicsPrefixes);
    }

    /** Length of this sector's longest prefix of {@code naics}, or 0 when none matches. */
    public int matchLength(NaicsCode naics) {
        return naicsPrefixes.stream().filter(naics::startsWith).mapToInt(String::length).max().orElse(0);
    }

    /** The sector whose prefix matches {@code naics} longest; ties go to the lower sector code, so the result never depends on order. */
    public static Optional<Sector> deriveFor(NaicsCode naics, Collection<Sector> sectors) {
        Sector best = null;
        int bestLength = 0;
        for (Sector s : sectors) {
            int len = s.matchLength(naics);
            if (len > bestLength || len > 0 && len == bestLength && s.id().compareTo(best.id()) < 0) {
                best = s;
                bestLength = len;
            }
        }
        return Optional.ofNullable(best);
    }
}
