package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.ReportQueries.GroupCount;
import org.sectorcrm.core.spi.ReportQueries.ServedEstablishment;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Events;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Notes;
import org.sectorcrm.tck.fixtures.Texts;
import org.sectorcrm.tck.internal.Kind;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Paging;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/**
 * The storage lifecycle of the kit, its small helpers, and the contract families of SPI 2 that run for every
 * aggregate type from its descriptor ({@link AggregateTypes#all()}): a type added tomorrow is checked by each of
 * them the day its descriptor exists. {@link CrmStorageCompatibilityKit} adds the families of SPI 1.
 */
abstract class KitContracts {

    CrmStorage storage;
    private final List<CrmStorage> extraStorages = new ArrayList<>();

    /**
     * A new, empty storage. Called before every test; the kit closes it after the test. Tests never share
     * a storage, so an implementation may hand out a fresh schema, file or in-memory instance each time.
     * A few tests ask for a second one while the first is open; each is closed with the test.
     */
    protected abstract CrmStorage createStorage();

    /** The storage of the running test, for a vendor's own extra tests in its subclass. */
    protected final CrmStorage storage() {
        return storage;
    }

    @BeforeEach
    protected final void openStorage() {
        storage = createStorage();
        assertThat(storage).as("createStorage() must return a storage").isNotNull();
    }

