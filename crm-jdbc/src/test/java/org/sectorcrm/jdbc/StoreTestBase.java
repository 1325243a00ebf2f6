package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ReportQueries.GroupCount;
import org.sectorcrm.core.spi.ReportQueries.ServedEstablishment;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Events;
import org.sectorcrm.tck.fixtures.Feedbacks;
import org.sectorcrm.tck.fixtures.Feins;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Notes;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Partnerships;
import org.sectorcrm.tck.fixtures.Records;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.Sectors;
import org.sectorcrm.tck.fixtures.Solutions;
import org.sectorcrm.tck.fixtures.StaffUsers;

/**
 * The SQL layer on one engine: round trips through columns, child rows and documents, optimistic
 * locking, SQL errors mapped to the SPI's exceptions, transactions, pages, filters, search, reports,
 * audit and outbox. A subclass per engine supplies the database.
 */
abstract class StoreTestBase {
    protected JdbcCrmStorage storage;

    abstract TestDatabase db();

    @BeforeEach
    void open() {
        storage = db().fresh();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    // --- helpers ---

    <T> T tx(java.util.function.Function<StorageTransaction, T> work) {
        return storage.inTransaction(work::apply);
    }

    void write(java.util.function.Consumer<StorageTransaction> work) {
        storage.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    <T> T read(java.util.function.Function<StorageTransaction, T> work) {
        return storage.read(work::apply);
    }

    /**
     * The employer these tests query: the kit's typical one, led by the fixtures' creator, tagged "automotive", with a
     * primary site at ZIP 61101-1234 and another at 61008 (the tag and ZIP filters and the child-row rewrites use them).
     */
    static Employers.Builder anEmployer() {
        return Employers.anEmployer().ledBy(Fixtures.CREATOR).withTags("automotive", "since 1999")
                .withEstablishments(Establishments.anEstablishment().atZip("61101-1234").build(), Establishments.anEstablishment().notPrimary().atZip("61008").build());
    }

    /** A staff-assisted meeting on 15 January 2026 delivering two services (recruitment and training), as the filters and reports here need. */
    static Engagements.Builder aVisit(EmployerId employer, PartnerId partner, StaffUser staff) {
        return Engagements.anEngagement().forEmployer(employer).by(staff.id(), partner).on(LocalDate.of(2026, 1, 15))
                .withServices(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES);
    }

    Employer insertEmployer() {
        Employer e = anEmployer().build();
        write(tx -> tx.employers().save(e, 0));
        return e;
    }

    Partner insertPartner() {
        Partner p = Partners.aPartner().build();
        write(tx -> tx.partners().save(p, 0));
        return p;
    }

    static Employer next(Employer e) {
        return e.withEmployees(e.employees() == null ? 1 : e.employees() + 1).withStamp(e.stamp().next(Fixtures.NOW.plusSeconds(1)));
    }

    static <I extends Id, T extends Aggregate<I>, F> List<T> all(AggregateStore<I, T, F> store, F filter, int pageSize) {
        List<T> out = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<T> page = store.query(filter, request);
            out.addAll(page.items());
            if (!page.hasNext()) {
                return out;
            }
            request = PageRequest.after(page.nextCursor(), pageSize);
        }
    }

    // --- round trips ---

    @Test
    void everyAggregateRoundTripsThroughColumnsChildRowsAndDocument() {
        Employer parent = anEmployer().build();
        Partner parentPartner = Partners.aPartner().build();
        write(tx -> {
            tx.employers().save(parent, 0);
            tx.partners().save(parentPartner, 0);
        });
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            roundTrip(type, parent.id(), parentPartner.id());
        }
    }

    @Test
    void anUpdateRewritesColumnsAndChildRows() {
        // The old tags, zips, notes and services must be gone.
        Partner partner = insertPartner();
        StaffUser staff = StaffUsers.aStaffUser().of(partner.id()).build();
        write(tx -> tx.staffUsers().save(staff, 0));
        Employer employer = anEmployer().build();
        Employer other = anEmployer().build();
        // A note without an id is stored as it is.
        Engagement engagement = aVisit(employer.id(), partner.id(), staff).withNotes(
                Notes.aNote().by(staff.id(), partner.id()).visibleTo(org.sectorcrm.core.engagement.Visibility.SHARED).saying("Shared note text").build(),
                Notes.aNote().withId(null).by(staff.id(), partner.id()).visibleTo(org.sectorcrm.core.engagement.Visibility.PRIVATE).saying("Private thoughts")
                        .build()).build();
        write(tx -> {
            tx.employers().save(employer, 0);
            tx.employers().save(other, 0);
            tx.engagements().save(engagement, 0);
        });
        assertThat(read((StorageTransaction tx) -> tx.engagements().find(engagement.id()))).contains(engagement);
        Employer renamed = employer.withTags(Set.of("bakery")).withEstablishments(List.of()).withLegalName("Renamed Bakery")
                .withStamp(employer.stamp().next(Fixtures.NOW.plusSeconds(5)));
        Engagement trimmed = engagement.withNotes(List.of()).withServices(Set.of()).withStamp(engagement.stamp().next(Fixtures.NOW.plusSeconds(5)));
        write(tx -> {
            tx.employers().save(renamed, 1);
            tx.engagements().save(trimmed, 1);
        });
        read(tx -> {
            assertThat(tx.employers().find(employer.id())).contains(renamed);
            assertThat(tx.employers().query(EmployerFilter.ALL.withTag("automotive"), PageRequest.first()).items()).containsExactly(other);
            assertThat(tx.employers().query(EmployerFilter.ALL.withTag("bakery"), PageRequest.first()).items()).containsExactly(renamed);
            assertThat(tx.employers().query(EmployerFilter.ALL.withZip("61101"), PageRequest.first()).items()).containsExactly(other);
            assertThat(tx.engagements().find(engagement.id())).contains(trimmed);
            assertThat(tx.engagements().count(new EngagementFilter(null, null, null, null, null, null, null, EseCategory.TRAINING_SERVICES, null)))
                    .isZero();
            assertThat(tx.engagements().search(SearchTerms.parse("shared"), Reader.of(staff.id(), partner.id()), PageRequest.first()).items()).isEmpty();
            return null;
        });
    }

    /** The kit's typical, full and minimal records of {@code type}, saved and read back equal. */
    private <I extends Id, T extends Aggregate<I>, F> void roundTrip(AggregateType<I, T, F> type, EmployerId employer, PartnerId partner) {
        List<T> records = List.of(Records.typical(type, employer, partner), Records.full(type, employer, partner), Records.minimal(type, employer, partner));
        write(tx -> records.forEach(r -> tx.store(type).save(r, 0)));
        read(tx -> {
            for (T r : records) {
                assertThat(tx.store(type).find(r.id())).as("%s %s", type, r.id()).contains(r);
            }
            return null;
        });
    }

    @Test
    void decimalsKeepTheirScaleAndInstantsTheirNanoseconds() {
        Employer employer = insertEmployer();
        OutcomeMeasure outcome = Outcomes.anOutcome().at(employer.id()).withBaseline(LocalDate.of(2025, 1, 1), new BigDecimal("31.500")).build()
                .withObservations(List.of(
                new org.sectorcrm.core.outcome.Observation(LocalDate.of(2025, 2, 1), new BigDecimal("1E+3")),
                new org.sectorcrm.core.outcome.Observation(LocalDate.of(2025, 3, 1), new BigDecimal("12.3400"))));
        Contact contact = Contacts.aContact().at(employer.id()).withStamp(new org.sectorcrm.core.Stamp(1, Instant.parse("1999-12-31T23:59:59.999999999Z"),
                Instant.parse("2000-02-29T00:00:00.000000001Z"), Fixtures.CREATOR)).build();
        write(tx -> {
            tx.outcomes().save(outcome, 0);
            tx.contacts().save(contact, 0);
        });
        assertThat(read((StorageTransaction tx) -> tx.outcomes().find(outcome.id()))).contains(outcome);
        assertThat(read((StorageTransaction tx) -> tx.contacts().find(contact.id()))).contains(contact);
    }

    // --- optimistic locking and its errors ---

