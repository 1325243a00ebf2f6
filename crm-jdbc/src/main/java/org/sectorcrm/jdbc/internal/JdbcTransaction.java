package org.sectorcrm.jdbc.internal;

import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.ContactStore;
import org.sectorcrm.core.spi.EmployerStore;
import org.sectorcrm.core.spi.EngagementStore;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * What one {@code inTransaction}/{@code read} call hands to its work: the stores over the shared
 * {@link TxState}. A nested call gets its own view (with its own read-only flag), so that a view
 * refuses use once its own work has returned.
 */
public final class JdbcTransaction implements StorageTransaction {
    private final TxState state;
    private final boolean readOnly;
    private volatile boolean finished;

    JdbcTransaction(TxState state, boolean readOnly) {
        this.state = state;
        this.readOnly = readOnly;
    }

    void finish() {
        finished = true;
    }

    /** The state to run statements on; refuses use after the work returned. */
    TxState state() {
        if (finished) {
            throw new IllegalStateException("this StorageTransaction was used after its work returned; use it only inside the work it was passed to");
        }
        return state;
    }

    /** The state, for a write; refuses writes in {@code CrmStorage.read}. */
    TxState writable() {
        TxState s = state();
        if (readOnly) {
            throw new IllegalStateException("a write inside CrmStorage.read: use inTransaction for work that writes");
        }
        return s;
    }

    @Override
    public AggregateStore<RegionCode, Region, RegionFilter> regions() {
        return new JdbcAggregateStore<>(this, Tables.REGION, Tables::regionFilter);
    }

    @Override
    public AggregateStore<SectorCode, Sector, SectorFilter> sectors() {
        return new JdbcAggregateStore<>(this, Tables.SECTOR, Tables::sectorFilter);
    }

    @Override
    public AggregateStore<PartnerId, Partner, PartnerFilter> partners() {
        return new JdbcAggregateStore<>(this, Tables.PARTNER, Tables::partnerFilter);
    }

    @Override
    public AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
        return new JdbcAggregateStore<>(this, Tables.STAFF_USER, Tables::staffUserFilter);
    }

    @Override
    public EmployerStore employers() {
        return new JdbcEmployerStore(this);
    }

    @Override
    public ContactStore contacts() {
        return new JdbcContactStore(this);
    }

    @Override
    public EngagementStore engagements() {
        return new JdbcEngagementStore(this);
    }

    @Override
    public AggregateStore<NeedId, BusinessNeed, NeedFilter> needs() {
        return new JdbcAggregateStore<>(this, Tables.NEED, Tables::needFilter);
    }

    @Override
    public AggregateStore<SolutionId, Solution, SolutionFilter> solutions() {
        return new JdbcAggregateStore<>(this, Tables.SOLUTION, Tables::solutionFilter);
    }

    @Override
    public AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
        return new JdbcAggregateStore<>(this, Tables.PARTNERSHIP, Tables::partnershipFilter);
    }

    @Override
    public AggregateStore<ReferralId, Referral, ReferralFilter> referrals() {
        return new JdbcAggregateStore<>(this, Tables.REFERRAL, Tables::referralFilter);
    }

    @Override
    public AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
        return new JdbcAggregateStore<>(this, Tables.OUTCOME, Tables::outcomeFilter);
    }

    @Override
    public AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback() {
        return new JdbcAggregateStore<>(this, Tables.FEEDBACK, Tables::feedbackFilter);
    }

    @Override
    public AuditLog audit() {
        return new JdbcAuditLog(this);
    }

    @Override
    public EventLog events() {
        return new JdbcEventLog(this);
    }
}
