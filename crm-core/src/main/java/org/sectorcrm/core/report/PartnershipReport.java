package org.sectorcrm.core.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.partnership.PartnershipId;

/**
 * Sector partnerships: how many are at each playbook stage, and per partnership its stage, champions (members who are
 * CHAIR or CHAMPION), commitments pledged and fulfilled by kind (hours for TIME, dollars for IN_KIND and FINANCIAL)
 * and priorities by status.
 *
 * @since 2
 */
public record PartnershipReport(Map<String, Long> byStage, List<Row> partnerships) {
    public PartnershipReport {
        byStage = byStage == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byStage)); // sorted: stable JSON
        partnerships = partnerships == null ? List.of() : List.copyOf(partnerships);
    }

    /** One partnership; the maps are keyed by the enum names and hold only the kinds and statuses present. */
    public record Row(PartnershipId partnership, String name, String stage, long members, long champions, Map<String, Commitments> commitments,
            Map<String, Long> priorities) {
        public Row {
            commitments = commitments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(commitments)); // sorted: stable JSON
            priorities = priorities == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(priorities)); // sorted: stable JSON
        }
    }

    /** Pledged and fulfilled totals of one kind, and fulfilled ÷ pledged (null when nothing was pledged). */
    public record Commitments(long count, BigDecimal pledged, BigDecimal fulfilled, Double fulfilledShare) {
    }
}
