package org.sectorcrm.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.PartnerId;

/**
 * Employers and champions past the contact cadence as of {@code on}: per partner, the employers it leads the
 * relationship with or has engaged, not INACTIVE, whose last contact by that partner (any engagement but a mass
 * mailing) is more than the cadence of the employer's sector ago, or never; and the champion employers (CHAIR or
 * CHAMPION members) of each partnership whose last contact by any partner is past the cadence.
 *
 * @param defaultDays the cadence of sectors without their own (default 90)
 * @param sectorDays  the sectors' own cadences
 * @since 2
 */
public record CadenceReport(LocalDate on, int defaultDays, Map<String, Integer> sectorDays, List<PartnerRow> partners, List<Overdue> champions) {
    public CadenceReport {
        sectorDays = sectorDays == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sectorDays)); // sorted: stable JSON
        partners = partners == null ? List.of() : List.copyOf(partners);
        champions = champions == null ? List.of() : List.copyOf(champions);
    }

    /** One partner's employers past the cadence, most overdue first. */
    public record PartnerRow(PartnerId partner, String partnerName, List<Overdue> employers) {
        public PartnerRow {
            employers = employers == null ? List.of() : List.copyOf(employers);
        }
    }

    /**
     * One employer past its cadence: {@code lastContact} null = never contacted, and then {@code daysSince} is null;
     * {@code partnership} is set for champions.
     */
    public record Overdue(EmployerId employer, String employerName, String sector, LocalDate lastContact, Long daysSince, int cadenceDays,
            PartnershipId partnership) {
    }
}
