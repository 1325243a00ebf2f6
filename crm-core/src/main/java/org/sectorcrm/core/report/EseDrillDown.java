package org.sectorcrm.core.report;

import java.util.List;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.EngagementId;

/**
 * The establishments and engagements behind one figure of an {@link EseReport}: for each establishment counted (in id
 * order, a page of them), its employer and the countable engagements that made it count (an engagement that names no
 * establishment is behind its employer's primary one).
 *
 * @param figure  {@code row1}..{@code row8}, {@code total} (also the penetration numerator), {@code repeat} (the
 *                repeat-business numerator) or {@code lookBack} (its denominator)
 * @param next    the last establishment id of this page when more follow (pass it as {@code after}), else null
 * @since 2
 */
public record EseDrillDown(String period, String area, String figure, long count, List<Item> establishments, String next) {
    public EseDrillDown {
        establishments = establishments == null ? List.of() : List.copyOf(establishments);
    }

    /** One establishment and the engagements behind it, in date order. */
    public record Item(String establishment, EmployerId employer, String employerName, List<EngagementId> engagements) {
        public Item {
            engagements = engagements == null ? List.of() : List.copyOf(engagements);
        }
    }
}
