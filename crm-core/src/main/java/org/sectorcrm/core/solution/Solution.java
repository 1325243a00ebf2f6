package org.sectorcrm.core.solution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.internal.Transitions;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.PartnerId;

/**
 * Something built for an employer or a sector partnership to address one or more needs. The set of an
 * employer's (or a partnership's) solutions is its solution portfolio. Cost is in US dollars.
 *
 * <p>{@code agreedOn} is the day the employer agreed to the solution (since 2.3): optional and editable; crm-core sets
 * it to the day the status first becomes AGREED or later when none is given ({@link org.sectorcrm.core.SolutionOperations}).
 * Records stored before it existed have none; the needs funnel then falls back to {@code startDate}.
 */
public record Solution(SolutionId id, Stamp stamp, EmployerId employer, PartnershipId partnership, Set<NeedId> needs,
        SolutionType type, String name, PartnerId leadPartner, Set<PartnerId> contributors, List<String> fundingStreams,
        SolutionStatus status, LocalDate startDate, LocalDate endDate, Integer participants, BigDecimal cost, LocalDate agreedOn)
        implements Aggregate<SolutionId> {
    public Solution {
        Check c = Check.of("solution").require("type", type).text("name", name, Limits.NAME).require("leadPartner", leadPartner)
                .require("status", status).nonNegative("participants", participants).nonNegative("cost", cost)
                .date("startDate", startDate).date("agreedOn", agreedOn).notBefore("endDate", endDate, "startDate", startDate)
                .that(employer != null || partnership != null, "employer", "is required when the solution is not for a partnership");
        needs = c.idSet("needs", needs);
        contributors = c.idSet("contributors", contributors);
        fundingStreams = c.texts("fundingStreams", fundingStreams, Limits.CODE);
        c.that(cost == null || cost.scale() <= 2 && cost.precision() - cost.scale() <= 13, "cost", "must be dollars and cents below 10^13");
        c.throwIfInvalid();
    }

    /** A solution without an agreement date (the form before 2.3); crm-core fills it in when the status is AGREED or later. */
    public Solution(SolutionId id, Stamp stamp, EmployerId employer, PartnershipId partnership, Set<NeedId> needs,
            SolutionType type, String name, PartnerId leadPartner, Set<PartnerId> contributors, List<String> fundingStreams,
            SolutionStatus status, LocalDate startDate, LocalDate endDate, Integer participants, BigDecimal cost) {
        this(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, null);
    }

    public static Solution proposed(EmployerId employer, SolutionType type, String name, PartnerId leadPartner) {
        return new Solution(null, null, employer, null, Set.of(), type, name, leadPartner, Set.of(), List.of(),
                SolutionStatus.PROPOSED, null, null, null, null, null);
    }

    /** Moves along the lifecycle; refuses illegal moves such as PROPOSED → COMPLETED. */
    public Solution moveTo(SolutionStatus to) {
        Transitions.require("solution", "status", status, to, status.next());
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, to, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withId(SolutionId id) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withStamp(Stamp stamp) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withNeeds(Set<NeedId> needs) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withPartnership(PartnershipId partnership) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withContributors(Set<PartnerId> contributors) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withFundingStreams(List<String> fundingStreams) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withDates(LocalDate startDate, LocalDate endDate) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withParticipants(Integer participants) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    public Solution withCost(BigDecimal cost) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    /** The day the employer agreed to it; null: not agreed, or crm-core is to fill in the day the status becomes AGREED. */
    public Solution withAgreedOn(LocalDate agreedOn) {
        return new Solution(id, stamp, employer, partnership, needs, type, name, leadPartner, contributors, fundingStreams, status, startDate, endDate, participants, cost, agreedOn);
    }

    /** Whether the employer has agreed to it: AGREED, IN_DELIVERY or COMPLETED. */
    public boolean agreedOrLater() {
        return status == SolutionStatus.AGREED || status == SolutionStatus.IN_DELIVERY || status == SolutionStatus.COMPLETED;
    }
}
