package org.sectorcrm.core.report;

import java.time.LocalDate;
import java.util.List;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;

/**
 * Duplicated effort: employers engaged by two or more partners within the window ({@code from}..{@code on}, default
 * the 30 days up to {@code on}) with no relationship lead, where at least two of those partners share neither a
 * solution for the employer (AGREED or later: they are its lead or contributors) nor a partnership the employer is a
 * member of (they are its convener or support partners). Mass mailings are not engagement effort.
 *
 * @since 2
 */
public record DuplicatedEffortReport(LocalDate from, LocalDate on, List<Row> employers) {
    public DuplicatedEffortReport {
        employers = employers == null ? List.of() : List.copyOf(employers);
    }

    /** One employer: every partner that engaged it in the window, and the pairs of them with nothing shared. */
    public record Row(EmployerId employer, String employerName, List<PartnerId> partners, List<List<PartnerId>> uncoordinatedPairs) {
        public Row {
            partners = partners == null ? List.of() : List.copyOf(partners);
            uncoordinatedPairs = uncoordinatedPairs == null ? List.of() : uncoordinatedPairs.stream().map(List::copyOf).toList();
        }
    }
}
