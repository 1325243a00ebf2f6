package org.sectorcrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.report.CadenceReport;

/**
 * A store written against kit 2.2, whose {@link ReportQueries} implements only the queries that kit knew, still
 * compiles (this class is one) and its reports stay correct: the queries added since come from the defaults, and
 * the reports compute them by scanning.
 */
class ReportQueriesDefaultsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-30T15:00:00Z"), ZoneOffset.UTC);

    /** The queries of kit 2.2, each answered as the reference does; none of kit 2.3's. */
    private static ReportQueries kit22(StorageTransaction tx) {
        ReportQueries reference = ReportQueries.scanning(tx);
        return new ReportQueries() {
            @Override
            public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
                return reference.countByRegionAndSector(filter);
            }

            @Override
            public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                return reference.servedEstablishments(from, to);
            }

            @Override
            public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner) {
                return reference.countableServices(from, to, partner);
            }

            @Override
            public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, PartnerId partner, boolean byCategory) {
                return reference.placedCountableServices(from, to, partner, byCategory);
            }

            @Override
            public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
                return reference.partnerContacts(from, to);
            }
        };
    }

    private static CrmStorage kit22Storage(InMemoryCrmStorage memory) {
        return new CrmStorage() {
            @Override
            public <R> R inTransaction(TransactionWork<R> work) {
                return memory.inTransaction(tx -> work.run(new ForwardingStorageTransaction(tx) {
                    @Override
                    public ReportQueries reports() {
                        return kit22(this);
                    }
                }));
            }

            @Override
            public Set<Capability> capabilities() {
                return memory.capabilities();
            }

            @Override
            public void close() {
                memory.close();
            }
        };
    }

    @Test
    void theQueriesAKit22StoreLeavesToTheDefaultsSayNotAnsweredAndOfComputesThemByScanning() {
        CrmStorage storage = kit22Storage(new InMemoryCrmStorage());
        Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(3))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada", "ada@board.example");
        Employer acme = crm.as(admin).employers().create(Employer.named("Acme"));
        assertThatThrownBy(() -> storage.read(tx -> tx.reports().cadenceFacts())).isInstanceOf(ReportQueries.NotAnswered.class)
                .hasMessageContaining("ReportQueries.cadenceFacts is not answered");
        assertThatThrownBy(() -> storage.read(tx -> tx.reports().referralFacts())).isInstanceOf(ReportQueries.NotAnswered.class);
        assertThatThrownBy(() -> storage.read(tx -> tx.reports().needFacts())).isInstanceOf(ReportQueries.NotAnswered.class);
        assertThatThrownBy(() -> storage.read(tx -> tx.reports().outcomeFacts())).isInstanceOf(ReportQueries.NotAnswered.class);
        assertThatThrownBy(() -> storage.read(tx -> tx.reports().feedbackRatings())).isInstanceOf(ReportQueries.NotAnswered.class);
        List<Object> viaOf = storage.read(tx -> List.of(ReportQueries.of(tx).cadenceFacts(), ReportQueries.of(tx).referralFacts(),
                ReportQueries.of(tx).needFacts(), ReportQueries.of(tx).outcomeFacts(), ReportQueries.of(tx).feedbackRatings()));
        List<Object> scanned = storage.read(tx -> List.of(ReportQueries.scanning(tx).cadenceFacts(), ReportQueries.scanning(tx).referralFacts(),
                ReportQueries.scanning(tx).needFacts(), ReportQueries.scanning(tx).outcomeFacts(), ReportQueries.scanning(tx).feedbackRatings()));
        assertThat(viaOf).isEqualTo(scanned);
        assertThat(viaOf.get(0)).asList().containsExactly(new ReportQueries.CadenceFact(acme.id(), "Acme", null, null));
        // The report itself runs on such a store.
        CadenceReport report = crm.as(admin).reports().cadence(LocalDate.of(2026, 6, 30), 90, Map.of());
        assertThat(report.partners()).extracting(CadenceReport.PartnerRow::partnerName).containsExactly("Board");
    }

    @Test
    void aQueryTheStoreAnswersIsNeverReplacedByScanning() {
        InMemoryCrmStorage memory = new InMemoryCrmStorage();
        List<ReportQueries.CadenceFact> own = List.of();
        List<ReportQueries.CadenceFact> answered = memory.read(tx -> ReportQueries.of(new ForwardingStorageTransaction(tx) {
            @Override
            public ReportQueries reports() {
                return new ForwardingReportQueries(super.reports()) {
                    @Override
                    public List<CadenceFact> cadenceFacts() {
                        return own;
                    }
                };
            }
        }).cadenceFacts());
        assertThat(answered).isSameAs(own);
    }
}
