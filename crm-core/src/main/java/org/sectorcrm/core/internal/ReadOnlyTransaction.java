package org.sectorcrm.core.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
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
import org.sectorcrm.core.search.SearchTerms;
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
 * A view of a transaction that refuses every write: what {@link org.sectorcrm.core.spi.CrmStorage#read}'s default
 * hands out, so that a store which does not implement read-only transactions itself still keeps the contract.
 */
public final class ReadOnlyTransaction implements StorageTransaction {
    private final StorageTransaction tx;

    public ReadOnlyTransaction(StorageTransaction tx) {
        this.tx = tx;
    }

    static IllegalStateException refused() {
        return new IllegalStateException("this is a read-only transaction");
    }

    private static class Store<I extends Id, T extends Aggregate<I>, F> implements AggregateStore<I, T, F> {
        final AggregateStore<I, T, F> delegate;

        Store(AggregateStore<I, T, F> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<T> find(I id) {
            return delegate.find(id);
        }

        @Override
        public void save(T aggregate, long expectedVersion) {
            throw refused();
        }

        @Override
        public void delete(I id, long expectedVersion) {
            throw refused();
        }

        @Override
        public Page<T> query(F filter, PageRequest page) {
            return delegate.query(filter, page);
        }

        @Override
        public long count(F filter) {
            return delegate.count(filter);
        }
    }

    @Override
    public AggregateStore<RegionCode, Region, RegionFilter> regions() {
        return new Store<>(tx.regions());
    }

    @Override
    public AggregateStore<SectorCode, Sector, SectorFilter> sectors() {
        return new Store<>(tx.sectors());
    }

    @Override
    public AggregateStore<PartnerId, Partner, PartnerFilter> partners() {
        return new Store<>(tx.partners());
    }

    @Override
    public AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
        return new Store<>(tx.staffUsers());
    }

    @Override
    public EmployerStore employers() {
        EmployerStore d = tx.employers();
        class Employers extends Store<EmployerId, Employer, EmployerFilter> implements EmployerStore {
            Employers() {
                super(d);
            }

            @Override
            public Page<Employer> search(SearchTerms terms, PageRequest page) {
                return d.search(terms, page);
            }

            @Override
            public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
                return d.countByRegionAndSector(filter);
            }
        }
        return new Employers();
    }

    @Override
    public ContactStore contacts() {
        ContactStore d = tx.contacts();
        class Contacts extends Store<ContactId, Contact, ContactFilter> implements ContactStore {
            Contacts() {
                super(d);
            }

            @Override
            public Page<Contact> search(SearchTerms terms, PageRequest page) {
                return d.search(terms, page);
            }
        }
        return new Contacts();
    }

    @Override
    public EngagementStore engagements() {
        EngagementStore d = tx.engagements();
        class Engagements extends Store<EngagementId, Engagement, EngagementFilter> implements EngagementStore {
            Engagements() {
                super(d);
            }

            @Override
            public Page<Engagement> search(SearchTerms terms, StaffUserId reader, PartnerId readerPartner, PageRequest page) {
                return d.search(terms, reader, readerPartner, page);
            }

            @Override
            public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                return d.servedEstablishments(from, to);
            }
        }
        return new Engagements();
    }

    @Override
    public AggregateStore<NeedId, BusinessNeed, NeedFilter> needs() {
        return new Store<>(tx.needs());
    }

    @Override
    public AggregateStore<SolutionId, Solution, SolutionFilter> solutions() {
        return new Store<>(tx.solutions());
    }

    @Override
    public AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
        return new Store<>(tx.partnerships());
    }

    @Override
    public AggregateStore<ReferralId, Referral, ReferralFilter> referrals() {
        return new Store<>(tx.referrals());
    }

    @Override
    public AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
        return new Store<>(tx.outcomes());
    }

    @Override
    public AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback() {
        return new Store<>(tx.feedback());
    }

    @Override
    public AuditLog audit() {
        AuditLog d = tx.audit();
        return new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                throw refused();
            }

            @Override
            public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                return d.query(filter, page);
            }
        };
    }

    @Override
    public EventLog events() {
        EventLog d = tx.events();
        return new EventLog() {
            @Override
            public void append(DomainEvent event) {
                throw refused();
            }

            @Override
            public List<StoredEvent> after(long afterSequence, int limit) {
                return d.after(afterSequence, limit);
            }
        };
    }
}
