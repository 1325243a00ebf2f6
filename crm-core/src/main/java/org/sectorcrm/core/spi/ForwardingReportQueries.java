package org.sectorcrm.core.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.PartnerId;

/**
 * Report queries that hand every call to others: the base of decorators that change one query (a test double, an
 * instrumented store) or check something before each (a cache refusing calls on an ended transaction). A decorator
 * overrides the query it changes, or {@link #beforeEachQuery()}; the others are forwarded. A query added to
 * {@link ReportQueries} is added here forwarded, so that decorators extending this class keep forwarding it instead
 * of each re-forwarding every query by hand.
 *
 * @since 2 (kit 2.2)
 */
public class ForwardingReportQueries implements ReportQueries {
    private final ReportQueries delegate;

    public ForwardingReportQueries(ReportQueries delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The report queries calls are handed to. */
    protected ReportQueries delegate() {
        return delegate;
    }

    /** Runs before every forwarded query; does nothing here. An exception it throws reaches the caller instead of the query's answer. */
    protected void beforeEachQuery() {
    }

    @Override
    public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
        beforeEachQuery();
        return delegate.countByRegionAndSector(filter);
    }

    @Override
    public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
        beforeEachQuery();
        return delegate.servedEstablishments(from, to);
    }

    @Override
    public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner) {
        beforeEachQuery();
        return delegate.countableServices(from, to, partner);
    }

    @Override
    public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, PartnerId partner, boolean byCategory) {
        beforeEachQuery();
        return delegate.placedCountableServices(from, to, partner, byCategory);
    }

    @Override
    public List<EseEstablishment> eseEstablishments(EseQuery query) {
        beforeEachQuery();
        return delegate.eseEstablishments(query);
    }

    @Override
    public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
        beforeEachQuery();
        return delegate.partnerContacts(from, to);
    }

    @Override
    public List<ReferralFact> referralFacts() {
        beforeEachQuery();
        return delegate.referralFacts();
    }

    @Override
    public List<NeedFact> needFacts() {
        beforeEachQuery();
        return delegate.needFacts();
    }

    @Override
    public List<OutcomeFact> outcomeFacts() {
        beforeEachQuery();
        return delegate.outcomeFacts();
    }

    @Override
    public List<RatingCount> feedbackRatings() {
        beforeEachQuery();
        return delegate.feedbackRatings();
    }

    @Override
    public List<CadenceFact> cadenceFacts() {
        beforeEachQuery();
        return delegate.cadenceFacts();
    }
}
