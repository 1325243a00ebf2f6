package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;

/** The bulk write path: the same checks, audit entries and events as single writes, batches that fail record by record. */
class RecordBatchTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private final List<DomainEvent> events = new ArrayList<>();
    private InMemoryCrmStorage storage;
    private Crm crm;
    private CrmSession staff;
    private StaffUser viewer;
    private long setupEvents;

    @BeforeEach
    void setUp() {
        storage = new InMemoryCrmStorage();
        crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(7))).listener(events::add).build();
        StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        reference.regions().create(Region.of("IL-EDR-4", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        reference.sectors().create(Sector.of("MFG", "Manufacturing", List.of("31", "32", "33")));
        staff = crm.as(reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF)));
        viewer = reference.staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", "vi@board.example", Role.VIEWER));
        events.clear();
        setupEvents = crm.events().after(0, 100).size();
    }

    private static Employer employer(int i) {
        return Employer.named("Works " + i).withNaics(NaicsCode.of("333514")).withRegion(new RegionCode("IL-EDR-4"));
    }

    private List<org.sectorcrm.core.audit.AuditEntry> createAudits() {
        return storage.read(tx -> tx.audit().query(new AuditFilter("employer", null, null, "CREATE", null, null), PageRequest.first(100))).items();
    }

    @Test
    void importAllCreatesEveryRecordWithItsDerivedFieldsAuditEntryAndEvent() {
        BatchReport report = staff.employers().importAll(IntStream.range(0, 25).mapToObj(RecordBatchTest::employer), BatchOptions.defaults().withBatchSize(10));

        assertThat(report.created()).isEqualTo(25);
        assertThat(report.rejections()).isEmpty();
        List<Employer> stored = staff.employers().list(EmployerFilter.ALL, PageRequest.first(100)).items();
        assertThat(stored).hasSize(25).allSatisfy(e -> {
            assertThat(e.sector()).isEqualTo(new SectorCode("MFG")); // derived from the NAICS code, as create does
            assertThat(e.version()).isEqualTo(1);
        });
        assertThat(createAudits()).hasSize(25);
        assertThat(events).hasSize(25).allMatch(e -> e instanceof DomainEvent.Created);
        assertThat(crm.events().after(setupEvents, 100)).hasSize(25);
    }

    @Test
    void aRecordFailingItsChecksIsRejectedAloneAndNamedByPosition() {
        Stream<Employer> records = Stream.of(employer(0), employer(1).withRegion(new RegionCode("NOWHERE")), employer(2));

        BatchReport report = staff.employers().importAll(records, BatchOptions.defaults());

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.problem()).isInstanceOf(ValidationException.class).hasMessageContaining("NOWHERE");
        });
        assertThat(staff.employers().count(EmployerFilter.ALL)).isEqualTo(2);
    }

    @Test
    void aBatchWhoseWritesFailIsWrittenAgainRecordByRecordKeepingTheGoodOnes() {
        Fein fein = Fein.parse("36-1234567");
        Stream<Employer> records = Stream.of(employer(0).withFein(fein), employer(1), employer(2).withFein(fein), employer(3));

        BatchReport report = staff.employers().importAll(records, BatchOptions.defaults());

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(2);
            assertThat(r.problem()).isInstanceOf(ConflictException.class).hasMessageContaining("361234567");
        });
        assertThat(staff.employers().count(EmployerFilter.ALL)).isEqualTo(3);
        assertThat(createAudits()).hasSize(3);
        assertThat(events).hasSize(3);
    }

    @Test
    void updatesAreSavedOverTheVersionReadAndAStaleOneIsRejected() {
        Employer a = staff.employers().create(employer(0));
        Employer b = staff.employers().create(employer(1));
        staff.employers().update(b.withWebsite("https://moved.example")); // b is now at version 2
        events.clear();
        List<Object> outcomes = new ArrayList<>();

        staff.employers().<String>batch(BatchOptions.defaults(), new RecordBatch.Listener<>() {
            @Override
            public void stored(String tag, RecordBatch.Outcome outcome, Employer record) {
                outcomes.add(tag + ":" + outcome + ":" + record.version());
            }

            @Override
            public void rejected(String tag, CrmException problem) {
                outcomes.add(tag + ":" + problem.getClass().getSimpleName());
            }
        }, batch -> {
            batch.update("a", a.withEmployees(40));
            batch.update("a-again", a.withEmployees(41)); // the same id again: the queue is written first, so this one is stale
            batch.update("b", b.withEmployees(7));
            batch.update("unchanged", staff.employers().get(b.id()));
        });

        assertThat(outcomes).containsExactly("a:UPDATED:2", "a-again:ConflictException", "b:ConflictException", "unchanged:UNCHANGED:2");
        assertThat(staff.employers().get(a.id()).employees()).isEqualTo(40);
        assertThat(events).hasSize(1);
    }

    @Test
    void aDryRunReportsWhatTheRealRunDoesAndKeepsNothing() {
        Fein fein = Fein.parse("36-1234567");
        List<Employer> records = List.of(employer(0), employer(1).withFein(fein), employer(2).withFein(fein));

        BatchReport dry = staff.employers().importAll(records.stream(), BatchOptions.defaults().withDryRun(true));

        assertThat(staff.employers().count(EmployerFilter.ALL)).isZero();
        assertThat(events).isEmpty();
        assertThat(crm.events().after(setupEvents, 10)).isEmpty();
        BatchReport real = staff.employers().importAll(records.stream(), BatchOptions.defaults());
        assertThat(dry.created()).isEqualTo(real.created()).isEqualTo(2);
        assertThat(dry.rejections()).extracting(BatchReport.Rejection::index).containsExactlyElementsOf(
                real.rejections().stream().map(BatchReport.Rejection::index).toList());
    }

    @Test
    void aViewerMayNotBatch() {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> crm.as(viewer).employers().importAll(Stream.of(employer(0)), BatchOptions.defaults()));
    }

    @Test
    void batchSizeIsBounded() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> BatchOptions.defaults().withBatchSize(0));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> BatchOptions.defaults().withBatchSize(BatchOptions.MAX_BATCH_SIZE + 1));
    }
}