    @AfterEach
    protected final void closeStorage() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
        extraStorages.forEach(CrmStorage::close);
        extraStorages.clear();
    }

    /** Another fresh storage for a test that needs several (closed with the test's own). */
    final CrmStorage extraStorage() {
        CrmStorage s = createStorage();
        extraStorages.add(s);
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Every type, every sentence: the contract checked for each aggregate type from its descriptor")
    class EveryType {
        @TestFactory
        @DisplayName("a stamped record without an id throws IllegalArgumentException and stores nothing")
        Stream<DynamicTest> stampedWithoutId() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> idlessRefused(k, parents));
        }

        @TestFactory
        @DisplayName("text keeps leading and trailing blanks, tabs and line breaks; instants keep their nanoseconds")
        Stream<DynamicTest> textAndInstantsExact() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> textAndNanosRoundTrip(k, parents));
        }

        @TestFactory
        @DisplayName("a delete over a stale version, a version ahead, or version 0 throws ConflictException with the current version; the record stays")
        Stream<DynamicTest> deleteVersions() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> deleteChecksVersion(k, parents));
        }

        @TestFactory
        @DisplayName("a deleted record is gone from find, query, count and search, cannot be saved over, and leaves the others alone")
        Stream<DynamicTest> deletedIsGone() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> deletedGoneEverywhere(k, parents));
        }

        @TestFactory
        @DisplayName("reads inside a write transaction see its own inserts, updates and deletes: find, query, count and search")
        Stream<DynamicTest> ownWrites() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> readsOwnWrites(k, parents));
        }

        @TestFactory
        @DisplayName("a record is found by a word of its searchable text, whatever the case; an updated record only by its new words")
        Stream<DynamicTest> searchEveryType() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> searchFindsAndReindexes(k, parents));
        }

        @TestFactory
        @DisplayName("search splits words at Unicode separators (no-break space, typographic apostrophe, dashes), keeps words other engines drop as stopwords, and numbers are words")
        Stream<DynamicTest> searchUnicodeAndStopwords() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> searchSeparatorsAndStopwords(k, parents));
        }

        @TestFactory
        @DisplayName("each unique key of the descriptor: a taken value collides (in another and the same transaction, on insert and update); distinct values do not; a value freed by a delete or an update is free again")
        Stream<DynamicTest> uniqueKeys() {
            return Kinds.ALL.stream().flatMap(k -> k.type().uniqueKeys().stream()
                    .map(key -> dynamicTest(k.name() + "." + key.field(), () -> uniqueKeyHolds(k, key.field()))));
        }

        @Test
        @DisplayName("when the work throws, nothing of any type it wrote is kept: inserts, updates and deletes of every type are undone")
        void rollbackLeavesNothingOfAnyType() {
            Parents parents = Writes.parents(storage);
            List<Runnable> checks = new ArrayList<>();
            List<Aggregate<?>> existing = new ArrayList<>();
            for (Kind<?, ?, ?> k : Kinds.ALL) {
                existing.add(seed(k, parents));
            }
            assertThatThrownBy(() -> storage.inTransaction(tx -> {
                for (int i = 0; i < Kinds.ALL.size(); i++) {
                    checks.add(writeAllWays(tx, Kinds.ALL.get(i), existing.get(i), parents));
                }
                throw new IllegalStateException("boom after writing every type");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom after writing every type");
            checks.forEach(Runnable::run);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Nested transactions: a unit started inside another joins it as a savepoint")
    class NestedUnits {
        @Test
        @DisplayName("when a nested unit throws and the outer work catches it, the nested unit's inserts, updates and deletes are undone and the outer ones commit")
        void failedInnerUnitIsUndone() {
            Employer outer = Employers.anEmployer().build();
            Employer inner = Employers.anEmployer().build();
            Employer before = insertEmployer();
            Employer changedInside = before.withLegalName("Changed in the failed unit").withStamp(before.stamp().next(Fixtures.NOW));
            Employer deletedInside = insertEmployer();
            storage.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                try {
                    storage.inTransaction(tx2 -> {
                        tx2.employers().save(inner, 0);
                        tx2.employers().save(changedInside, 1);
                        tx2.employers().delete(deletedInside.id(), 1);
                        assertThat(tx2.employers().find(inner.id())).as("the nested unit sees its own write").contains(inner);
                        throw new IllegalStateException("inner boom");
                    });
                } catch (IllegalStateException expected) {
                    assertThat(expected).hasMessage("inner boom");
                }
                assertThat(tx.employers().find(inner.id())).as("after the failed nested unit, inside the outer transaction").isEmpty();
                assertThat(tx.employers().find(before.id())).as("an update of the failed nested unit, inside the outer transaction").contains(before);
                assertThat(tx.employers().find(deletedInside.id())).as("a delete of the failed nested unit, inside the outer transaction")
                        .contains(deletedInside);
                return null;
            });
            assertThat(findEmployer(deletedInside)).as("the failed nested unit's delete").contains(deletedInside);
            assertThat(findEmployer(outer)).as("the outer write").contains(outer);
            assertThat(findEmployer(inner)).as("the failed nested unit's insert").isEmpty();
            assertThat(findEmployer(before)).as("the failed nested unit's update").contains(before);
        }

        @Test
        @DisplayName("a nested unit that returns commits with the outer one, and an outer failure undoes it too")
        void succeededInnerUnitFollowsTheOuter() {
            Employer kept = Employers.anEmployer().build();
            storage.inTransaction(tx -> storage.inTransaction(tx2 -> {
                tx2.employers().save(kept, 0);
                return null;
            }));
            assertThat(findEmployer(kept)).contains(kept);
            Employer undone = Employers.anEmployer().build();
            assertThatThrownBy(() -> storage.inTransaction(tx -> {
                storage.inTransaction(tx2 -> {
                    tx2.employers().save(undone, 0);
                    return null;
                });
                throw new IllegalStateException("outer boom");
            })).hasMessage("outer boom");
            assertThat(findEmployer(undone)).isEmpty();
        }

        @Test
        @DisplayName("a read nested in a write transaction joins it: it sees the uncommitted writes, search included")
        void nestedReadJoins() {
            Employer e = Employers.anEmployer().named("Nestedreadword Industries").build();
            storage.inTransaction(tx -> {
                tx.employers().save(e, 0);
                storage.read(r -> {
                    assertThat(r.employers().find(e.id())).as("find in a nested read").contains(e);
                    assertThat(r.employers().count(EmployerFilter.ALL)).as("count in a nested read").isEqualTo(1);
                    assertThat(r.employers().search(SearchTerms.parse("nestedreadword"), Reader.EVERYONE, PageRequest.first()).items())
                            .as("search in a nested read").containsExactly(e);
                    return null;
                });
                return null;
            });
        }

        @Test
        @DisplayName("a read nested in a write transaction refuses writes with IllegalStateException, and the outer transaction carries on")
        void nestedReadRefusesWrites() {
            Employer outer = Employers.anEmployer().build();
            Employer sneaked = Employers.anEmployer().build();
            storage.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                assertThatExceptionOfType(IllegalStateException.class).as("a save inside a nested read")
                        .isThrownBy(() -> storage.read(r -> {
                            r.employers().save(sneaked, 0);
                            return null;
                        }));
                return null;
            });
            assertThat(findEmployer(outer)).contains(outer);
            assertThat(findEmployer(sneaked)).isEmpty();
        }

        @Test
        @DisplayName("a StorageException in a nested unit dooms the whole transaction: the outer call throws StorageException even when the outer work caught it, and nothing is kept")
        void storageFailureInANestedUnitDoomsTheTransaction() {
            Employer outer = Employers.anEmployer().build();
            assertThatExceptionOfType(org.sectorcrm.core.StorageException.class).as("the outer inTransaction").isThrownBy(() -> storage.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                try {
                    storage.inTransaction(tx2 -> {
                        throw new org.sectorcrm.core.StorageException("simulated: the connection was lost");
                    });
                } catch (org.sectorcrm.core.StorageException caught) {
                    // the outer work carries on as if nothing happened: the storage must not commit anyway
                }
                return null;
            }));
            assertThat(findEmployer(outer)).as("the outer write of a doomed transaction").isEmpty();
        }

        @Test
        @DisplayName("a failed nested unit's audit entries and events are undone with its records")
        void failedInnerUnitLogsNothing() {
            var entry = org.sectorcrm.tck.fixtures.AuditEntries.anAuditEntry().build();
            boolean events = storage.capabilities().contains(Capability.EVENT_LOG);
            long before = events ? storage.read(tx -> tx.events().after(0, 1000)).size() : 0;
            storage.inTransaction(tx -> {
                try {
                    storage.inTransaction(tx2 -> {
                        tx2.audit().append(entry);
                        if (events) {
                            tx2.events().append(Events.created(AggregateTypes.EMPLOYER));
                        }
                        throw new IllegalStateException("inner boom");
                    });
                } catch (IllegalStateException expected) {
                    // the outer work carries on
                }
                return null;
            });
            List<org.sectorcrm.core.audit.AuditEntry> audit = storage.read(tx -> tx.audit().query(org.sectorcrm.core.audit.AuditFilter.ALL,
                    PageRequest.first()).items());
            assertThat(audit).as("audit entries of the failed nested unit").isEmpty();
            if (events) {
                List<StoredEvent> logged = storage.read(tx -> tx.events().after(0, 1000));
                assertThat(logged).as("events of the failed nested unit").hasSize((int) before);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Search beyond the simple cases")
    class SearchEdges {
        @Test
        @DisplayName("a word at the end of a note far longer than a page (20,000 characters) is found, for every reader when SHARED")
        void longNote() {
            Employer e = insertEmployer();
            String text = Texts.multiline("Langer Bericht", Limits.NOTE - 40) + " Endofnoteword";
            assertThat(text.length()).as("kit self-check: a note far longer than a database page").isGreaterThan(16_000);
            Engagement g = Engagements.anEngagement().forEmployer(e.id())
                    .withNotes(Notes.aNote().visibleTo(Visibility.SHARED).saying(text).build()).build();
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), g);
            assertThat(search(Kinds.of(AggregateTypes.ENGAGEMENT), "endofnoteword", Reader.EVERYONE)).containsExactly(g);
            assertThat(search(Kinds.of(AggregateTypes.ENGAGEMENT), "endofnoteword", Reader.of(Fixtures.staffUserId(), Fixtures.partnerId())))
                    .containsExactly(g);
        }

        @Test
        @DisplayName("a word at the end of a need's 4,000-character description is found")
        void longDescription() {
            Employer e = insertEmployer();
            String text = Texts.multiline("Beschreibung", Limits.DESCRIPTION - 20) + " Lastword";
            var need = Needs.aNeed().of(e.id()).build().withDescription(text);
            insert(Kinds.of(AggregateTypes.NEED), need);
            assertThat(search(Kinds.of(AggregateTypes.NEED), "lastword", Reader.EVERYONE)).containsExactly(need);
        }

        @Test
        @DisplayName("a PARTNER or PRIVATE note is never searchable for Reader.EVERYONE")
        void everyoneReadsOnlySharedNotes() {
            Employer e = insertEmployer();
            Engagement g = Engagements.anEngagement().forEmployer(e.id()).withNotes(
                    Notes.aNote().visibleTo(Visibility.PARTNER).saying("Partnerword").build(),
                    Notes.aNote().visibleTo(Visibility.PRIVATE).saying("Privateword").build()).build();
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), g);
            assertThat(search(Kinds.of(AggregateTypes.ENGAGEMENT), "partnerword", Reader.EVERYONE)).isEmpty();
            assertThat(search(Kinds.of(AggregateTypes.ENGAGEMENT), "privateword", Reader.EVERYONE)).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Report queries see what find sees")
    class ReportViews {
        @Test
        @DisplayName("deleted employers and engagements are gone from countByRegionAndSector, servedEstablishments and countableServices")
        void deletedRecordsAreNotCounted() {
            Employer kept = insertEmployer();
            Employer gone = insertEmployer();
            Engagement served = Engagements.anEngagement().forEmployer(kept.id()).on(LocalDate.of(2026, 1, 5)).staffAssisted(true)
                    .withServices(EseCategory.TRAINING_SERVICES).build();
            Engagement deleted = Engagements.anEngagement().forEmployer(gone.id()).on(LocalDate.of(2026, 1, 6)).staffAssisted(true)
                    .withServices(EseCategory.TRAINING_SERVICES).build();
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), served);
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), deleted);
            delete(Kinds.of(AggregateTypes.ENGAGEMENT), deleted.id(), 1);
            delete(Kinds.of(AggregateTypes.EMPLOYER), gone.id(), 1);
            List<GroupCount> groups = storage.read(tx -> tx.reports().countByRegionAndSector(EmployerFilter.ALL));
            assertThat(groups.stream().mapToLong(GroupCount::count).sum())
                    .as("employers counted after one of two was deleted").isEqualTo(1);
            List<ServedEstablishment> served2 = storage.read(tx -> tx.reports().servedEstablishments(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
            assertThat(served2).as("served after the second engagement was deleted")
                    .containsExactly(new ServedEstablishment(kept.id(), served.establishment(), EseCategory.TRAINING_SERVICES));
            List<ServedEstablishment> countable = storage.read(tx -> tx.reports().countableServices(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null));
            assertThat(countable).as("countable services after the second engagement was deleted")
                    .containsExactly(new ServedEstablishment(kept.id(), served.establishment(), EseCategory.TRAINING_SERVICES));
        }

        @Test
        @DisplayName("inside a write transaction the report queries see its own uncommitted writes")
        void reportsSeeOwnWrites() {
            Employer e = Employers.anEmployer().build();
            Engagement g = Engagements.anEngagement().forEmployer(e.id()).on(LocalDate.of(2026, 2, 2)).staffAssisted(true)
                    .withServices(EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT).build();
            storage.inTransaction(tx -> {
                tx.employers().save(e, 0);
                tx.engagements().save(g, 0);
                assertThat(tx.reports().countByRegionAndSector(EmployerFilter.ALL).stream().mapToLong(GroupCount::count).sum()).isEqualTo(1);
                assertThat(tx.reports().servedEstablishments(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2)))
                        .containsExactly(new ServedEstablishment(e.id(), g.establishment(), EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT));
                return null;
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("The event log resumes across gaps")
    class EventResume {
        @Test
        @DisplayName("a consumer's cursor taken before a rolled-back transaction reads exactly the events committed after it, once")
        void resumesAfterRolledBackGap() {
            assumeCapability(Capability.EVENT_LOG);
            var first = Events.created(AggregateTypes.EMPLOYER);
            storage.inTransaction(tx -> {
                tx.events().append(first);
                return null;
            });
            List<StoredEvent> seen = storage.read(tx -> tx.events().after(0, 100));
            assertThat(seen).extracting(StoredEvent::event).containsExactly(first);
            long cursor = seen.get(seen.size() - 1).sequence();
            assertThatThrownBy(() -> storage.inTransaction(tx -> {
                tx.events().append(Events.created(AggregateTypes.CONTACT));
                tx.events().append(Events.created(AggregateTypes.NEED));
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            var second = Events.created(AggregateTypes.REFERRAL);
            var third = Events.deleted(AggregateTypes.FEEDBACK);
            storage.inTransaction(tx -> {
                tx.events().append(second);
                tx.events().append(third);
                return null;
            });
            List<StoredEvent> next = storage.read(tx -> tx.events().after(cursor, 100));
            assertThat(next).extracting(StoredEvent::event).as("events after the cursor").containsExactly(second, third);
            assertThat(next).extracting(StoredEvent::sequence).allMatch(s -> s > cursor).isSorted();
            List<StoredEvent> afterFirst = storage.read(tx -> tx.events().after(next.get(0).sequence(), 100));
            assertThat(afterFirst).extracting(StoredEvent::event).as("after the first of them").containsExactly(third);
            List<StoredEvent> afterLast = storage.read(tx -> tx.events().after(next.get(1).sequence(), 100));
            assertThat(afterLast).as("after the last").isEmpty();
        }
    }

    // ===============================================================================================================
    // The checks, generic over the kind.

    private <I extends Id, T extends Aggregate<I>, F> void idlessRefused(Kind<I, T, F> k, Parents parents) {
        T record = k.typical().apply(parents);
        T idless;
        try {
            idless = k.type().assign(record, null, record.stamp());
        } catch (org.sectorcrm.core.ValidationException e) {
            return; // the record itself requires its id (codes of reference data): no store ever sees one without
        }
        long before = count(k, k.all());
        T refused = idless;
        assertThatExceptionOfType(IllegalArgumentException.class).as("saving a stamped %s without an id", k.name())
                .isThrownBy(() -> insert(k, refused));
        assertThat(count(k, k.all())).as("%s records after the refused save", k.name()).isEqualTo(before);
    }

    private <I extends Id, T extends Aggregate<I>, F> void textAndNanosRoundTrip(Kind<I, T, F> k, Parents parents) {
        String padded = "  \tLeading and trailing blanks \r\n ";
        Instant created = Instant.parse("2026-03-02T14:15:16.123456789Z");
        T record = k.restamp().apply(k.spec().withText(k.typical().apply(parents), padded),
                new Stamp(1, created, created.plusNanos(1), Fixtures.CREATOR));
        insert(k, record);
        T back = find(k, record.id()).orElseThrow();
        assertThat(k.spec().text(back)).as("%s text with blanks", k.name()).isEqualTo(padded);
        assertThat(back.stamp()).as("%s stamp with nanoseconds", k.name()).isEqualTo(record.stamp());
        assertThat(back).as("%s", k.name()).isEqualTo(record);
    }

    private <I extends Id, T extends Aggregate<I>, F> void deleteChecksVersion(Kind<I, T, F> k, Parents parents) {
        T record = k.typical().apply(parents);
        insert(k, record);
        T v2 = k.nextVersion(record);
        save(k, v2, 1);
        for (long wrong : new long[] {1, 3, 0}) {
            assertThatExceptionOfType(ConflictException.class).as("deleting %s v2 at expected version %d", k.name(), wrong)
                    .isThrownBy(() -> delete(k, record.id(), wrong))
                    .satisfies(e -> assertThat(e.currentVersion()).as("the current version it carries").hasValue(2));
            assertThat(find(k, record.id())).as("%s after the refused delete at %d", k.name(), wrong).contains(v2);
        }
        delete(k, record.id(), 2);
        assertThat(find(k, record.id())).isEmpty();
    }

    private <I extends Id, T extends Aggregate<I>, F> void deletedGoneEverywhere(Kind<I, T, F> k, Parents parents) {
        String word = "Gone" + wordSerial();
        T doomed = k.spec().withText(k.typical().apply(parents), "Doomed " + word);
        T other = k.spec().withText(k.typical().apply(parents), "Survivor " + word);
        insert(k, doomed);
        insert(k, other);
        assertThat(search(k, word, Reader.EVERYONE)).as("%s search before the delete", k.name()).containsExactlyInAnyOrder(doomed, other);
        delete(k, doomed.id(), 1);
        assertThat(find(k, doomed.id())).as("%s find after delete", k.name()).isEmpty();
        assertThat(allOf(k, k.all(), 2)).as("%s query after delete", k.name()).doesNotContain(doomed).contains(other);
        assertThat(search(k, word, Reader.EVERYONE)).as("%s search after delete", k.name()).containsExactly(other);
        assertThat(search(k, "doomed " + word, Reader.EVERYONE)).as("%s search for the deleted one's words", k.name()).isEmpty();
        assertThat(find(k, other.id())).as("the other %s", k.name()).contains(other);
        assertThatExceptionOfType(NotFoundException.class).as("saving over a deleted %s", k.name())
                .isThrownBy(() -> save(k, k.nextVersion(doomed), 1));
        assertThat(find(k, doomed.id())).as("%s after the refused save", k.name()).isEmpty();
    }

    private <I extends Id, T extends Aggregate<I>, F> void readsOwnWrites(Kind<I, T, F> k, Parents parents) {
        String word = "Own" + wordSerial();
        T existing = k.spec().withText(k.typical().apply(parents), "Existing " + word);
        T gone = k.spec().withText(k.typical().apply(parents), "Removed " + word);
        long base = count(k, k.all());
        insert(k, existing);
        insert(k, gone);
        T fresh = k.spec().withText(k.typical().apply(parents), "Fresh " + word);
        T changed = k.spec().withText(k.nextVersion(existing), "Changed " + word + " Updatedword" + word);
        storage.inTransaction(tx -> {
            var store = k.store().apply(tx);
            store.save(fresh, 0);
            store.save(changed, 1);
            store.delete(gone.id(), 1);
            assertThat(store.find(fresh.id())).as("find of an own insert").contains(fresh);
            assertThat(store.find(changed.id())).as("find of an own update").contains(changed);
            assertThat(store.find(gone.id())).as("find of an own delete").isEmpty();
            assertThat(store.count(k.all())).as("count").isEqualTo(base + 2);
            assertThat(Paging.all("query", 1, p -> store.query(k.all(), p), Aggregate::id)).as("query").contains(fresh, changed).doesNotContain(gone)
                    .hasSize((int) base + 2);
            assertThat(Paging.all("search", 1, p -> store.search(SearchTerms.parse(word), Reader.EVERYONE, p), Aggregate::id))
                    .as("search").containsExactlyInAnyOrder(fresh, changed);
            assertThat(store.search(SearchTerms.parse("updatedword" + word), Reader.EVERYONE, PageRequest.first()).items())
                    .as("search for an own update's new word").containsExactly(changed);
            return null;
        });
    }

    private <I extends Id, T extends Aggregate<I>, F> void searchFindsAndReindexes(Kind<I, T, F> k, Parents parents) {
        String before = "Before" + wordSerial();
        String after = "After" + wordSerial();
        T record = k.spec().withText(k.typical().apply(parents), "Alpha " + before + " Omega");
        insert(k, record);
        assertThat(search(k, before.toUpperCase(java.util.Locale.ROOT), Reader.EVERYONE)).as("%s by a word, upper case", k.name()).containsExactly(record);
        assertThat(search(k, "alpha omega " + before, Reader.of(Fixtures.staffUserId(), Fixtures.partnerId())))
                .as("%s by three words, for a staff reader", k.name()).containsExactly(record);
        T changed = k.spec().withText(k.nextVersion(record), "Alpha " + after + " Omega");
        save(k, changed, 1);
        assertThat(search(k, after, Reader.EVERYONE)).as("%s by its new word after an update", k.name()).containsExactly(changed);
        assertThat(search(k, before, Reader.EVERYONE)).as("%s by a word it no longer holds", k.name()).isEmpty();
    }

    private <I extends Id, T extends Aggregate<I>, F> void searchSeparatorsAndStopwords(Kind<I, T, F> k, Parents parents) {
        String w = wordSerial();
        T record = k.spec().withText(k.typical().apply(parents),
                "O\u2019Brien" + w + "\u00a0Tool\u2013Die" + w + "\u2014Works \u00ababout\u00bb the and with will from what");
        insert(k, record);
        assertThat(search(k, "brien" + w, Reader.EVERYONE)).as("%s: a word after a typographic apostrophe", k.name()).containsExactly(record);
        assertThat(search(k, "tool die" + w, Reader.EVERYONE)).as("%s: words around an en dash after a no-break space", k.name()).containsExactly(record);
        assertThat(search(k, "die" + w + " works", Reader.EVERYONE)).as("%s: words around an em dash", k.name()).containsExactly(record);
        assertThat(search(k, "about the and with will from what", Reader.EVERYONE)).as("%s: stopwords of other engines", k.name())
                .containsExactly(record);
        T numbered = k.spec().withText(k.typical().apply(parents), "Suite 660 Route 1999 " + "Numbered" + w);
        insert(k, numbered);
        assertThat(search(k, "660 1999 numbered" + w, Reader.EVERYONE)).as("%s: numbers are words", k.name()).containsExactly(numbered);
    }

    private <I extends Id, T extends Aggregate<I>, F> void uniqueKeyHolds(Kind<I, T, F> k, String field) {
        Parents parents = Writes.parents(storage);
        T holder = k.spec().withKey(k.typical().apply(parents), field, 0, false);
        insert(k, holder);
        T taken = k.spec().withKey(k.typical().apply(parents), field, 0, false);
        assertThatExceptionOfType(ConflictException.class).as("a second %s with %s taken, in another transaction", k.name(), field)
                .isThrownBy(() -> insert(k, taken));
        T a = k.spec().withKey(k.typical().apply(parents), field, 1, false);
        T b = k.spec().withKey(k.typical().apply(parents), field, 1, false);
        assertThatExceptionOfType(ConflictException.class).as("two %s with one %s, in one transaction", k.name(), field)
                .isThrownBy(() -> storage.inTransaction(tx -> {
                    k.store().apply(tx).save(a, 0);
                    k.store().apply(tx).save(b, 0);
                    return null;
                }));
        assertThat(find(k, a.id())).as("%s of the failed transaction", k.name()).isEmpty();
        T distinct = k.spec().withKey(k.typical().apply(parents), field, 2, false);
        insert(k, distinct);
        T moved = k.spec().withKey(k.nextVersion(distinct), field, 0, false);
        assertThatExceptionOfType(ConflictException.class).as("an update of a %s to a taken %s", k.name(), field).isThrownBy(() -> save(k, moved, 1));
        assertThat(find(k, distinct.id())).contains(distinct);
        T kept = k.nextVersion(holder);
        save(k, k.spec().withKey(kept, field, 0, false), 1);
        T variant = k.spec().withKey(k.typical().apply(parents), field, 0, true);
        if (k.spec().caseSensitive(field)) {
            insert(k, variant);
            assertThat(find(k, variant.id())).as("a %s whose %s differs only in case: a distinct key", k.name(), field).contains(variant);
        } else {
            assertThatExceptionOfType(ConflictException.class).as("a %s whose %s differs only in case (normalised: the same key)", k.name(), field)
                    .isThrownBy(() -> insert(k, variant));
        }
        delete(k, distinct.id(), 1);
        T reuse = k.spec().withKey(k.typical().apply(parents), field, 2, false);
        insert(k, reuse);
        assertThat(find(k, reuse.id())).as("a %s freed by a delete is free again", field).contains(reuse);
        // A value is taken only while a record holds it: an update that moves a record to another value frees the old one.
        T mover = k.spec().withKey(k.typical().apply(parents), field, 3, false);
        insert(k, mover);
        save(k, k.spec().withKey(k.nextVersion(mover), field, 4, false), 1);
        T taker = k.spec().withKey(k.typical().apply(parents), field, 3, false);
        insert(k, taker);
        assertThat(find(k, taker.id())).as("a %s freed by an update of its holder is free again", field).contains(taker);
    }

    private <I extends Id, T extends Aggregate<I>, F> Aggregate<?> seed(Kind<I, T, F> k, Parents parents) {
        return insert(k, k.typical().apply(parents));
    }



    /** Inserts, updates and deletes in {@code tx}; returns the check that none of it is kept. */
    @SuppressWarnings("unchecked")
    private <I extends Id, T extends Aggregate<I>, F> Runnable writeAllWays(StorageTransaction tx, Kind<I, T, F> k, Aggregate<?> existingRecord,
            Parents parents) {
        T existing = (T) existingRecord;
        long before = count(k, k.all());
        T fresh = k.typical().apply(parents);
        var store = k.store().apply(tx);
        store.save(fresh, 0);
        store.save(k.nextVersion(existing), 1);
        T second = k.typical().apply(parents);
        store.save(second, 0);
        store.delete(second.id(), 1);
        return () -> {
            assertThat(find(k, fresh.id())).as("%s inserted by the failed transaction", k.name()).isEmpty();
            assertThat(find(k, existing.id())).as("%s updated by the failed transaction", k.name()).contains(existing);
            assertThat(count(k, k.all())).as("%s records after the failed transaction", k.name()).isEqualTo(before);
        };
    }

    // ===============================================================================================================
    // Small helpers shared with the SPI 1 families.

    private static final AtomicLong WORDS = new AtomicLong();

    /** Letters only (digits would make a word of its own in some engines' tokenizers): aa, ab, ... */
    static String wordSerial() {
        long n = WORDS.incrementAndGet();
        StringBuilder sb = new StringBuilder("q");
        do {
            sb.append((char) ('a' + (n % 26)));
            n /= 26;
        } while (n > 0);
        return sb.toString();
    }

    final Stream<DynamicTest> perKind(java.util.function.Consumer<Kind<?, ?, ?>> check) {
        return Kinds.ALL.stream().map(k -> dynamicTest(k.name(), () -> check.accept(k)));
    }

    final boolean has(Capability capability) {
        return storage.capabilities().contains(capability);
    }

    final void assumeCapability(Capability capability) {
        assumeTrue(has(capability), () -> storageName() + " does not declare Capability." + capability + ": the tests of what "
                + capability + " promises are skipped");
    }

    final String storageName() {
        return storage.getClass().getName();
    }

    final <I extends Id, T extends Aggregate<I>, F> T insert(Kind<I, T, F> k, T record) {
        save(k, record, 0);
        return record;
    }

    final <I extends Id, T extends Aggregate<I>, F> void save(Kind<I, T, F> k, T record, long expectedVersion) {
        storage.inTransaction(tx -> {
            k.store().apply(tx).save(record, expectedVersion);
            return null;
        });
    }

    final <I extends Id, T extends Aggregate<I>, F> void delete(Kind<I, T, F> k, I id, long expectedVersion) {
        storage.inTransaction(tx -> {
            k.store().apply(tx).delete(id, expectedVersion);
            return null;
        });
    }

    final <I extends Id, T extends Aggregate<I>, F> Optional<T> find(Kind<I, T, F> k, I id) {
        return storage.read(tx -> k.store().apply(tx).find(id));
    }

    final Optional<Employer> findEmployer(Employer e) {
        return find(Kinds.of(AggregateTypes.EMPLOYER), e.id());
    }

    final Employer insertEmployer() {
        return insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().build());
    }

    final <I extends Id, T extends Aggregate<I>, F> long count(Kind<I, T, F> k, F filter) {
        return count(storage, k, filter);
    }

    static <I extends Id, T extends Aggregate<I>, F> long count(CrmStorage storage, Kind<I, T, F> k, F filter) {
        return storage.read(tx -> k.store().apply(tx).count(filter));
    }

    final <I extends Id, T extends Aggregate<I>, F> List<T> allOf(Kind<I, T, F> k, F filter, int pageSize) {
        return allOf(storage, k, filter, pageSize);
    }

    static <I extends Id, T extends Aggregate<I>, F> List<T> allOf(CrmStorage storage, Kind<I, T, F> k, F filter, int pageSize) {
        return Paging.query(k.name() + " query " + filter, pageSize, p -> storage.read(tx -> k.store().apply(tx).query(filter, p)), Aggregate::id);
    }

    /** Every hit of a search, following the cursors in pages of 2. */
    final <I extends Id, T extends Aggregate<I>, F> List<T> search(Kind<I, T, F> k, String query, Reader reader) {
        SearchTerms terms = SearchTerms.parse(query);
        return Paging.all(k.name() + " search '" + query + "'", 2, p -> storage.read(tx -> k.store().apply(tx).search(terms, reader, p)), Aggregate::id);
    }
}