    @Test
    void aStaleSaveIsAConflictCarryingTheCurrentVersionAndChangesNothing() {
        Employer v1 = insertEmployer();
        Employer v2 = next(v1);
        write(tx -> tx.employers().save(v2, 1));
        Employer stale = next(v1).withLegalName("Stale write");
        ConflictException e = catchConflict(() -> write((StorageTransaction tx) -> tx.employers().save(stale, 1)));
        assertThat(e.currentVersion()).hasValue(2);
        assertThat(e.getMessage()).contains("expected version 1", "version 2 is stored");
        assertThat(read((StorageTransaction tx) -> tx.employers().find(v1.id()))).contains(v2);
    }

    @Test
    void anInsertOfAnExistingIdIsAConflictCarryingItsVersion() {
        Employer v1 = insertEmployer();
        write(tx -> tx.employers().save(next(v1), 1));
        ConflictException e = catchConflict(() -> write((StorageTransaction tx) -> tx.employers().save(v1.withFein(Feins.next()), 0)));
        assertThat(e.currentVersion()).hasValue(2);
        assertThat(e.getMessage()).contains("already exists");
    }

    @Test
    void savingOverAMissingRecordOrDeletingOneIsNotFound() {
        Employer never = anEmployer().build();
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> write(tx -> tx.employers().save(next(never), 1)))
                .satisfies(e -> assertThat(e.recordId()).isEqualTo(never.id().asString()));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> write(tx -> tx.employers().delete(never.id(), 1)));
        Employer e = insertEmployer();
        ConflictException stale = catchConflict(() -> write((StorageTransaction tx) -> tx.employers().delete(e.id(), 3)));
        assertThat(stale.currentVersion()).hasValue(1);
        write(tx -> tx.employers().delete(e.id(), 1));
        assertThat(read((StorageTransaction tx) -> tx.employers().find(e.id()))).isEmpty();
    }

    @Test
    void takenUniqueKeysAreConflictsNamingTheKeyAndTheHolder() {
        Employer first = insertEmployer();
        Employer copy = anEmployer().withFein(first.fein()).build();
        ConflictException fein = catchConflict(() -> write((StorageTransaction tx) -> tx.employers().save(copy, 0)));
        assertThat(fein.getMessage()).contains("FEIN", first.fein().value(), first.id().asString());
        Partner partner = insertPartner();
        StaffUser ada = StaffUsers.aStaffUser().of(partner.id()).build();
        write(tx -> tx.staffUsers().save(ada, 0));
        StaffUser twin = StaffUsers.aStaffUser().of(partner.id()).named("Twin").withEmail(ada.email().value()).withRole(ada.role()).build();
        assertThat(catchConflict(() -> write((StorageTransaction tx) -> tx.staffUsers().save(twin, 0))).getMessage()).contains("e-mail", ada.email().value());
        Engagement a = aVisit(first.id(), partner.id(), ada).withExternalId("LEGACY-42").build();
        Engagement b = aVisit(first.id(), partner.id(), ada).withExternalId("LEGACY-42").build();
        write(tx -> tx.engagements().save(a, 0));
        assertThat(catchConflict(() -> write((StorageTransaction tx) -> tx.engagements().save(b, 0))).getMessage()).contains("external id", "LEGACY-42");
        // Equality is exact: case and trailing blanks make another key (MariaDB's default collations would not agree).
        write(tx -> tx.engagements().save(b.withExternalId("legacy-42"), 0));
        Engagement c = aVisit(first.id(), partner.id(), ada).withExternalId("LEGACY-42 ").build();
        write(tx -> tx.engagements().save(c, 0));
        assertThat(read((StorageTransaction tx) -> tx.engagements().count(EngagementFilter.byExternalId("LEGACY-42")))).isEqualTo(1);
    }

    @Test
    void aConflictCaughtByTheWorkLeavesTheTransactionUsableAndUnchanged() {
        Employer first = insertEmployer();
        Employer clash = anEmployer().withFein(first.fein()).build();
        Employer fine = anEmployer().build();
        write(tx -> {
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> tx.employers().save(clash, 0));
            assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> tx.contacts().save(Contacts.aContact().at(Fixtures.employerId()).build(), 0));
            tx.employers().save(fine, 0);
        });
        assertThat(read((StorageTransaction tx) -> tx.employers().find(fine.id()))).contains(fine);
        assertThat(read((StorageTransaction tx) -> tx.employers().find(clash.id()))).isEmpty();
    }

    @Test
    void missingReferencesAreNotFoundAndReferencedRecordsCannotBeDeleted() {
        Employer employer = insertEmployer();
        Partner partner = insertPartner();
        List<String> checked = new ArrayList<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            for (AggregateType.Reference<?> reference : type.references()) {
                checkReference(type, reference.field(), employer, partner);
                checked.add(type.key() + "." + reference.field());
            }
        }
        assertThat(checked).as("test self-check: references to employers and partners were checked").contains("contact.employer", "staffUser.partner");
        // The messages name what still refers to the record.
        write(tx -> tx.staffUsers().save(StaffUsers.aStaffUser().of(partner.id()).build(), 0));
        assertThat(catchConflict(() -> write((StorageTransaction tx) -> tx.partners().delete(partner.id(), 1))).getMessage())
                .contains("still referenced by staff users");
        write(tx -> tx.employers().delete(employer.id(), 1));
        assertThat(read((StorageTransaction tx) -> tx.employers().find(employer.id()))).isEmpty();
    }

    /**
     * A typical record of {@code type} whose {@code field} refers to a record that does not exist is refused as not found,
     * naming that record; one that refers to a stored record keeps it from being deleted until the record itself is.
     */
    private <I extends Id, T extends Aggregate<I>, F> void checkReference(AggregateType<I, T, F> type, String field, Employer employer, Partner partner) {
        AggregateType.Reference<T> reference = type.references().stream().filter(r -> r.field().equals(field)).findFirst().orElseThrow();
        T dangling = Records.typical(type, Fixtures.employerId(), Fixtures.partnerId());
        Id ghost = reference.of(dangling);
        assertThat(ghost).as("test self-check: the typical %s sets its %s", type, field).isNotNull();
        NotFoundException missing = catchThrowableOfType(() -> write(tx -> tx.store(type).save(dangling, 0)), NotFoundException.class);
        assertThat(missing.recordType()).as("%s.%s", type, field).isEqualTo(reference.target().key());
        assertThat(missing.recordId()).as("%s.%s", type, field).isEqualTo(ghost.asString());

        T referring = Records.typical(type, employer.id(), partner.id());
        Id target = reference.of(referring);
        assertThat(target).as("test self-check: %s.%s refers to the stored employer or partner", type, field).isIn(employer.id(), partner.id());
        write(tx -> tx.store(type).save(referring, 0));
        ConflictException inUse = catchConflict(() -> write((StorageTransaction tx) -> {
            if (target.equals(employer.id())) {
                tx.employers().delete(employer.id(), 1);
            } else {
                tx.partners().delete(partner.id(), 1);
            }
        }));
        assertThat(inUse.getMessage()).as("%s.%s", type, field).contains("still referenced");
        assertThat(inUse.currentVersion()).hasValue(1);
        write(tx -> tx.store(type).delete(referring.id(), referring.version()));
    }

    static ConflictException catchConflict(Runnable r) {
        return catchThrowableOfType(r, ConflictException.class);
    }

    static <E extends Throwable> E catchThrowableOfType(Runnable r, Class<E> type) {
        Throwable t = catchThrowable(r::run);
        assertThat(t).isInstanceOf(type);
        return type.cast(t);
    }

    // --- transactions ---

    @Test
    void whenTheWorkThrowsNothingOfItIsKeptAnywhere() {
        Employer kept = insertEmployer();
        Employer added = anEmployer().build();
        Contact contact = Contacts.aContact().at(added.id()).build();
        AuditEntry entry = AuditEntries.anAuditEntry().did("CREATE", "employer", added.id().asString()).build();
        IllegalStateException failure = new IllegalStateException("on purpose");
        Throwable thrown = catchThrowable(() -> write(tx -> {
            tx.employers().save(added, 0);
            tx.contacts().save(contact, 0);
            tx.employers().save(next(kept), 1);
            tx.audit().append(entry);
            tx.events().append(Events.created(AggregateTypes.EMPLOYER));
            throw failure;
        }));
        assertThat(thrown).isSameAs(failure);
        read(tx -> {
            assertThat(tx.employers().find(added.id())).isEmpty();
            assertThat(tx.employers().find(kept.id())).contains(kept);
            assertThat(tx.contacts().find(contact.id())).isEmpty();
            assertThat(tx.employers().search(SearchTerms.parse(added.legalName()), Reader.EVERYONE, PageRequest.first()).items()).doesNotContain(added);
            assertThat(tx.employers().query(EmployerFilter.ALL.withTag("automotive"), PageRequest.first()).items()).containsExactly(kept);
            assertThat(tx.audit().query(AuditFilter.ALL, PageRequest.first()).items()).isEmpty();
            assertThat(tx.events().after(0, 10)).isEmpty();
            return null;
        });
    }

    @Test
    void aConstraintViolationMidTransactionRollsBackEverythingInIt() {
        Employer holder = insertEmployer();
        Employer first = anEmployer().build();
        Contact contact = Contacts.aContact().at(first.id()).build();
        Employer clash = anEmployer().withFein(holder.fein()).build();
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> write(tx -> {
            tx.employers().save(first, 0);
            tx.contacts().save(contact, 0);
            tx.employers().save(next(holder), 1);
            tx.events().append(Events.created(AggregateTypes.EMPLOYER));
            tx.employers().save(clash, 0);
        }));
        read(tx -> {
            assertThat(tx.employers().find(first.id())).isEmpty();
            assertThat(tx.contacts().find(contact.id())).isEmpty();
            assertThat(tx.employers().find(holder.id())).contains(holder);
            assertThat(tx.events().after(0, 10)).isEmpty();
            assertThat(tx.employers().count(EmployerFilter.ALL)).isEqualTo(1);
            return null;
        });
    }

    @Test
    void aNestedTransactionThatThrowsUndoesItsOwnWritesOnlyWhenTheOuterGoesOn() {
        Employer outer = anEmployer().build();
        Employer inner = anEmployer().build();
        DomainEvent outerEvent = Events.created(AggregateTypes.EMPLOYER);
        write(tx -> {
            tx.employers().save(outer, 0);
            tx.events().append(outerEvent);
            Throwable t = catchThrowable(() -> storage.inTransaction(in -> {
                in.employers().save(inner, 0);
                in.events().append(Events.created(AggregateTypes.EMPLOYER));
                throw new IllegalStateException("inner fails");
            }));
            assertThat(t).hasMessage("inner fails");
            assertThat(tx.employers().find(inner.id())).isEmpty();
        });
        assertThat(read((StorageTransaction tx) -> tx.employers().find(outer.id()))).contains(outer);
        assertThat(read((StorageTransaction tx) -> tx.employers().find(inner.id()))).isEmpty();
        assertThat(read((StorageTransaction tx) -> tx.events().after(0, 10))).extracting(StoredEvent::event).containsExactly(outerEvent);
    }

    @Test
    void nestedUnitsAreSavepointsThatUndoExactlyTheirOwnWritesAtAnyDepth() {
        Employer kept = insertEmployer();
        Employer outerBefore = anEmployer().named("Outerbefore Works").build();
        Employer outerAfter = anEmployer().build();
        Employer inner = anEmployer().named("Innerunit Works").build();
        Employer innermost = anEmployer().build();
        DomainEvent outerEvent = Events.created(AggregateTypes.EMPLOYER);
        DomainEvent innerEvent = Events.created(AggregateTypes.EMPLOYER);
        write(tx -> {
            tx.employers().save(outerBefore, 0);
            tx.events().append(outerEvent);
            // The inner unit inserts, updates and deletes (also what the outer wrote), with child rows and search words.
            Throwable t = catchThrowable(() -> storage.inTransaction(in -> {
                in.employers().save(inner, 0);
                in.employers().save(next(kept).withTags(Set.of("renamed-tag")), 1);
                in.employers().delete(outerBefore.id(), 1);
                in.events().append(Events.created(AggregateTypes.EMPLOYER));
                throw new IllegalStateException("inner fails");
            }));
            assertThat(t).hasMessage("inner fails");
            assertThat(tx.employers().find(kept.id())).contains(kept);
            assertThat(tx.employers().find(outerBefore.id())).contains(outerBefore);
            assertThat(tx.employers().find(inner.id())).isEmpty();
            assertThat(tx.employers().count(EmployerFilter.ALL.withTag("renamed-tag"))).isZero();
            assertThat(tx.employers().search(SearchTerms.parse("outerbefore"), Reader.EVERYONE, PageRequest.first()).items()).containsExactly(outerBefore);
            assertThat(tx.employers().search(SearchTerms.parse("innerunit"), Reader.EVERYONE, PageRequest.first()).items()).isEmpty();
            // A unit that catches the failure of a unit inside it keeps its own writes.
            storage.inTransaction(in -> {
                in.employers().save(inner, 0);
                in.events().append(innerEvent);
                assertThat(catchThrowable(() -> storage.inTransaction(deeper -> {
                    deeper.employers().save(innermost, 0);
                    throw new IllegalArgumentException("innermost fails");
                }))).hasMessage("innermost fails");
                assertThat(in.employers().find(innermost.id())).isEmpty();
                return null;
            });
            tx.employers().save(outerAfter, 0);
        });
        read(tx -> {
            assertThat(tx.employers().find(kept.id())).contains(kept);
            assertThat(tx.employers().find(outerBefore.id())).contains(outerBefore);
            assertThat(tx.employers().find(inner.id())).contains(inner);
            assertThat(tx.employers().find(outerAfter.id())).contains(outerAfter);
            assertThat(tx.employers().find(innermost.id())).isEmpty();
            assertThat(tx.employers().search(SearchTerms.parse("innerunit"), Reader.EVERYONE, PageRequest.first()).items()).containsExactly(inner);
            assertThat(tx.events().after(0, 10)).extracting(StoredEvent::event).containsExactly(outerEvent, innerEvent);
            return null;
        });
    }

    @Test
    void aStorageExceptionInsideANestedUnitRollsBackTheWholeTransactionEvenWhenTheOuterCatchesIt() {
        Employer outer = anEmployer().build();
        Employer inner = anEmployer().build();
        org.sectorcrm.core.StorageException lost = new org.sectorcrm.core.StorageException("the connection was lost");
        Throwable thrown = catchThrowable(() -> write(tx -> {
            tx.employers().save(outer, 0);
            tx.events().append(Events.created(AggregateTypes.EMPLOYER));
            Throwable caught = catchThrowable(() -> storage.inTransaction(in -> {
                in.employers().save(inner, 0);
                throw lost;
            }));
            assertThat(caught).isSameAs(lost);
            // Nothing more runs in a transaction that can only roll back.
            assertThatExceptionOfType(org.sectorcrm.core.StorageException.class).isThrownBy(() -> tx.employers().find(outer.id()))
                    .withMessageContaining("can only roll back");
        }));
        assertThat(thrown).isInstanceOf(org.sectorcrm.core.StorageException.class).hasMessageContaining("the connection was lost").hasCause(lost);
        read(tx -> {
            assertThat(tx.employers().find(outer.id())).isEmpty();
            assertThat(tx.employers().find(inner.id())).isEmpty();
            assertThat(tx.events().after(0, 10)).isEmpty();
            return null;
        });
        // A read nested in a transaction is a unit too.
        Throwable fromRead = catchThrowable(() -> write(tx -> {
            tx.employers().save(outer, 0);
            catchThrowable(() -> storage.read(in -> {
                throw new org.sectorcrm.core.StorageException("the read failed");
            }));
        }));
        assertThat(fromRead).isInstanceOf(org.sectorcrm.core.StorageException.class).hasMessageContaining("the read failed");
        assertThat(read((StorageTransaction tx) -> tx.employers().find(outer.id()))).isEmpty();
    }

    @Test
    void aFailureOfTheDatabaseThatTheWorkCatchesStillRollsBackTheWholeTransaction() throws Exception {
        String url = db().dialect() == Dialect.SQLITE ? db().url() : null;
        FailingDataSource failing = new FailingDataSource(url != null ? db().dataSource(url) : db().dataSource());
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().dataSource(failing);
        if (db().schema() != null) {
            b.schema(db().schema());
        }
        try (JdbcCrmStorage flaky = b.build()) {
            Employer outer = anEmployer().build();
            Employer inner = anEmployer().build();
            Throwable thrown = catchThrowable(() -> flaky.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                // The store's own failure, inside a nested unit the outer work catches.
                Throwable caught = catchThrowable(() -> flaky.inTransaction(in -> {
                    failing.failing.set(true);
                    try {
                        in.employers().save(inner, 0);
                    } finally {
                        failing.failing.set(false);
                    }
                    return null;
                }));
                assertThat(caught).isInstanceOf(org.sectorcrm.core.StorageException.class).hasMessageContaining("the connection broke");
                return null;
            }));
            assertThat(thrown).isInstanceOf(org.sectorcrm.core.StorageException.class).hasMessageContaining("the connection broke");
            // And directly in the outermost work.
            Throwable direct = catchThrowable(() -> flaky.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                failing.failing.set(true);
                try {
                    catchThrowable(() -> tx.employers().find(inner.id()));
                } finally {
                    failing.failing.set(false);
                }
                return null;
            }));
            assertThat(direct).isInstanceOf(org.sectorcrm.core.StorageException.class).hasMessageContaining("the connection broke");
            assertThat(flaky.read((StorageTransaction tx) -> tx.employers().find(outer.id()))).isEmpty();
            assertThat(flaky.read((StorageTransaction tx) -> tx.employers().find(inner.id()))).isEmpty();
            // The store works on: the failure was the transaction's, not the store's.
            flaky.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                return null;
            });
            assertThat(flaky.read((StorageTransaction tx) -> tx.employers().find(outer.id()))).contains(outer);
        }
    }

    @Test
    void readOnlyTransactionsRefuseWritesAndTransactionsRefuseUseAfterTheirWork() {
        Employer e = anEmployer().build();
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> read(tx -> {
            tx.employers().save(e, 0);
            return null;
        }));
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> read(tx -> storage.inTransaction(inner -> null)));
        StorageTransaction leaked = tx(tx -> tx);
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> leaked.employers().find(e.id()));
        assertThat(read((StorageTransaction tx) -> tx.employers().find(e.id()))).isEmpty();
    }

    // --- pages ---

    @Test
    void pagesReturnEveryRowOnceInIdTextOrderWhateverTheCursor() {
        List<Employer> employers = new ArrayList<>();
        for (String prefix : List.of("00000000", "7fffffff", "80000000", "a0000000", "ffffffff", "0f000000", "f0000000")) {
            employers.add(anEmployer().withId(EmployerId.of(prefix + "-0000-7000-8000-" + String.format("%012d", employers.size()))).build());
        }
        for (int i = 0; i < 13; i++) {
            employers.add(anEmployer().build());
        }
        write(tx -> employers.forEach(e -> tx.employers().save(e, 0)));
        List<String> ids = employers.stream().map(e -> e.id().asString()).sorted().toList();
        for (int size : new int[] {1, 2, 7, 1000}) {
            assertThat(read((StorageTransaction tx) -> all(tx.employers(), EmployerFilter.ALL, size))).extracting(e -> e.id().asString()).containsExactlyElementsOf(ids);
        }
        // Any text is a cursor: the rows after it are those whose id text sorts after it.
        List<String> cursors = new ArrayList<>(List.of("0", "7", "7fffffff-0000-7000-8000-000000000001", "7fffffff-0000-7000-8000-0000000000010",
                "8", "80000000-", "A0000000", "g", "zzz", "\u00e9t\u00e9", "\u0001", "-", "ffffffff-ffff-ffff-ffff-ffffffffffff", "f0000000-0000-7000-8000-00000000000Z"));
        ids.forEach(id -> cursors.add(id));
        ids.forEach(id -> cursors.add(id.substring(0, 20)));
        for (String cursor : cursors) {
            List<String> expected = ids.stream().filter(id -> id.compareTo(cursor) > 0).toList();
            assertThat(read((StorageTransaction tx) -> tx.employers().query(EmployerFilter.ALL, PageRequest.after(cursor, 1000)).items()))
                    .as("after '%s'", cursor).extracting(e -> e.id().asString()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void codeKeyedRecordsPageInCodeTextOrderWhateverTheCursor() {
        List<String> codes = List.of("IL-EDR-2", "IL-EDR-10", "IL-EDR-1", "IL-EDR-1.5", "IL-EDR-1_0", "il-edr-1", "A", "Z9", "0-start");
        write(tx -> codes.forEach(c -> tx.regions().save(Regions.aRegion().coded(c).build(), 0)));
        List<String> sorted = codes.stream().sorted().toList();
        assertThat(read((StorageTransaction tx) -> all(tx.regions(), RegionFilter.ALL, 2))).extracting(r -> r.id().asString()).containsExactlyElementsOf(sorted);
        for (String cursor : List.of("IL-EDR-1", "IL-EDR-1 ", "IL-EDR-1\t", "IL-EDR-1\u00e9", "IL", "il-edr-1", "~", "\u0000", "IL-EDR-1.")) {
            List<String> expected = sorted.stream().filter(c -> c.compareTo(cursor) > 0).toList();
            assertThat(read((StorageTransaction tx) -> tx.regions().query(RegionFilter.ALL, PageRequest.after(cursor, 100)).items())).as("after '%s'", cursor)
                    .extracting(r -> r.id().asString()).containsExactlyElementsOf(expected);
        }
    }

    // --- filters: each compared with the filter's own matches() ---

    private <I extends Id, T extends Aggregate<I>, F> void checkFilters(Function<StorageTransaction, AggregateStore<I, T, F>> store, List<T> records,
            BiFunction<F, T, Boolean> matches, List<F> filters) {
        for (F filter : filters) {
            List<T> expected = records.stream().filter(r -> matches.apply(filter, r)).sorted(Comparator.comparing(r -> r.id().asString())).toList();
            assertThat(read((StorageTransaction tx) -> all(store.apply(tx), filter, 2))).as("query %s", filter).containsExactlyElementsOf(expected);
            assertThat(read((StorageTransaction tx) -> store.apply(tx).count(filter))).as("count %s", filter).isEqualTo(expected.size());
        }
    }

    /** Sent on 5 January 2026 by {@code staff} of {@code from}. */
    private static Referral referral(EmployerId employer, PartnerId from, StaffUser staff, PartnerId to, LocalDate due) {
        return Referrals.aReferral().about(employer).from(from, staff.id()).to(to).sentOn(LocalDate.of(2026, 1, 5), due).build();
    }

    @Test
    void employerFiltersSelectWhatMatchesAccepts() {
        Partner lead = insertPartner();
        List<Employer> employers = new ArrayList<>();
        employers.add(anEmployer().inRegion("IL-EDR-1").inSector("MFG").build());
        employers.add(anEmployer().inRegion("IL-EDR-2").inSector("MFG").withStatus(EmployerStatus.PROSPECT).withTags("Automotive", "x_y z").build());
        employers.add(anEmployer().inRegion(null).inSector(null).withNaics(null).withLead(null).withoutFein().withEstablishments().build());
        employers.add(anEmployer().inRegion("IL-EDR-1").inSector("HEALTH").ledBy(lead.id()).withNaics("336110").named("The Ünique Works, Inc.").build());
        write(tx -> employers.forEach(e -> tx.employers().save(e, 0)));
        Employer sample = employers.get(0);
        EmployerFilter all = EmployerFilter.ALL;
        checkFilters(StorageTransaction::employers, employers, (f, e) -> f.matches(e), List.of(all, all.withStatus(EmployerStatus.ACTIVE),
                all.withStatus(EmployerStatus.INACTIVE), all.withRegion(new RegionCode("IL-EDR-1")), all.withSector(new SectorCode("MFG")),
                all.withNaicsPrefix("33"), all.withNaicsPrefix("336110"), all.withNaicsPrefix(""), all.withNaicsPrefix("3%"), all.withNaicsPrefix("_3"),
                all.withNaicsPrefix(sample.naics().value().substring(0, 3)), all.withTag("automotive"), all.withTag("Automotive"),
                all.withTag("x_y z"), all.withTag("x_y"), all.withTag("x%y z"), all.withLeadPartner(Fixtures.CREATOR), all.withLeadPartner(lead.id()),
                all.withFein(sample.fein()), all.withNameKey("unique works"), all.withNameKey(sample.nameKey()), all.withNameKey("UNIQUE WORKS"),
                all.withZip("61101"), all.withZip("61008"), all.withZip("6110"), all.withRegion(new RegionCode("IL-EDR-1")).withSector(new SectorCode("MFG"))
                        .withZip("61101").withTag("automotive").withStatus(EmployerStatus.ACTIVE)));
    }

    @Test
    void filtersOfEveryOtherAggregateSelectWhatMatchesAccepts() {
        Region r1 = Regions.aRegion().coded("R1").build();
        Region r2 = Regions.aMinimalRegion().coded("R2").named("Two").ofKind(RegionKind.LOCAL_WORKFORCE_AREA).build();
        write(tx -> List.of(r1, r2).forEach(r -> tx.regions().save(r, 0)));
        checkFilters(StorageTransaction::regions, List.of(r1, r2), (f, r) -> f.matches(r),
                List.of(RegionFilter.ALL, new RegionFilter(RegionKind.LOCAL_WORKFORCE_AREA), new RegionFilter(RegionKind.OTHER)));

        Sector s1 = Sectors.aSector().coded("MFG").withNaicsPrefixes("31", "336110").build();
        Sector s2 = Sectors.aSector().coded("HEALTH").withNaicsPrefixes("62").build();
        write(tx -> List.of(s1, s2).forEach(s -> tx.sectors().save(s, 0)));
        checkFilters(StorageTransaction::sectors, List.of(s1, s2), (f, s) -> f.matches(s),
                List.of(SectorFilter.ALL, new SectorFilter("31"), new SectorFilter("3"), new SectorFilter("62"), new SectorFilter("336110")));

        Partner p1 = Partners.aPartner().ofKind(org.sectorcrm.core.reference.PartnerKind.WORKFORCE_BOARD).serving("IL-EDR-1", "IL-EDR-2").build();
        Partner p2 = Partners.aPartner().ofKind(org.sectorcrm.core.reference.PartnerKind.WORKFORCE_BOARD).serving("IL-EDR-9").inactive().build();
        write(tx -> List.of(p1, p2).forEach(p -> tx.partners().save(p, 0)));
        checkFilters(StorageTransaction::partners, List.of(p1, p2), (f, p) -> f.matches(p), List.of(PartnerFilter.ALL,
                new PartnerFilter(org.sectorcrm.core.reference.PartnerKind.WORKFORCE_BOARD, null, null), new PartnerFilter(null, new RegionCode("IL-EDR-9"), null),
                new PartnerFilter(null, new RegionCode("IL-EDR-2"), true), new PartnerFilter(null, null, false)));

        StaffUser u1 = StaffUsers.aStaffUser().of(p1.id()).build();
        StaffUser u2 = StaffUsers.aStaffUser().of(p2.id()).inactive().build();
        write(tx -> List.of(u1, u2).forEach(u -> tx.staffUsers().save(u, 0)));
        checkFilters(StorageTransaction::staffUsers, List.of(u1, u2), (f, u) -> f.matches(u), List.of(StaffUserFilter.ALL,
                new StaffUserFilter(p1.id(), null, null), StaffUserFilter.byEmail(u2.email()), new StaffUserFilter(null, null, true)));

        Employer e1 = anEmployer().build();
        Employer e2 = anEmployer().build();
        write(tx -> List.of(e1, e2).forEach(e -> tx.employers().save(e, 0)));
        Contact c1 = Contacts.aContact().at(e1.id()).withRoles(ContactRole.CHAMPION, ContactRole.HR).build();
        Contact c2 = Contacts.aContact().at(e2.id()).withRoles(ContactRole.EXECUTIVE).inactive().withEmail((org.sectorcrm.core.reference.EmailAddress) null).build();
        write(tx -> List.of(c1, c2).forEach(c -> tx.contacts().save(c, 0)));
        checkFilters(StorageTransaction::contacts, List.of(c1, c2), (f, c) -> f.matches(c), List.of(ContactFilter.ALL, ContactFilter.atEmployer(e2.id()),
                new ContactFilter(null, c1.email(), null, null), new ContactFilter(null, null, ContactRole.HR, null), new ContactFilter(null, null, null, false)));

        Engagement g1 = aVisit(e1.id(), p1.id(), u1).withExternalId("X-1").build();
        Engagement g2 = Engagements.anEngagement().forEmployer(e2.id()).inPartnership(Fixtures.partnershipId()).by(u2.id(), p2.id())
                .on(LocalDate.of(2026, 2, 1)).via(Channel.MASS_MAILING).staffAssisted(false).withSummary("Newsletter")
                .withServices(EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT).build();
        write(tx -> List.of(g1, g2).forEach(g -> tx.engagements().save(g, 0)));
        checkFilters(StorageTransaction::engagements, List.of(g1, g2), (f, g) -> f.matches(g), List.of(EngagementFilter.ALL,
                EngagementFilter.forEmployer(e1.id()), new EngagementFilter(null, p2.id(), null, null, null, null, null, null, null),
                new EngagementFilter(null, null, g2.partnership(), null, null, null, null, null, null),
                EngagementFilter.between(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 15)), EngagementFilter.between(LocalDate.of(2026, 1, 16), null),
                EngagementFilter.between(null, LocalDate.of(2026, 1, 31)), new EngagementFilter(null, null, null, null, null, false, null, null, null),
                new EngagementFilter(null, null, null, null, null, null, Channel.MEETING, null, null),
                new EngagementFilter(null, null, null, null, null, null, null, EseCategory.TRAINING_SERVICES, null), EngagementFilter.byExternalId("X-1"),
                EngagementFilter.byExternalId("x-1")));

        BusinessNeed n1 = Needs.aNeed().of(e1.id()).raisedOn(LocalDate.of(2026, 1, 10)).build();
        BusinessNeed n2 = Needs.aNeed().of(e2.id()).inPartnership(g2.partnership()).raisedOn(LocalDate.of(2026, 1, 10)).build()
                .moveTo(org.sectorcrm.core.need.NeedStatus.MET, LocalDate.of(2026, 3, 1));
        write(tx -> List.of(n1, n2).forEach(n -> tx.needs().save(n, 0)));
        checkFilters(StorageTransaction::needs, List.of(n1, n2), (f, n) -> f.matches(n), List.of(NeedFilter.ALL, new NeedFilter(e1.id(), null, null, null),
                new NeedFilter(null, g2.partnership(), null, null), new NeedFilter(null, null, org.sectorcrm.core.need.NeedStatus.OPEN, null),
                new NeedFilter(null, null, null, org.sectorcrm.core.need.NeedCategory.POLICY)));

        Solution v1 = Solutions.aSolution().forEmployer(e1.id()).ledBy(p1.id()).ofType(org.sectorcrm.core.solution.SolutionType.CUSTOMIZED_TRAINING)
                .inStatus(org.sectorcrm.core.solution.SolutionStatus.AGREED).build();
        Solution v2 = Solutions.aMinimalSolution().inPartnership(g2.partnership()).ofType(org.sectorcrm.core.solution.SolutionType.RECRUITMENT)
                .ledBy(p2.id()).build();
        write(tx -> List.of(v1, v2).forEach(v -> tx.solutions().save(v, 0)));
        checkFilters(StorageTransaction::solutions, List.of(v1, v2), (f, v) -> f.matches(v), List.of(SolutionFilter.ALL,
                new SolutionFilter(e1.id(), null, null, null, null), new SolutionFilter(null, g2.partnership(), null, null, null),
                new SolutionFilter(null, null, org.sectorcrm.core.solution.SolutionStatus.AGREED, null, null),
                new SolutionFilter(null, null, null, org.sectorcrm.core.solution.SolutionType.RECRUITMENT, null), new SolutionFilter(null, null, null, null, p2.id())));

        SectorPartnership sp1 = Partnerships.aPartnership().convenedBy(p1.id()).withMember(e1.id(), org.sectorcrm.core.partnership.MemberRole.CHAIR).build();
        SectorPartnership sp2 = Partnerships.aPartnership().convenedBy(p2.id()).withMember(e1.id(), org.sectorcrm.core.partnership.MemberRole.CHAIR)
                .withMember(e2.id(), org.sectorcrm.core.partnership.MemberRole.MEMBER).build().advanceTo(org.sectorcrm.core.partnership.PartnershipStage.DORMANT);
        write(tx -> List.of(sp1, sp2).forEach(p -> tx.partnerships().save(p, 0)));
        checkFilters(StorageTransaction::partnerships, List.of(sp1, sp2), (f, p) -> f.matches(p), List.of(PartnershipFilter.ALL,
                new PartnershipFilter(new RegionCode("IL-EDR-1"), new SectorCode("MFG"), null, null, null),
                new PartnershipFilter(null, null, org.sectorcrm.core.partnership.PartnershipStage.DORMANT, null, null),
                new PartnershipFilter(null, null, null, p1.id(), null), new PartnershipFilter(null, null, null, null, e2.id()),
                new PartnershipFilter(null, null, null, null, e1.id())));

        Referral f1 = referral(e1.id(), p1.id(), u1, p2.id(), LocalDate.of(2026, 1, 20));
        Referral f2 = referral(e2.id(), p2.id(), u2, p1.id(), null);
        Referral f3 = referral(e2.id(), p2.id(), u2, p1.id(), LocalDate.of(2026, 1, 10)).accept();
        write(tx -> List.of(f1, f2, f3).forEach(f -> tx.referrals().save(f, 0)));
        checkFilters(StorageTransaction::referrals, List.of(f1, f2, f3), (f, r) -> f.matches(r), List.of(ReferralFilter.ALL,
                new ReferralFilter(p1.id(), null, null, null, null), new ReferralFilter(null, p1.id(), null, null, null),
                new ReferralFilter(null, null, e2.id(), null, null), new ReferralFilter(null, null, null, org.sectorcrm.core.referral.ReferralStatus.ACCEPTED, null),
                new ReferralFilter(null, null, null, null, LocalDate.of(2026, 1, 20)), new ReferralFilter(null, null, null, null, LocalDate.of(2026, 1, 21)),
                new ReferralFilter(null, null, null, null, LocalDate.of(2027, 1, 1))));

        OutcomeMeasure o1 = Outcomes.anOutcome().at(e1.id()).build();
        OutcomeMeasure o2 = Outcomes.aMinimalOutcome().at(e2.id()).forSolution(v1.id()).measuring(org.sectorcrm.core.outcome.Metric.RETENTION_RATE)
                .withBaseline(LocalDate.of(2025, 1, 1), BigDecimal.TEN).build();
        write(tx -> List.of(o1, o2).forEach(o -> tx.outcomes().save(o, 0)));
        checkFilters(StorageTransaction::outcomes, List.of(o1, o2), (f, o) -> f.matches(o), List.of(OutcomeFilter.ALL, new OutcomeFilter(e1.id(), null, null),
                new OutcomeFilter(null, v1.id(), null), new OutcomeFilter(null, null, "RETENTION_RATE"), new OutcomeFilter(null, null, "retention_rate")));

        Feedback b1 = Feedbacks.aFeedback().from(e1.id()).about(g1.id(), null).build();
        Feedback b2 = Feedbacks.aMinimalFeedback().from(e2.id()).about(null, v1.id()).build();
        write(tx -> List.of(b1, b2).forEach(b -> tx.feedback().save(b, 0)));
        checkFilters(StorageTransaction::feedback, List.of(b1, b2), (f, b) -> f.matches(b), List.of(FeedbackFilter.ALL,
                new FeedbackFilter(e2.id(), null, null), new FeedbackFilter(null, g1.id(), null), new FeedbackFilter(null, null, v1.id())));
    }

    // --- search ---

    List<Employer> searchEmployers(String query) {
        return read(tx -> tx.employers().search(SearchTerms.parse(query), Reader.EVERYONE, PageRequest.first(100)).items());
    }

    @Test
    void employerSearchFindsWholeWordsOfAnyCaseScriptAndLength() {
        String longWord = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3);
        Employer a = anEmployer().named("Bäckerei Müller GmbH about the com www").withTradeNames("東京精密 Works", "Tool&Die Rock-River")
                .withTags("Ærø 2026", "e-mail.me").build();
        Employer b = anEmployer().named("Other " + longWord + " Corp").withTags().build();
        Employer c = anEmployer().named("Decoy Enterprises").withTags().build();
        write(tx -> List.of(a, b, c).forEach(e -> tx.employers().save(e, 0)));
        for (String q : List.of("MÜLLER", "bäckerei", "東京精密", "ærø", "ÆRØ müller 2026", "about", "the com www", "rock river", "die", "mail",
                "GmbH Works")) {
            assertThat(searchEmployers(q)).as("search '%s'", q).contains(a).doesNotContain(c);
        }
        assertThat(searchEmployers(longWord)).contains(b).doesNotContain(a, c);
        assertThat(searchEmployers("müller decoy")).isEmpty();
        assertThat(searchEmployers("muller")).as("no accent folding is promised, none is needed").doesNotContain(c);
    }

    @Test
    void searchSeesTheTransactionsOwnWritesAndForgetsOldWords() {
        Employer e = anEmployer().named("Oldname Foundry").build();
        write(tx -> {
            tx.employers().save(e, 0);
            assertThat(tx.employers().search(SearchTerms.parse("oldname"), Reader.EVERYONE, PageRequest.first()).items()).containsExactly(e);
            Employer renamed = e.withLegalName("Newname Foundry").withStamp(e.stamp().next(Fixtures.NOW));
            tx.employers().save(renamed, 1);
            assertThat(tx.employers().search(SearchTerms.parse("newname"), Reader.EVERYONE, PageRequest.first()).items()).containsExactly(renamed);
            assertThat(tx.employers().search(SearchTerms.parse("oldname"), Reader.EVERYONE, PageRequest.first()).items()).isEmpty();
        });
        assertThat(searchEmployers("newname foundry")).hasSize(1);
        assertThat(searchEmployers("oldname")).isEmpty();
        write(tx -> tx.employers().delete(e.id(), 2));
        assertThat(searchEmployers("newname")).isEmpty();
    }

    @Test
    void contactSearchCoversNamesTitleAndEmail() {
        Employer e = insertEmployer();
        Contact c = Contacts.aContact().at(e.id()).named("Zoë", "Ærøskøbing").titled("Directrice Générale").withEmail("zoe@baeckerei.example").build();
        write(tx -> tx.contacts().save(c, 0));
        for (String q : List.of("zoë", "ÆRØSKØBING", "générale directrice", "baeckerei", "example", c.email().value())) {
            assertThat(read((StorageTransaction tx) -> tx.contacts().search(SearchTerms.parse(q), Reader.EVERYONE, PageRequest.first()).items())).as("search '%s'", q).containsExactly(c);
        }
    }

    @Test
    void engagementSearchMatchesOnlyTheSummaryAndNotesTheReaderMayRead() {
        Partner pa = insertPartner();
        Partner pb = insertPartner();
        StaffUser author = StaffUsers.aStaffUser().of(pa.id()).build();
        StaffUser colleague = StaffUsers.aStaffUser().of(pa.id()).build();
        StaffUser outsider = StaffUsers.aStaffUser().of(pb.id()).build();
        write(tx -> List.of(author, colleague, outsider).forEach(u -> tx.staffUsers().save(u, 0)));
        Employer employer = insertEmployer();
        Engagement g = aVisit(employer.id(), pa.id(), author).withSummary("Quarterly visit").build().withNotes(List.of(
                note(author, pa, org.sectorcrm.core.engagement.Visibility.SHARED, "sharedqx open to all"),
                note(author, pa, org.sectorcrm.core.engagement.Visibility.PARTNER, "partnerqx for our partner"),
                note(author, pa, org.sectorcrm.core.engagement.Visibility.PRIVATE, "privateqx only mine"),
                note(outsider, pb, org.sectorcrm.core.engagement.Visibility.PARTNER, "outsiderqx theirs")));
        write(tx -> tx.engagements().save(g, 0));
        record Case(String query, StaffUser reader, boolean found) {
        }
        for (Case k : List.of(new Case("quarterly", outsider, true), new Case("sharedqx", outsider, true), new Case("partnerqx", colleague, true),
                new Case("partnerqx", outsider, false), new Case("outsiderqx", outsider, true), new Case("outsiderqx", author, false),
                new Case("privateqx", author, true), new Case("privateqx", colleague, false), new Case("quarterly privateqx", author, true),
                new Case("quarterly privateqx", colleague, false), new Case("sharedqx partnerqx quarterly", colleague, true),
                new Case("quarterly partnerqx", outsider, false))) {
            List<Engagement> hits = read(tx -> tx.engagements().search(SearchTerms.parse(k.query()), Reader.of(k.reader().id(), k.reader().partner()), PageRequest.first())
                    .items());
            if (k.found()) {
                assertThat(hits).as("'%s' for %s", k.query(), k.reader().name()).containsExactly(g);
            } else {
                assertThat(hits).as("'%s' for %s", k.query(), k.reader().name()).isEmpty();
            }
        }
    }

    private org.sectorcrm.core.engagement.Note note(StaffUser author, Partner partner, org.sectorcrm.core.engagement.Visibility v, String text) {
        return Notes.aNote().by(author.id(), partner.id()).visibleTo(v).saying(text).build();
    }

    // --- reports ---

    private static Employer employerIn(String region, String sector) {
        return anEmployer().inRegion(region).inSector(sector).build();
    }

    @Test
    void countByRegionAndSectorGroupsInSqlWithNullsFirst() {
        List<Employer> employers = List.of(employerIn("IL-EDR-1", "MFG"), employerIn("IL-EDR-1", "MFG"), employerIn("IL-EDR-1", null),
                employerIn(null, "MFG"), employerIn(null, null), employerIn("IL-EDR-10", "HEALTH"),
                employerIn("IL-EDR-2", "IT").withStatus(EmployerStatus.PROSPECT));
        write(tx -> employers.forEach(e -> tx.employers().save(e, 0)));
        RegionCode r1 = new RegionCode("IL-EDR-1");
        assertThat(read((StorageTransaction tx) -> tx.reports().countByRegionAndSector(EmployerFilter.ALL))).containsExactly(new GroupCount(null, null, 1),
                new GroupCount(null, new SectorCode("MFG"), 1), new GroupCount(r1, null, 1), new GroupCount(r1, new SectorCode("MFG"), 2),
                new GroupCount(new RegionCode("IL-EDR-10"), new SectorCode("HEALTH"), 1), new GroupCount(new RegionCode("IL-EDR-2"), new SectorCode("IT"), 1));
        assertThat(read((StorageTransaction tx) -> tx.reports().countByRegionAndSector(EmployerFilter.ALL.withStatus(EmployerStatus.PROSPECT))))
                .containsExactly(new GroupCount(new RegionCode("IL-EDR-2"), new SectorCode("IT"), 1));
    }

    @Test
    void servedEstablishmentsAreDistinctTriplesOfStaffAssistedEngagementsInThePeriod() {
        Partner p = insertPartner();
        StaffUser u = StaffUsers.aStaffUser().of(p.id()).build();
        write(tx -> tx.staffUsers().save(u, 0));
        Employer e = insertEmployer();
        var site = e.establishments().get(0).id();
        // Recruitment and training at the site, then training there again: the triples are distinct.
        Engagement inside = aVisit(e.id(), p.id(), u).atEstablishment(site).build();
        Engagement again = aVisit(e.id(), p.id(), u).atEstablishment(site).withServices(EseCategory.TRAINING_SERVICES).build();
        Engagement noSite = aVisit(e.id(), p.id(), u).withServices(EseCategory.RAPID_RESPONSE_DOWNSIZING).build();
        Engagement notAssisted = aVisit(e.id(), p.id(), u).staffAssisted(false).withServices(EseCategory.PLANNING_LAYOFF_RESPONSE).build();
        Engagement outside = aVisit(e.id(), p.id(), u).atEstablishment(site).on(LocalDate.of(2026, 2, 1)).via(Channel.CALL).withSummary("Later")
                .withServices(EseCategory.INCUMBENT_WORKER_TRAINING).build();
        write(tx -> List.of(inside, again, noSite, notAssisted, outside).forEach(g -> tx.engagements().save(g, 0)));
        var result = read(tx -> tx.reports().servedEstablishments(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31)));
        assertThat(result).containsExactlyInAnyOrder(
                new ServedEstablishment(e.id(), site, EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE),
                new ServedEstablishment(e.id(), site, EseCategory.TRAINING_SERVICES),
                new ServedEstablishment(e.id(), null, EseCategory.RAPID_RESPONSE_DOWNSIZING));
    }

    // --- audit and outbox ---

    @Test
    void auditQueriesAreExactToTheNanosecondAndPageInIdOrder() {
        var ada = Fixtures.staffUserId();
        Instant t = Instant.parse("2026-03-02T14:15:16.123456789Z");
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(AuditEntries.anAuditEntry().by(ada, Fixtures.CREATOR).did(i % 2 == 0 ? "UPDATE" : "EXPORT_PII", i < 3 ? "employer" : "contact",
                    "r" + (i % 3)).at(t.plusNanos(i)).build());
        }
        write(tx -> entries.forEach(tx.audit()::append));
        List<AuditFilter> filters = List.of(AuditFilter.ALL, new AuditFilter(null, null, null, null, t.plusNanos(3), null),
                new AuditFilter(null, null, null, null, null, t.plusNanos(3)), new AuditFilter(null, null, null, null, t.plusNanos(1), t.plusNanos(2)),
                new AuditFilter("contact", "r1", ada, "UPDATE", t, t.plusSeconds(1)), AuditFilter.forRecord("employer", "r0"),
                new AuditFilter(null, null, null, "NOTHING", null, null));
        for (AuditFilter f : filters) {
            List<AuditEntry> expected = entries.stream().filter(f::matches).sorted(Comparator.comparing(e -> e.id().asString())).toList();
            List<AuditEntry> got = new ArrayList<>();
            PageRequest request = PageRequest.first(2);
            while (true) {
                PageRequest r = request;
                Page<AuditEntry> page = read(tx -> tx.audit().query(f, r));
                got.addAll(page.items());
                if (!page.hasNext()) {
                    break;
                }
                request = PageRequest.after(page.nextCursor(), 2);
            }
            assertThat(got).as("audit %s", f).containsExactlyElementsOf(expected);
        }
        assertThat(catchConflict(() -> write((StorageTransaction tx) -> tx.audit().append(entries.get(0))))).hasMessageContaining("already logged");
    }

    /** The bulk path hands over an immutable list (whose contains(null) throws): appendAll must take it, and refuse a null entry by name. */
    @Test
    void auditAppendAllTakesAnImmutableListInOneBatchAndRefusesANullEntry() {
        var ada = Fixtures.staffUserId();
        List<AuditEntry> entries = List.of(AuditEntries.anAuditEntry().by(ada, Fixtures.CREATOR).did("CREATE", "employer", "a").build(),
                AuditEntries.anAuditEntry().by(ada, Fixtures.CREATOR).did("CREATE", "employer", "b").build());
        write(tx -> tx.audit().appendAll(entries));
        List<AuditEntry> stored = read(tx -> tx.audit().query(AuditFilter.ALL, PageRequest.first()).items());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(entries);
        List<AuditEntry> withNull = new ArrayList<>(entries);
        withNull.add(null);
        assertThatExceptionOfType(org.sectorcrm.core.ValidationException.class).isThrownBy(() -> write(tx -> tx.audit().appendAll(withNull)))
                .withMessageContaining("entry");
    }

    @Test
    void theOutboxKeepsCommittedEventsInCommitOrder() {
        DomainEvent a = Events.created(AggregateTypes.EMPLOYER);
        DomainEvent b = Events.statusChanged(AggregateTypes.REFERRAL, "SENT", "ACCEPTED");
        DomainEvent c = Events.changed(AggregateTypes.CONTACT, "legalName");
        DomainEvent d = Events.deleted(AggregateTypes.NEED);
        write(tx -> {
            tx.events().append(a);
            tx.events().append(b);
            assertThat(tx.events().after(0, 10)).as("events become readable when they commit").isEmpty();
        });
        catchThrowable(() -> write(tx -> {
            tx.events().append(Events.created(AggregateTypes.EMPLOYER));
            throw new IllegalStateException("rolled back");
        }));
        write(tx -> {
            tx.events().append(c);
            tx.events().append(d);
        });
        List<StoredEvent> stored = read(tx -> tx.events().after(0, 100));
        assertThat(stored).extracting(StoredEvent::event).containsExactly(a, b, c, d);
        assertThat(stored).extracting(StoredEvent::sequence).isSorted().doesNotHaveDuplicates().allMatch(s -> s > 0);
        assertThat(read((StorageTransaction tx) -> tx.events().after(stored.get(1).sequence(), 1))).extracting(StoredEvent::event).containsExactly(c);
        assertThat(catchConflict(() -> write((StorageTransaction tx) -> tx.events().append(a)))).hasMessageContaining("already in the outbox");
    }


    // --- concurrency ---

    @Test
    void concurrentUpdatesOfOneEmployerEachApplyOrConflictAndNoneIsLost() throws Exception {
        Employer start = anEmployer().withEmployees(0).build();
        write(tx -> tx.employers().save(start, 0));
        int threads = 8;
        int attemptsEach = 15;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<int[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    int applied = 0;
                    int conflicts = 0;
                    for (int i = 0; i < attemptsEach; i++) {
                        try {
                            write(tx -> {
                                Employer current = tx.employers().find(start.id()).orElseThrow();
                                tx.employers().save(next(current), current.version());
                            });
                            applied++;
                        } catch (ConflictException lostTheRace) {
                            conflicts++;
                        }
                    }
                    return new int[] {applied, conflicts};
                }));
            }
            go.countDown();
            int applied = 0;
            int conflicts = 0;
            for (var f : futures) {
                // A guard against a deadlocked store hanging the build, not a timing assertion.
                int[] r = f.get(5, java.util.concurrent.TimeUnit.MINUTES);
                applied += r[0];
                conflicts += r[1];
            }
            Employer end = read(tx -> tx.employers().find(start.id()).orElseThrow());
            assertThat(applied + conflicts).isEqualTo(threads * attemptsEach);
            assertThat(applied).isPositive();
            assertThat(end.employees()).as("employees after %d applied updates (%d conflicts)", applied, conflicts).isEqualTo(applied);
            assertThat(end.version()).isEqualTo(1L + applied);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConsumerFollowingTheOutboxWhileWritersCommitSeesEveryEventOnceInOrder() throws Exception {
        int writers = 4;
        int eventsEach = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers + 1);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            List<java.util.concurrent.Future<List<java.util.UUID>>> committed = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                committed.add(pool.submit(() -> {
                    List<java.util.UUID> ids = new ArrayList<>();
                    for (int i = 0; i < eventsEach; i++) {
                        DomainEvent e = Events.created(AggregateTypes.EMPLOYER);
                        // Some work before the append, so that transactions overlap.
                        write(tx -> {
                            tx.employers().count(EmployerFilter.ALL);
                            tx.events().append(e);
                        });
                        ids.add(e.eventId());
                    }
                    return ids;
                }));
            }
            java.util.concurrent.Future<List<StoredEvent>> consumer = pool.submit(() -> {
                List<StoredEvent> seen = new ArrayList<>();
                long cursor = 0;
                while (true) {
                    boolean last = !writing.get();
                    long from = cursor;
                    List<StoredEvent> batch = read(tx -> tx.events().after(from, 7));
                    seen.addAll(batch);
                    if (!batch.isEmpty()) {
                        cursor = batch.get(batch.size() - 1).sequence();
                    } else if (last) {
                        return seen;
                    }
                }
            });
            List<java.util.UUID> all = new ArrayList<>();
            for (var f : committed) {
                all.addAll(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
            writing.set(false);
            List<StoredEvent> seen = consumer.get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(seen).extracting(StoredEvent::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(seen).extracting(e -> e.event().eventId()).as("every committed event, once").containsExactlyInAnyOrderElementsOf(all);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    // --- a caller's transaction-aware DataSource ---

    @Test
    void onACallersTransactionSearchFindsWhatAnEarlierStoreTransactionInItWrote() throws Exception {
        String url = db().dialect() == Dialect.SQLITE ? db().url() : null;
        javax.sql.DataSource plain = url != null ? db().dataSource(url) : db().dataSource();
        TransactionBoundDataSource bound = new TransactionBoundDataSource(plain);
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().dataSource(bound);
        if (db().schema() != null) {
            b.schema(db().schema());
        }
        try (JdbcCrmStorage joined = b.build()) {
            Employer e = anEmployer().named("Quillfeather Brassworks").build();
            bound.begin();
            try {
                joined.inTransaction(tx -> {
                    tx.employers().save(e, 0);
                    return null;
                });
                // Another store transaction, same database transaction: an index that lags behind the transaction (as
                // InnoDB's FULLTEXT did) would miss the uncommitted row.
                assertThat(joined.read((StorageTransaction tx) -> tx.employers().search(SearchTerms.parse("quillfeather brassworks"), Reader.EVERYONE, PageRequest.first()).items())).containsExactly(e);
            } finally {
                bound.rollback();
            }
        }
    }

    @Test
    void onACallersTransactionTheStoreJoinsItAndTheCallerCommitsOrRollsBack() throws Exception {
        String url = db().dialect() == Dialect.SQLITE ? db().url() : null;
        javax.sql.DataSource plain = url != null ? db().dataSource(url) : db().dataSource();
        TransactionBoundDataSource bound = new TransactionBoundDataSource(plain);
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().dataSource(bound);
        if (db().schema() != null) {
            b.schema(db().schema());
        }
        try (JdbcCrmStorage joined = b.build(); JdbcCrmStorage observer = url != null ? db().builderFor(url).build() : null) {
            // Another node's view of the same database.
            JdbcCrmStorage others = observer != null ? observer : storage;
            Employer committed = anEmployer().build();
            Employer rolledBack = anEmployer().build();
            Employer failed = anEmployer().build();
            // The host commits: what the store wrote becomes visible then, not before.
            bound.begin();
            joined.inTransaction(tx -> {
                tx.employers().save(committed, 0);
                return null;
            });
            // A store transaction that fails undoes only its own writes; the host's transaction goes on.
            Throwable t = catchThrowable(() -> joined.inTransaction(tx -> {
                tx.employers().save(failed, 0);
                throw new IllegalStateException("store work fails");
            }));
            assertThat(t).hasMessage("store work fails");
            assertThat(joined.read((StorageTransaction tx) -> tx.employers().find(committed.id()))).as("seen inside the host's transaction").contains(committed);
            assertThat(others.read((StorageTransaction tx) -> tx.employers().find(committed.id()))).as("seen by others before the host commits").isEmpty();
            bound.commit();
            assertThat(others.read((StorageTransaction tx) -> tx.employers().find(committed.id()))).contains(committed);
            assertThat(others.read((StorageTransaction tx) -> tx.employers().find(failed.id()))).isEmpty();
            // The host rolls back: nothing the store wrote in it remains.
            bound.begin();
            joined.inTransaction(tx -> {
                tx.employers().save(rolledBack, 0);
                tx.events().append(Events.created(AggregateTypes.EMPLOYER));
                return null;
            });
            bound.rollback();
            assertThat(others.read((StorageTransaction tx) -> tx.employers().find(rolledBack.id()))).isEmpty();
            assertThat(others.read((StorageTransaction tx) -> tx.events().after(0, 10))).isEmpty();
        }
    }
}
