package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import java.math.BigDecimal;
import java.util.Set;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Solutions;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Feedbacks;
import org.sectorcrm.core.spi.ReportQueries.GroupCount;
import org.sectorcrm.core.spi.ReportQueries.PartnerContact;
import org.sectorcrm.core.spi.ReportQueries.EseEstablishment;
import org.sectorcrm.core.spi.ReportQueries.EseQuery;
import org.sectorcrm.core.spi.ReportQueries.PlacedService;
import org.sectorcrm.core.spi.ReportQueries.ServedEstablishment;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.internal.BatchChecks;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Events;
import org.sectorcrm.tck.fixtures.Feins;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Notes;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.StaffUsers;
import org.sectorcrm.tck.internal.FilterScenario;
import org.sectorcrm.tck.internal.FilterScenarios;
import org.sectorcrm.tck.internal.Kind;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Paging;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/**
 * The storage conformance kit: every sentence of the storage SPI's contract ({@link org.sectorcrm.core.spi}) as
 * a test that fails, with a sentence saying which promise broke, when an implementation breaks it.
 *
 * <p>A vendor extends this class in its own test sources and implements {@link #createStorage()}:
 * <pre>{@code
 * class AcmeCrmStorageCompatibilityTest extends CrmStorageCompatibilityKit {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return new AcmeCrmStorage(freshEmptyDatabase());
 *     }
 * }
 * }</pre>
 * Every test gets a fresh, empty storage and closes it afterwards. Tests of an optional {@link Capability} the
 * storage does not declare are skipped, each with a message naming the capability, never silently. Records
 * come from {@link org.sectorcrm.tck.fixtures}; the kit saves the employers and partners they reference first,
 * so the same tests hold with and without {@link Capability#REFERENTIAL_INTEGRITY}.
 *
 * <p>Kit version {@value KitVersion#VERSION}, checking SPI version {@value KitVersion#CHECKED_SPI_VERSION}.
 */
public abstract class CrmStorageCompatibilityKit extends SentenceContracts {

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Versions and capabilities")
    class Versioning {
        @Test
        @DisplayName("the storage runs on the SPI version this kit checks")
        void spiVersionMatches() {
            int onClassPath = KitVersion.spiVersionOnClassPath();
            assertThat(KitVersion.checks(onClassPath)).as(KitVersion.mismatch(onClassPath)).isTrue();
        }

        @Test
        @DisplayName("capabilities() names what the storage has (never null)")
        void capabilitiesAreDeclared() {
            assertThat(storage.capabilities()).as("%s.capabilities()", storageName()).isNotNull().doesNotContainNull();
        }

        @Test
        @DisplayName("close() may be called twice")
        void closeIsIdempotent() {
            storage.close();
            storage.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Every field round-trips: find returns an aggregate equal to the one saved")
    class RoundTrip {
        @TestFactory
        @DisplayName("a record with every field set (Unicode, maximum lengths, several collection entries) comes back equal")
        Stream<DynamicTest> fullRecords() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> roundTrips(k, Variant.FULL, parents));
        }

        @TestFactory
        @DisplayName("a record with every optional field null and every collection empty comes back equal")
        Stream<DynamicTest> minimalRecords() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> roundTrips(k, Variant.MINIMAL, parents));
        }

        @TestFactory
        @DisplayName("a typical record comes back equal")
        Stream<DynamicTest> typicalRecords() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> roundTrips(k, Variant.TYPICAL, parents));
        }

        @TestFactory
        @DisplayName("an updated record comes back equal, at its new version")
        Stream<DynamicTest> updatedRecords() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> updateRoundTrips(k, parents));
        }

        @TestFactory
        @DisplayName("query returns records equal to those find returns")
        Stream<DynamicTest> queryReturnsEqualRecords() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> queryRoundTrips(k, parents));
        }

        @TestFactory
        @DisplayName("a record inserted at a version above 1 (a restore) keeps that version and can be saved over it")
        Stream<DynamicTest> restoredVersions() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> restoreKeepsVersion(k, parents));
        }

        @Test
        @DisplayName("decimals keep their scale (0.000 stays 0.000, 12.3400 stays 12.3400): BigDecimal.equals compares scale")
        void decimalsKeepTheirScale() {
            Employer employer = insertEmployer();
            OutcomeMeasure outcome = Outcomes.aFullOutcome().at(employer.id()).build();
            insert(Kinds.of(AggregateTypes.OUTCOME), outcome);
            OutcomeMeasure back = find(Kinds.of(AggregateTypes.OUTCOME), outcome.id()).orElseThrow();
            assertThat(back.baseline()).as("baseline").isEqualTo(outcome.baseline());
            assertThat(back.observations()).as("observations").containsExactlyElementsOf(outcome.observations());
        }

        @Test
        @DisplayName("instants keep their microseconds and dates their day (a leap day, 1999-12-31T23:59:59.999999Z)")
        void instantsAndDatesKeepTheirPrecision() {
            Employer employer = insertEmployer();
            Contact contact = Contacts.aFullContact().at(employer.id()).build();
            insert(Kinds.of(AggregateTypes.CONTACT), contact);
            Contact back = find(Kinds.of(AggregateTypes.CONTACT), contact.id()).orElseThrow();
            assertThat(back.consents()).as("consents").containsExactlyElementsOf(contact.consents());
            assertThat(back.stamp()).as("stamp").isEqualTo(contact.stamp());
            Engagement engagement = Engagements.aFullEngagement().forEmployer(employer.id()).build();
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), engagement);
            assertThat(find(Kinds.of(AggregateTypes.ENGAGEMENT), engagement.id()).orElseThrow().date()).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        @DisplayName("text of exactly the maximum length in many scripts, with emoji, tabs and line breaks, comes back unchanged")
        void longUnicodeTextComesBackUnchanged() {
            Employer employer = insertEmployer();
            Engagement engagement = Engagements.aFullEngagement().forEmployer(employer.id()).build();
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), engagement);
            Engagement back = find(Kinds.of(AggregateTypes.ENGAGEMENT), engagement.id()).orElseThrow();
            assertThat(back.summary()).as("summary (%d characters)", engagement.summary().length()).isEqualTo(engagement.summary());
            for (int i = 0; i < engagement.notes().size(); i++) {
                assertThat(back.notes().get(i).text()).as("notes[%d].text (%d characters)", i, engagement.notes().get(i).text().length())
                        .isEqualTo(engagement.notes().get(i).text());
            }
        }

        @Test
        @DisplayName("lists keep their order (trade names, establishments, notes, counties)")
        void listsKeepTheirOrder() {
            Employer employer = Employers.aFullEmployer().build();
            insert(Kinds.of(AggregateTypes.EMPLOYER), employer);
            Employer back = find(Kinds.of(AggregateTypes.EMPLOYER), employer.id()).orElseThrow();
            assertThat(back.tradeNames()).containsExactlyElementsOf(employer.tradeNames());
            assertThat(back.establishments()).containsExactlyElementsOf(employer.establishments());
            Region region = Regions.aFullRegion().build();
            insert(Kinds.of(AggregateTypes.REGION), region);
            assertThat(find(Kinds.of(AggregateTypes.REGION), region.id()).orElseThrow().counties()).containsExactlyElementsOf(region.counties());
        }

        @Test
        @DisplayName("find of an id never saved returns empty")
        void findOfUnknownIdIsEmpty() {
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), Fixtures.employerId())).isEmpty();
            assertThat(find(Kinds.of(AggregateTypes.REGION), Regions.aRegion().build().id())).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Inserting (expected version 0)")
    class Inserts {
        @TestFactory
        @DisplayName("inserting an id that exists throws ConflictException carrying the stored version, and changes nothing")
        Stream<DynamicTest> duplicateIdIsAConflict() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> duplicateInsertConflicts(k, parents));
        }

        @TestFactory
        @DisplayName("saving a record without a stamp (a draft) throws IllegalArgumentException and stores nothing")
        Stream<DynamicTest> draftsAreRefused() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> draftRefused(k, parents));
        }

        @TestFactory
        @DisplayName("a negative expected version throws IllegalArgumentException and stores nothing")
        Stream<DynamicTest> negativeExpectedVersionIsRefused() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> negativeExpectedRefused(k, parents));
        }

        @Test
        @DisplayName("an employer draft (no id, no stamp) throws IllegalArgumentException")
        void employerDraftIsRefused() {
            Employer draft = Employer.named("Draft Works");
            assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> save(Kinds.of(AggregateTypes.EMPLOYER), draft, 0));
            assertThat(count(Kinds.of(AggregateTypes.EMPLOYER), EmployerFilter.ALL)).isZero();
        }

        @TestFactory
        @DisplayName("an id is free again once its record was deleted")
        Stream<DynamicTest> deletedIdCanBeInsertedAgain() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> reinsertAfterDelete(k, parents));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("saveAll, the bulk write: the outcome of one save after another, all or nothing with its transaction")
    class BatchSaves {
        @TestFactory
        @DisplayName("a batch of inserts and then one of updates: every record is found equal to what the batch saved, and search finds it by its words of then only")
        Stream<DynamicTest> insertsAndUpdates() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> BatchChecks.insertsAndUpdatesRoundTrip(storage, k, parents));
        }

        @TestFactory
        @DisplayName("a stale save in the middle of a batch throws ConflictException with the current version; the failed transaction keeps none of the batch")
        Stream<DynamicTest> staleSave() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> BatchChecks.staleSaveFailsTheBatch(storage, k, parents));
        }

        @TestFactory
        @DisplayName("inserting an id that exists throws ConflictException with the stored version; nothing of the batch is kept")
        Stream<DynamicTest> duplicateInsert() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> BatchChecks.duplicateInsertFailsTheBatch(storage, k, parents));
        }

        @TestFactory
        @DisplayName("the same id twice in one batch throws IllegalArgumentException and stores nothing")
        Stream<DynamicTest> sameIdTwice() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> BatchChecks.sameIdTwiceIsRefused(storage, k, parents));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Saving over a version (optimistic locking)")
    class OptimisticLocking {
        @TestFactory
        @DisplayName("a stale save throws ConflictException carrying the current version, and nothing changes")
        Stream<DynamicTest> staleSaveIsAConflict() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> staleSaveConflicts(k, parents));
        }

        @TestFactory
        @DisplayName("a save over a version ahead of the stored one throws ConflictException carrying the current version, and nothing changes")
        Stream<DynamicTest> saveAheadIsAConflict() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> aheadSaveConflicts(k, parents));
        }

        @TestFactory
        @DisplayName("a save over a record that does not exist throws NotFoundException and stores nothing")
        Stream<DynamicTest> updateOfMissingRecordIsNotFound() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> updateOfMissingIsNotFound(k, parents));
        }

        @TestFactory
        @DisplayName("a version other than expectedVersion + 1 throws IllegalArgumentException, and nothing changes")
        Stream<DynamicTest> wrongVersionArithmeticIsRefused() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> wrongArithmeticRefused(k, parents));
        }

        @Test
        @DisplayName("versions count up across successive saves, each over the one before")
        void successiveSaves() {
            Employer e = insertEmployer();
            for (int i = 0; i < 5; i++) {
                Employer next = Kinds.of(AggregateTypes.EMPLOYER).nextVersion(e);
                save(Kinds.of(AggregateTypes.EMPLOYER), next, e.version());
                e = next;
            }
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), e.id())).contains(e);
            assertThat(e.version()).isEqualTo(6);
        }

        @Test
        @DisplayName("concurrent transactions never lose an update: every committed save is counted")
        void concurrentUpdatesAreNeverLost() throws Exception {
            Employer start = Employers.anEmployer().withEmployees(0).build();
            insert(Kinds.of(AggregateTypes.EMPLOYER), start);
            int threads = 4;
            int updatesEach = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> incrementEmployees(start.id(), updatesEach)));
                }
                int committed = 0;
                for (Future<Integer> f : futures) {
                    // A guard against a deadlocked store hanging the build, not a timing assertion.
                    committed += f.get(5, TimeUnit.MINUTES);
                }
                Employer end = find(Kinds.of(AggregateTypes.EMPLOYER), start.id()).orElseThrow();
                assertThat(committed).isEqualTo(threads * updatesEach);
                assertThat(end.employees()).as("employees after %d committed increments", committed).isEqualTo(committed);
                assertThat(end.version()).as("version after %d committed saves", committed).isEqualTo(1L + committed);
            } finally {
                pool.shutdownNow();
            }
        }

        /** Read, increment, save over the read version; retry on ConflictException (another thread won). */
        private int incrementEmployees(EmployerId id, int times) {
            int done = 0;
            for (int attempt = 0; done < times; attempt++) {
                if (attempt > times * 1_000) {
                    throw new AssertionError("gave up after " + attempt + " attempts: the store keeps reporting conflicts");
                }
                try {
                    storage.inTransaction(tx -> {
                        Employer current = tx.employers().find(id).orElseThrow();
                        Employer next = current.withEmployees(current.employees() + 1).withStamp(current.stamp().next(Fixtures.NOW));
                        tx.employers().save(next, current.version());
                        return null;
                    });
                    done++;
                } catch (ConflictException lostTheRace) {
                    // expected under contention: reload and reapply
                }
            }
            return done;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Deleting")
    class Deletes {
        @TestFactory
        @DisplayName("a delete at the stored version removes the record from find, query and count")
        Stream<DynamicTest> deleteRemoves() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> deleteRemovesRecord(k, parents));
        }

        @TestFactory
        @DisplayName("a stale delete throws ConflictException carrying the current version, and the record stays")
        Stream<DynamicTest> staleDeleteIsAConflict() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> staleDeleteConflicts(k, parents));
        }

        @TestFactory
        @DisplayName("deleting a record that does not exist (or no longer does) throws NotFoundException")
        Stream<DynamicTest> deleteOfMissingIsNotFound() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> deleteOfMissingNotFound(k, parents));
        }

        @Test
        @DisplayName("a deleted record can no longer be saved over (NotFoundException)")
        void deletedRecordCannotBeUpdated() {
            Employer e = insertEmployer();
            delete(Kinds.of(AggregateTypes.EMPLOYER), e.id(), 1);
            assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> save(Kinds.of(AggregateTypes.EMPLOYER), Kinds.of(AggregateTypes.EMPLOYER).nextVersion(e), 1));
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), e.id())).isEmpty();
        }

        @Test
        @DisplayName("deleting one record leaves the others alone")
        void deleteIsTargeted() {
            List<Employer> employers = Writes.employers(storage, 3);
            delete(Kinds.of(AggregateTypes.EMPLOYER), employers.get(1).id(), 1);
            assertThat(allOf(Kinds.of(AggregateTypes.EMPLOYER), EmployerFilter.ALL, 10)).containsExactlyInAnyOrder(employers.get(0), employers.get(2));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Transactions are all or nothing")
    class Transactions {
        @Test
        @DisplayName("when the work throws after several writes, none of them is kept and the exception reaches the caller unchanged")
        void failedWorkLeavesNothing() {
            Employer updated = insertEmployer();
            Employer deleted = insertEmployer();
            Employer added = Employers.anEmployer().build();
            Contact contact = Contacts.aContact().at(added.id()).build();
            AuditEntry entry = AuditEntries.anAuditEntry().build();
            boolean events = has(Capability.EVENT_LOG);
            RuntimeException failure = new IllegalStateException("the work failed on purpose after its writes");
            Throwable thrown = catchThrowable(() -> storage.inTransaction(tx -> {
                tx.employers().save(added, 0);
                tx.contacts().save(contact, 0);
                tx.employers().save(Kinds.of(AggregateTypes.EMPLOYER).nextVersion(updated), 1);
                tx.employers().delete(deleted.id(), 1);
                tx.audit().append(entry);
                if (events) {
                    tx.events().append(Events.created(AggregateTypes.EMPLOYER));
                }
                throw failure;
            }));
            assertThat(thrown).as("the exception the work threw").isSameAs(failure);
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), added.id())).as("inserted employer").isEmpty();
            assertThat(find(Kinds.of(AggregateTypes.CONTACT), contact.id())).as("inserted contact").isEmpty();
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), updated.id())).as("updated employer").contains(updated);
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), deleted.id())).as("deleted employer").contains(deleted);
            assertThat(auditEntries(AuditFilter.ALL)).as("audit log").isEmpty();
            if (events) {
                assertThat(eventsAfter(0, 100)).as("event log").isEmpty();
            }
            assertThat(count(Kinds.of(AggregateTypes.EMPLOYER), EmployerFilter.ALL)).isEqualTo(2);
        }

        @Test
        @DisplayName("a CrmException thrown by the work reaches the caller as is, and the writes are undone")
        void crmExceptionReachesCallerAsIs() {
            Employer added = Employers.anEmployer().build();
            CrmException failure = ValidationException.of("employer", "legalName", "is refused by the test");
            Throwable thrown = catchThrowable(() -> storage.inTransaction(tx -> {
                tx.employers().save(added, 0);
                throw failure;
            }));
            assertThat(thrown).isSameAs(failure);
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), added.id())).isEmpty();
        }

        @Test
        @DisplayName("a ConflictException from a store, not caught by the work, undoes the work's earlier writes")
        void storeConflictRollsBackEarlierWrites() {
            Employer existing = insertEmployer();
            Employer added = Employers.anEmployer().build();
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> storage.inTransaction(tx -> {
                tx.employers().save(added, 0);
                tx.employers().save(existing, 0);
                return null;
            }));
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), added.id())).isEmpty();
        }

        @Test
        @DisplayName("the work's result is returned and its writes are committed together")
        void resultIsReturnedAndWritesCommitted() {
            Employer a = Employers.anEmployer().build();
            Employer b = Employers.anEmployer().build();
            String result = storage.inTransaction(tx -> {
                tx.employers().save(a, 0);
                tx.employers().save(b, 0);
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), a.id())).contains(a);
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), b.id())).contains(b);
        }

        @Test
        @DisplayName("reads inside a transaction see its own writes: find, query, count and search")
        void readsSeeOwnWrites() {
            Employer e = Employers.anEmployer().named("Ownwritesword Fabrication").build();
            Map<String, Object> seen = new LinkedHashMap<>();
            storage.inTransaction(tx -> {
                tx.employers().save(e, 0);
                seen.put("find", tx.employers().find(e.id()));
                seen.put("query", tx.employers().query(EmployerFilter.ALL, PageRequest.first(10)).items());
                seen.put("count", tx.employers().count(EmployerFilter.ALL));
                seen.put("search", tx.employers().search(SearchTerms.parse("ownwritesword"), Reader.EVERYONE, PageRequest.first(10)).items());
                Employer next = Kinds.of(AggregateTypes.EMPLOYER).nextVersion(e);
                tx.employers().save(next, 1);
                seen.put("find after update", tx.employers().find(e.id()));
                tx.employers().delete(e.id(), 2);
                seen.put("find after delete", tx.employers().find(e.id()));
                seen.put("count after delete", tx.employers().count(EmployerFilter.ALL));
                return null;
            });
            assertThat(seen.get("find")).as("find after save").isEqualTo(Optional.of(e));
            assertThat(seen.get("query")).as("query after save").isEqualTo(List.of(e));
            assertThat(seen.get("count")).as("count after save").isEqualTo(1L);
            assertThat(seen.get("search")).as("search after save").isEqualTo(List.of(e));
            assertThat(seen.get("find after update")).isEqualTo(Optional.of(Kinds.of(AggregateTypes.EMPLOYER).nextVersion(e)));
            assertThat(seen.get("find after delete")).isEqualTo(Optional.empty());
            assertThat(seen.get("count after delete")).isEqualTo(0L);
        }

        @Test
        @DisplayName("a transaction started inside another on the same thread joins it: it sees the outer writes, and the outer rollback undoes its own")
        void nestedTransactionJoinsAndRollsBackWithOuter() {
            Employer outerWrite = Employers.anEmployer().build();
            Employer innerWrite = Employers.anEmployer().build();
            AtomicReference<Optional<Employer>> innerSaw = new AtomicReference<>();
            AtomicReference<Optional<Employer>> outerSaw = new AtomicReference<>();
            RuntimeException failure = new IllegalStateException("outer work fails after the inner one returned");
            Throwable thrown = catchThrowable(() -> storage.inTransaction(outer -> {
                outer.employers().save(outerWrite, 0);
                storage.inTransaction(inner -> {
                    innerSaw.set(inner.employers().find(outerWrite.id()));
                    inner.employers().save(innerWrite, 0);
                    return null;
                });
                outerSaw.set(outer.employers().find(innerWrite.id()));
                throw failure;
            }));
            assertThat(thrown).isSameAs(failure);
            assertThat(innerSaw.get()).as("what the inner transaction saw of the outer write").contains(outerWrite);
            assertThat(outerSaw.get()).as("what the outer transaction saw of the inner write").contains(innerWrite);
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), outerWrite.id())).as("outer write after the rollback").isEmpty();
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), innerWrite.id())).as("inner write after the outer rollback").isEmpty();
        }

        @Test
        @DisplayName("a joined transaction commits once, with the outer one")
        void nestedTransactionCommitsWithOuter() {
            Employer outerWrite = Employers.anEmployer().build();
            Employer innerWrite = Employers.anEmployer().build();
            storage.inTransaction(outer -> {
                outer.employers().save(outerWrite, 0);
                return storage.inTransaction(inner -> {
                    inner.employers().save(innerWrite, 0);
                    return null;
                });
            });
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), outerWrite.id())).contains(outerWrite);
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), innerWrite.id())).contains(innerWrite);
        }

        @TestFactory
        @DisplayName("a read-only transaction refuses a save, a saveAll or a delete with IllegalStateException and keeps nothing")
        Stream<DynamicTest> readOnlyRefusesWrites() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> readOnlyRefuses(k, parents));
        }

        @Test
        @DisplayName("a read-only transaction refuses audit and event appends, one by one or in batches, with IllegalStateException")
        void readOnlyRefusesAppends() {
            AuditEntry entry = AuditEntries.anAuditEntry().build();
            assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> storage.read(tx -> {
                tx.audit().append(entry);
                return null;
            }));
            assertThatExceptionOfType(IllegalStateException.class).as("audit appendAll in a read-only transaction").isThrownBy(() -> storage.read(tx -> {
                tx.audit().appendAll(List.of(entry));
                return null;
            }));
            assertThat(auditEntries(AuditFilter.ALL)).isEmpty();
            if (has(Capability.EVENT_LOG)) {
                assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> storage.read(tx -> {
                    tx.events().append(Events.created(AggregateTypes.EMPLOYER));
                    return null;
                }));
                assertThatExceptionOfType(IllegalStateException.class).as("event appendAll in a read-only transaction").isThrownBy(() -> storage.read(tx -> {
                    tx.events().appendAll(List.of(Events.created(AggregateTypes.EMPLOYER)));
                    return null;
                }));
                assertThat(eventsAfter(0, 10)).isEmpty();
            }
        }

        @Test
        @DisplayName("a read-only transaction reads what is committed and returns the work's result")
        void readOnlyReads() {
            Employer e = insertEmployer();
            Optional<Employer> read = storage.read(tx -> tx.employers().find(e.id()));
            assertThat(read).contains(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Keyset pagination returns every row exactly once, in id order")
    class Pagination {
        @Test
        @DisplayName("following the cursors with pages of 1, 2, 3, 7, 50 and 1000 returns every row exactly once, in id order")
        void everyRowOnceInIdOrder() {
            List<Employer> employers = new ArrayList<>(Writes.employers(storage, 20));
            employers.addAll(Writes.insert(storage, Kinds.of(AggregateTypes.EMPLOYER), craftedIdEmployers()));
            List<Employer> expected = sortedById(employers);
            for (int size : new int[] {1, 2, 3, 7, 50, PageRequest.MAX_LIMIT}) {
                assertThat(allOf(Kinds.of(AggregateTypes.EMPLOYER), EmployerFilter.ALL, size)).as("pages of %d", size).containsExactlyElementsOf(expected);
            }
        }

        @TestFactory
        @DisplayName("pages of 2 return every record of each type exactly once, in id order (ids as text: UUIDs starting with 8-f after 0-7, codes case-sensitively), as many as count says")
        Stream<DynamicTest> everyTypePages() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> pagesThroughKind(k, parents));
        }

        @Test
        @DisplayName("ids order by their text: UUIDs starting with 8-f come after those starting with 0-7 (not by UUID.compareTo)")
        void idsOrderByText() {
            List<Employer> crafted = Writes.insert(storage, Kinds.of(AggregateTypes.EMPLOYER), craftedIdEmployers());
            assertThat(allOf(Kinds.of(AggregateTypes.EMPLOYER), EmployerFilter.ALL, 2)).extracting(e -> e.id().asString())
                    .containsExactlyElementsOf(crafted.stream().map(e -> e.id().asString()).sorted().toList());
        }

        @Test
        @DisplayName("codes order as plain, case-sensitive text (String.compareTo, no collation): IL-EDR-10 before IL-EDR-2, IL-EDR-2 before il-edr-3")
        void codesOrderAsText() {
            List<Region> regions = Writes.insert(storage, Kinds.of(AggregateTypes.REGION), Regions.aRegion().coded("IL-EDR-2").build(),
                    Regions.aRegion().coded("IL-EDR-10").build(), Regions.aRegion().coded("IL-EDR-1").build(),
                    Regions.aRegion().coded("IL-EDR-1.5").build(), Regions.aRegion().coded("IL-EDR-1_0").build(),
                    Regions.aRegion().coded("il-edr-3").build(), Regions.aRegion().coded("Il-edr-4").build());
            assertThat(allOf(Kinds.of(AggregateTypes.REGION), org.sectorcrm.core.reference.ReferenceFilters.RegionFilter.ALL, 2)).extracting(r -> r.id().asString())
                    .containsExactlyElementsOf(regions.stream().map(r -> r.id().asString()).sorted().toList());
        }

        @Test
        @DisplayName("the next cursor is the last returned id while more rows follow, and absent on the last page")
        void nextCursorIsTheLastIdOrAbsent() {
            List<Employer> sorted = sortedById(Writes.employers(storage, 5));
            Page<Employer> first = page(PageRequest.first(2));
            assertThat(first.items()).containsExactlyElementsOf(sorted.subList(0, 2));
            assertThat(first.nextCursor()).isEqualTo(sorted.get(1).id().asString());
            Page<Employer> last = page(PageRequest.after(sorted.get(2).id().asString(), 5));
            assertThat(last.items()).containsExactlyElementsOf(sorted.subList(3, 5));
            assertThat(last.nextCursor()).as("next cursor of a page that holds the last rows and fewer than the limit").isNull();
        }

        @Test
        @DisplayName("an empty store returns one empty last page, and a cursor after the last id returns an empty last page")
        void emptyPages() {
            Page<Employer> empty = page(PageRequest.first(10));
            assertThat(empty.items()).isEmpty();
            assertThat(empty.nextCursor()).isNull();
            insertEmployer();
            Page<Employer> beyond = page(PageRequest.after("ffffffff-ffff-ffff-ffff-ffffffffffff", 10));
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.nextCursor()).isNull();
        }

        @Test
        @DisplayName("a page starts strictly after the cursor, even when the cursor's row was deleted meanwhile")
        void cursorOfDeletedRow() {
            List<Employer> sorted = sortedById(Writes.employers(storage, 6));
            Page<Employer> first = page(PageRequest.first(3));
            delete(Kinds.of(AggregateTypes.EMPLOYER), sorted.get(2).id(), 1);
            Page<Employer> second = page(PageRequest.after(first.nextCursor(), 3));
            assertThat(second.items()).containsExactlyElementsOf(sorted.subList(3, 6));
        }

        @Test
        @DisplayName("rows inserted, updated and deleted between pages never make a row appear twice or go missing")
        void changesBetweenPages() {
            List<Employer> sorted = sortedById(Writes.employers(storage, 9));
            List<Employer> seen = new ArrayList<>();
            Page<Employer> page = page(PageRequest.first(3));
            seen.addAll(page.items());
            // Between pages: a row before the cursor, a row after every existing one, an update of a row
            // already returned and the deletion of a row not yet returned.
            Employer before = Employers.anEmployer().withId(new EmployerId(UUID.fromString("00000000-0000-7000-8000-000000000001"))).build();
            Employer after = Employers.anEmployer().build();
            insert(Kinds.of(AggregateTypes.EMPLOYER), before);
            insert(Kinds.of(AggregateTypes.EMPLOYER), after);
            save(Kinds.of(AggregateTypes.EMPLOYER), Kinds.of(AggregateTypes.EMPLOYER).nextVersion(sorted.get(0)), 1);
            delete(Kinds.of(AggregateTypes.EMPLOYER), sorted.get(5).id(), 1);
            while (page.nextCursor() != null) {
                PageRequest request = PageRequest.after(page.nextCursor(), 3);
                page = page(request);
                Paging.checkPage("employers after " + request.after(), request, page, Employer::id);
                seen.addAll(page.items());
            }
            List<String> ids = seen.stream().map(e -> e.id().asString()).toList();
            assertThat(ids).as("no row twice").doesNotHaveDuplicates();
            for (Employer e : sorted) {
                if (!e.equals(sorted.get(5))) {
                    assertThat(ids).as("row %s present before and after the changes", e.id()).containsOnlyOnce(e.id().asString());
                }
            }
            assertThat(ids).as("the row deleted before it was reached").doesNotContain(sorted.get(5).id().asString());
            assertThat(ids).as("the row inserted before the cursor").doesNotContain(before.id().asString());
        }

        private Page<Employer> page(PageRequest request) {
            return storage.read(tx -> tx.employers().query(EmployerFilter.ALL, request));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Filters select exactly what their matches() accepts, in query and in count")
    class Filters {
        @TestFactory
        @DisplayName("every filter record of every aggregate type, field by field")
        Stream<DynamicNode> everyFilter() {
            // One fresh storage per scenario, opened lazily when its container runs, so data sets never mix.
            return FilterScenarios.all().stream().map(s -> dynamicContainer(s.filterName(),
                    Stream.of(s).flatMap(x -> scenario(x, extraStorage()))));
        }

        /**
         * Saves the scenario's data set into this test's fresh storage, then one dynamic test per filter value,
         * grouped by field, each comparing query (in pages of 3) and count with the filter's own matches().
         */
        private <I extends Id, T extends Aggregate<I>, F> Stream<DynamicNode> scenario(FilterScenario<I, T, F> s, CrmStorage storage) {
            FilterScenario.Prepared<T, F> p = s.setUp().apply(storage);
            List<DynamicNode> nodes = new ArrayList<>();
            nodes.add(dynamicTest("the match-all filter returns every record", () -> {
                assertThat(allOf(storage, s.kind(), s.kind().all(), 3)).containsExactlyInAnyOrderElementsOf(p.records());
                assertThat(count(storage, s.kind(), s.kind().all())).isEqualTo(p.records().size());
            }));
            Map<String, List<FilterScenario.Case<F>>> byField = new LinkedHashMap<>();
            p.cases().forEach(c -> byField.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(c));
            byField.forEach((field, cases) -> {
                List<DynamicNode> tests = new ArrayList<>();
                for (FilterScenario.Case<F> c : cases) {
                    List<T> expected = p.records().stream().filter(r -> s.matches().test(c.filter(), r)).toList();
                    tests.add(dynamicTest(field + " = " + c.value() + " selects " + expected.size() + " of " + p.records().size(), () -> {
                        assertThat(allOf(storage, s.kind(), c.filter(), 3)).as("query with %s = %s", field, c.value())
                                .containsExactlyInAnyOrderElementsOf(expected);
                        assertThat(count(storage, s.kind(), c.filter())).as("count with %s = %s", field, c.value()).isEqualTo(expected.size());
                    }));
                }
                boolean discriminating = cases.stream().map(c -> p.records().stream().filter(r -> s.matches().test(c.filter(), r)).count())
                        .anyMatch(n -> n > 0 && n < p.records().size());
                tests.add(dynamicTest("kit self-check: some value of " + field + " selects a proper, non-empty subset",
                        () -> assertThat(discriminating).as("%s.%s would not notice a store that ignores it", s.filterName(), field).isTrue()));
                nodes.add(dynamicContainer(s.filterName() + "." + field, tests));
            });
            return nodes.stream();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Unique keys: a taken key throws ConflictException and changes nothing")
    class UniqueKeys {
        @Test
        @DisplayName("a second employer with a taken FEIN is refused, in another transaction and in the same one")
        void feinIsUnique() {
            Employer first = insertEmployer();
            Employer second = Employers.anEmployer().withFein(first.fein()).build();
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> insert(Kinds.of(AggregateTypes.EMPLOYER), second));
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), second.id())).isEmpty();
            Employer third = Employers.anEmployer().build();
            Employer fourth = Employers.anEmployer().withFein(third.fein()).build();
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> storage.inTransaction(tx -> {
                tx.employers().save(third, 0);
                tx.employers().save(fourth, 0);
                return null;
            }));
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), third.id())).isEmpty();
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), fourth.id())).isEmpty();
        }

        @Test
        @DisplayName("an update to a FEIN another employer holds is refused; an employer keeps its own FEIN across saves")
        void feinUpdate() {
            Employer a = insertEmployer();
            Employer b = insertEmployer();
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> save(Kinds.of(AggregateTypes.EMPLOYER), Kinds.of(AggregateTypes.EMPLOYER).nextVersion(b).withFein(a.fein()), 1));
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), b.id())).contains(b);
            Employer a2 = Kinds.of(AggregateTypes.EMPLOYER).nextVersion(a);
            save(Kinds.of(AggregateTypes.EMPLOYER), a2, 1);
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), a.id())).contains(a2);
        }

        @Test
        @DisplayName("employers without a FEIN never collide")
        void missingFeinsDoNotCollide() {
            Employer a = Employers.anEmployer().withoutFein().build();
            Employer b = Employers.anEmployer().withoutFein().build();
            insert(Kinds.of(AggregateTypes.EMPLOYER), a);
            insert(Kinds.of(AggregateTypes.EMPLOYER), b);
            assertThat(count(Kinds.of(AggregateTypes.EMPLOYER), EmployerFilter.ALL)).isEqualTo(2);
        }

        @Test
        @DisplayName("a FEIN is free again once its employer was deleted or changed to another FEIN")
        void feinIsReleased() {
            Employer a = insertEmployer();
            delete(Kinds.of(AggregateTypes.EMPLOYER), a.id(), 1);
            insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().withFein(a.fein()).build());
            Employer b = insertEmployer();
            save(Kinds.of(AggregateTypes.EMPLOYER), Kinds.of(AggregateTypes.EMPLOYER).nextVersion(b).withFein(Feins.next()), 1);
            insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().withFein(b.fein()).build());
            Employer c = insertEmployer();
            save(Kinds.of(AggregateTypes.EMPLOYER), Kinds.of(AggregateTypes.EMPLOYER).nextVersion(c).withFein(null), 1);
            insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().withFein(c.fein()).build());
        }

        @Test
        @DisplayName("a second staff user with a taken e-mail address is refused")
        void staffEmailIsUnique() {
            Partner partner = insertPartner();
            StaffUser first = StaffUsers.aStaffUser().of(partner.id()).build();
            insert(Kinds.of(AggregateTypes.STAFF_USER), first);
            StaffUser second = StaffUsers.aStaffUser().of(partner.id()).withEmail(first.email().value()).build();
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> insert(Kinds.of(AggregateTypes.STAFF_USER), second));
            assertThat(find(Kinds.of(AggregateTypes.STAFF_USER), second.id())).isEmpty();
            StaffUser other = StaffUsers.aStaffUser().of(partner.id()).build();
            insert(Kinds.of(AggregateTypes.STAFF_USER), other);
            StaffUser stolen = new StaffUser(other.id(), other.stamp().next(Fixtures.NOW), other.partner(), other.name(), first.email(),
                    other.role(), other.active());
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> save(Kinds.of(AggregateTypes.STAFF_USER), stolen, 1));
            assertThat(find(Kinds.of(AggregateTypes.STAFF_USER), other.id())).contains(other);
            delete(Kinds.of(AggregateTypes.STAFF_USER), first.id(), 1);
            insert(Kinds.of(AggregateTypes.STAFF_USER), second);
        }

        @Test
        @DisplayName("a second engagement with a taken external id is refused; engagements without one never collide")
        void engagementExternalIdIsUnique() {
            Employer employer = insertEmployer();
            Engagement first = Engagements.anEngagement().forEmployer(employer.id()).withExternalId("LEGACY-42").build();
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), first);
            Engagement second = Engagements.anEngagement().forEmployer(employer.id()).withExternalId("LEGACY-42").build();
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> insert(Kinds.of(AggregateTypes.ENGAGEMENT), second));
            assertThat(find(Kinds.of(AggregateTypes.ENGAGEMENT), second.id())).isEmpty();
            Engagement other = Engagements.anEngagement().forEmployer(employer.id()).withExternalId(null).build();
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), other);
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), Engagements.anEngagement().forEmployer(employer.id()).withExternalId(null).build());
            Engagement stolen = other.withExternalId("LEGACY-42").withStamp(other.stamp().next(Fixtures.NOW));
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> save(Kinds.of(AggregateTypes.ENGAGEMENT), stolen, 1));
            assertThat(find(Kinds.of(AggregateTypes.ENGAGEMENT), other.id())).contains(other);
            delete(Kinds.of(AggregateTypes.ENGAGEMENT), first.id(), 1);
            insert(Kinds.of(AggregateTypes.ENGAGEMENT), second);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("References (Capability.REFERENTIAL_INTEGRITY)")
    class References {
        @BeforeEach
        void requireCapability() {
            assumeCapability(Capability.REFERENTIAL_INTEGRITY);
        }

        @TestFactory
        @DisplayName("saving a record whose employer (or, for a staff user, partner) does not exist throws NotFoundException and stores nothing")
        Stream<DynamicTest> missingParentIsNotFound() {
            return Kinds.REFERENCING.stream().map(k -> dynamicTest(k.name(), () -> missingParentRefused(k)));
        }

        @TestFactory
        @DisplayName("deleting an employer (or partner) a record still references throws ConflictException; it can be deleted once the record is gone")
        Stream<DynamicTest> referencedParentCannotBeDeleted() {
            return Kinds.REFERENCING.stream().map(k -> dynamicTest(k.name(), () -> referencedParentKept(k)));
        }

        @Test
        @DisplayName("a solution for a partnership only references no employer")
        void partnershipSolutionNeedsNoEmployer() {
            var solution = org.sectorcrm.tck.fixtures.Solutions.aMinimalSolution().build();
            insert(Kinds.of(AggregateTypes.SOLUTION), solution);
            assertThat(find(Kinds.of(AggregateTypes.SOLUTION), solution.id())).contains(solution);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Search: case-insensitive whole words of 3+ letters or digits, all of them, never missing a match")
    class Search {
        @Test
        @DisplayName("finds an employer by a word of its legal name, whatever the case")
        void employerByLegalNameAnyCase() {
            Employer acme = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Acme Tool & Die Co.").withTradeNames().withTags().build());
            Writes.employers(storage, 3);
            for (String q : List.of("acme", "ACME", "aCmE", "Acme Co")) {
                assertThat(searchEmployers(q)).as("search '%s'", q).contains(acme);
            }
        }

        @Test
        @DisplayName("finds an employer by a word of a trade name or of a tag")
        void employerByTradeNameAndTag() {
            Employer e = insert(Kinds.of(AggregateTypes.EMPLOYER),
                    Employers.anEmployer().named("Northern Holdings").withTradeNames("Rock-River Präzision", "Forge").withTags("automotive").build());
            assertThat(searchEmployers("präzision")).contains(e);
            assertThat(searchEmployers("PRÄZISION")).contains(e);
            assertThat(searchEmployers("forge")).contains(e);
            assertThat(searchEmployers("Automotive")).contains(e);
        }

        @Test
        @DisplayName("words are split at blanks and punctuation: 'Tool&Die', 'Rock-River' and 'tool_die' hold the words tool, die, rock, river")
        void wholeWordsSplitAtPunctuation() {
            Employer a = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Tool&Die Rock-River").withTradeNames().withTags().build());
            Employer b = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("tool_die/works").withTradeNames().withTags().build());
            assertThat(searchEmployers("die")).contains(a, b);
            assertThat(searchEmployers("river")).contains(a);
            assertThat(searchEmployers("rock river")).contains(a);
            assertThat(searchEmployers("tool die works")).contains(b);
        }

        @Test
        @DisplayName("every query word must occur, and they may come from different fields (legal name, trade names, tags)")
        void allWordsAcrossFields() {
            Employer e = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Acme Holdings").withTradeNames("Prairie Forge").withTags("foundry").build());
            insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Acme Bakery").withTradeNames().withTags().build());
            assertThat(searchEmployers("acme forge foundry")).contains(e);
            assertThat(searchEmployers("FOUNDRY prairie")).contains(e);
        }

        @Test
        @DisplayName("words of exactly three letters or digits are searchable, and digits are words")
        void shortWordsAndDigits() {
            Employer e = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("ABC Die Route 660 Diner").withTradeNames().withTags("since 1999").build());
            assertThat(searchEmployers("abc")).contains(e);
            assertThat(searchEmployers("die")).contains(e);
            assertThat(searchEmployers("660")).contains(e);
            assertThat(searchEmployers("1999")).contains(e);
        }

        @Test
        @DisplayName("Unicode words match case-insensitively: MÜLLER finds Müller, ÆRØ finds Ærø, 東京精密 finds 東京精密")
        void unicodeWords() {
            Employer e = insert(Kinds.of(AggregateTypes.EMPLOYER),
                    Employers.anEmployer().named("Bäckerei Müller GmbH").withTradeNames("東京精密 Works").withTags("Ærø 2026").build());
            assertThat(searchEmployers("MÜLLER")).contains(e);
            assertThat(searchEmployers("bäckerei")).contains(e);
            assertThat(searchEmployers("東京精密")).contains(e);
            assertThat(searchEmployers("ærø")).contains(e);
            assertThat(searchEmployers("ÆRØ müller")).contains(e);
        }

        @Test
        @DisplayName("results are stored records equal to what find returns, and deleted records are never returned")
        void resultsAreRealRecords() {
            Employer kept = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Realrecord Castings").build());
            Employer gone = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Realrecord Mouldings").build());
            Employer renamed = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Realrecord Extrusions").build());
            delete(Kinds.of(AggregateTypes.EMPLOYER), gone.id(), 1);
            Employer renamed2 = renamed.withLegalName("Freshname Extrusions").withStamp(renamed.stamp().next(Fixtures.NOW));
            save(Kinds.of(AggregateTypes.EMPLOYER), renamed2, 1);
            List<Employer> hits = searchEmployers("realrecord");
            assertThat(hits).contains(kept).doesNotContain(gone);
            assertThat(hits).extracting(Employer::id).doesNotContain(gone.id());
            for (Employer hit : hits) {
                assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), hit.id())).as("search hit %s", hit.id()).contains(hit);
            }
            assertThat(searchEmployers("freshname")).as("an updated record is found by its new words").contains(renamed2);
        }

        @Test
        @DisplayName("search results page like query: with pages of 1 and 2 every hit comes once, in id order")
        void searchResultsPage() {
            List<Employer> widgets = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                widgets.add(Employers.anEmployer().named("Gamma Widget " + i).build());
            }
            Writes.insert(storage, Kinds.of(AggregateTypes.EMPLOYER), widgets);
            Writes.employers(storage, 3);
            for (int size : new int[] {1, 2}) {
                List<Employer> hits = Paging.all("employer search 'widget'", size,
                        p -> storage.read(tx -> tx.employers().search(SearchTerms.parse("widget"), Reader.EVERYONE, p)), Employer::id);
                assertThat(hits).as("pages of %d", size).containsAll(widgets);
                assertThat(hits).extracting(Employer::id).doesNotHaveDuplicates();
            }
        }

        @Test
        @DisplayName("finds a contact by a word of its first name, last name, title or e-mail address, whatever the case")
        void contacts() {
            Employer employer = insertEmployer();
            Contact zoe = insert(Kinds.of(AggregateTypes.CONTACT), Contacts.aContact().at(employer.id()).named("Zoë", "Ærøskøbing").titled("Directrice Générale")
                    .withEmail("zoe.aero@baeckerei-mueller.example").build());
            Contact minimal = insert(Kinds.of(AggregateTypes.CONTACT), Contacts.aMinimalContact().at(employer.id()).named(null, "Kowalczyk").build());
            for (String q : List.of("ærøskøbing", "ZOË", "générale", "DIRECTRICE", "baeckerei", "zoe aero", "Zoë Générale")) {
                assertThat(searchContacts(q)).as("search '%s'", q).contains(zoe);
            }
            assertThat(searchContacts("kowalczyk")).contains(minimal);
            for (Contact hit : searchContacts("ærøskøbing")) {
                assertThat(find(Kinds.of(AggregateTypes.CONTACT), hit.id())).contains(hit);
            }
        }

        @Test
        @DisplayName("finds an engagement by a word of its summary, for every reader")
        void engagementSummary() {
            NoteWorld w = noteWorld();
            for (StaffUser reader : w.everyone()) {
                assertThat(searchEngagements("quarterly", reader)).as("reader %s", reader.name()).contains(w.engagement);
            }
        }

        @Test
        @DisplayName("a SHARED note's words match for every reader")
        void sharedNote() {
            NoteWorld w = noteWorld();
            for (StaffUser reader : w.everyone()) {
                assertThat(searchEngagements("sharedqx", reader)).as("reader %s", reader.name()).contains(w.engagement);
            }
        }

        @Test
        @DisplayName("a PARTNER note's words match for the staff of its partner and never for another partner's staff")
        void partnerNote() {
            NoteWorld w = noteWorld();
            assertThat(searchEngagements("partnerqx", w.author)).contains(w.engagement);
            assertThat(searchEngagements("partnerqx", w.colleague)).contains(w.engagement);
            assertThat(searchEngagements("partnerqx", w.outsider)).as("another partner's staff").doesNotContain(w.engagement);
            assertThat(searchEngagements("outsiderqx", w.outsider)).contains(w.engagement);
            assertThat(searchEngagements("outsiderqx", w.author)).as("the other partner's PARTNER note").doesNotContain(w.engagement);
        }

        @Test
        @DisplayName("a PRIVATE note's words match for its author only: never for anyone else, not even staff of the same partner")
        void privateNote() {
            NoteWorld w = noteWorld();
            assertThat(searchEngagements("privateqx", w.author)).contains(w.engagement);
            assertThat(searchEngagements("privateqx", w.colleague)).as("a colleague of the author").doesNotContain(w.engagement);
            assertThat(searchEngagements("privateqx", w.outsider)).as("another partner's staff").doesNotContain(w.engagement);
            assertThat(searchEngagements("colleagueqx", w.colleague)).contains(w.engagement);
            assertThat(searchEngagements("colleagueqx", w.author)).as("the colleague's private note").doesNotContain(w.engagement);
        }

        @Test
        @DisplayName("query words may come from the summary and readable notes together, but an unreadable note never completes a match")
        void wordsAcrossSummaryAndNotes() {
            NoteWorld w = noteWorld();
            assertThat(searchEngagements("quarterly privateqx", w.author)).contains(w.engagement);
            assertThat(searchEngagements("Quarterly SHAREDQX partnerqx", w.colleague)).contains(w.engagement);
            assertThat(searchEngagements("quarterly privateqx", w.colleague)).doesNotContain(w.engagement);
            assertThat(searchEngagements("quarterly partnerqx", w.outsider)).doesNotContain(w.engagement);
            for (Engagement hit : searchEngagements("quarterly", w.outsider)) {
                assertThat(find(Kinds.of(AggregateTypes.ENGAGEMENT), hit.id())).contains(hit);
            }
        }

        @Test
        @DisplayName("engagement search results page like query")
        void engagementResultsPage() {
            NoteWorld w = noteWorld();
            List<Engagement> more = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                more.add(Engagements.anEngagement().forEmployer(w.engagement.employer()).withSummary("Quarterly review " + i).build());
            }
            Writes.insert(storage, Kinds.of(AggregateTypes.ENGAGEMENT), more);
            List<Engagement> hits = Paging.all("engagement search 'quarterly'", 2,
                    p -> storage.read(tx -> tx.engagements().search(SearchTerms.parse("quarterly"), Reader.of(w.outsider.id(), w.outsider.partner()), p)),
                    Engagement::id);
            assertThat(hits).contains(w.engagement).containsAll(more);
            assertThat(hits).extracting(Engagement::id).doesNotHaveDuplicates();
        }
    }

    /** One engagement with notes of every visibility, and three readers: the author, a colleague at the same partner, an outsider. */
    private record NoteWorld(Engagement engagement, StaffUser author, StaffUser colleague, StaffUser outsider) {
        List<StaffUser> everyone() {
            return List.of(author, colleague, outsider);
        }
    }

    private NoteWorld noteWorld() {
        Partner pa = insertPartner();
        Partner pb = insertPartner();
        StaffUser author = StaffUsers.aStaffUser().of(pa.id()).named("Author").build();
        StaffUser colleague = StaffUsers.aStaffUser().of(pa.id()).named("Colleague").build();
        StaffUser outsider = StaffUsers.aStaffUser().of(pb.id()).named("Outsider").build();
        Writes.insert(storage, Kinds.of(AggregateTypes.STAFF_USER), author, colleague, outsider);
        Employer employer = insertEmployer();
        Engagement engagement = Engagements.anEngagement().forEmployer(employer.id()).by(author.id(), pa.id()).withSummary("Quarterly visit")
                .withNotes(Notes.aNote().by(author.id(), pa.id()).visibleTo(Visibility.SHARED).saying("sharedqx: open to all").build(),
                        Notes.aNote().by(author.id(), pa.id()).visibleTo(Visibility.PARTNER).saying("partnerqx for our partner").build(),
                        Notes.aNote().by(author.id(), pa.id()).visibleTo(Visibility.PRIVATE).saying("privateqx: only mine").build(),
                        Notes.aNote().by(colleague.id(), pa.id()).visibleTo(Visibility.PRIVATE).saying("colleagueqx, private").build(),
                        Notes.aNote().by(outsider.id(), pb.id()).visibleTo(Visibility.PARTNER).saying("outsiderqx for the other partner").build())
                .build();
        insert(Kinds.of(AggregateTypes.ENGAGEMENT), engagement);
        return new NoteWorld(engagement, author, colleague, outsider);
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Aggregate queries for reports")
    class Reports {
        @Test
        @DisplayName("countByRegionAndSector counts per (region, sector), null groups included, ordered by region then sector with nulls first")
        void countByRegionAndSector() {
            List<Employer> employers = reportEmployers();
            assertThat(groups(EmployerFilter.ALL))
                    .containsExactlyElementsOf(groupCounts(employers, EmployerFilter.ALL));
            assertThat(groupCounts(employers, EmployerFilter.ALL)).as("kit self-check").hasSize(7);
        }

        @Test
        @DisplayName("countByRegionAndSector applies the filter and has no groups for an empty result")
        void countByRegionAndSectorFiltered() {
            List<Employer> employers = reportEmployers();
            EmployerFilter active = EmployerFilter.ALL.withStatus(EmployerStatus.ACTIVE);
            assertThat(groups(active)).containsExactlyElementsOf(groupCounts(employers, active));
            EmployerFilter none = EmployerFilter.ALL.withTag("no-such-tag");
            assertThat(groups(none)).isEmpty();
        }

        @Test
        @DisplayName("servedEstablishments: one (employer, establishment, category) per ESE category of staff-assisted engagements in the period, distinct, dates inclusive")
        void servedEstablishments() {
            Establishment s1 = Establishments.anEstablishment().primary().build();
            Establishment s2 = Establishments.anEstablishment().notPrimary().build();
            Employer e1 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().withEstablishments(s1, s2).build());
            Employer e2 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().withEstablishments().build());
            EseCategory a = EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE;
            EseCategory b = EseCategory.TRAINING_SERVICES;
            EseCategory c = EseCategory.ACCESSING_UNTAPPED_LABOR_POOLS;
            EseCategory d = EseCategory.RAPID_RESPONSE_DOWNSIZING;
            LocalDate from = LocalDate.of(2026, 1, 1);
            LocalDate to = LocalDate.of(2026, 1, 31);
            Writes.insert(storage, Kinds.of(AggregateTypes.ENGAGEMENT),
                    served(e1, s1, from, true, a, b), served(e1, s1, LocalDate.of(2026, 1, 15), true, a), served(e1, s2, to, true, c),
                    served(e2, null, LocalDate.of(2026, 1, 10), true, a), served(e1, s2, LocalDate.of(2026, 1, 10), false, d),
                    served(e1, s1, from.minusDays(1), true, d), served(e1, s1, to.plusDays(1), true, d), served(e2, null, LocalDate.of(2026, 1, 20), true));
            List<ServedEstablishment> result = storage.read(tx -> tx.reports().servedEstablishments(from, to));
            assertThat(result).as("no triple twice").doesNotHaveDuplicates();
            assertThat(result).containsExactlyInAnyOrder(new ServedEstablishment(e1.id(), s1.id(), a), new ServedEstablishment(e1.id(), s1.id(), b),
                    new ServedEstablishment(e1.id(), s2.id(), c), new ServedEstablishment(e2.id(), null, a));
            List<ServedEstablishment> none = storage.read(tx -> tx.reports().servedEstablishments(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31)));
            assertThat(none).isEmpty();
        }

        @Test
        @DisplayName("countableServices: the distinct (employer, establishment, category) of staff-assisted engagements in the period, of one partner or of all; a period without a start or an end throws ValidationException")
        void countableServices() {
            Establishment s1 = Establishments.anEstablishment().primary().build();
            Employer e1 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().withEstablishments(s1).build());
            EseCategory a = EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE;
            EseCategory b = EseCategory.TRAINING_SERVICES;
            PartnerId p1 = Fixtures.partnerId();
            PartnerId p2 = Fixtures.partnerId();
            LocalDate from = LocalDate.of(2025, 7, 1);
            LocalDate to = LocalDate.of(2025, 9, 30);
            Writes.insert(storage, Kinds.of(AggregateTypes.ENGAGEMENT),
                    by(served(e1, s1, from, true, a), p1), by(served(e1, s1, to, true, a), p2), by(served(e1, null, LocalDate.of(2025, 8, 1), true, b), p2),
                    by(served(e1, s1, LocalDate.of(2025, 8, 1), false, b), p1), by(served(e1, s1, to.plusDays(1), true, b), p1));
            assertThat(storage.<List<ServedEstablishment>>read(tx -> tx.reports().countableServices(from, to, null))).containsExactlyInAnyOrder(
                    new ServedEstablishment(e1.id(), s1.id(), a), new ServedEstablishment(e1.id(), null, b));
            assertThat(storage.<List<ServedEstablishment>>read(tx -> tx.reports().countableServices(from, to, p1))).containsExactly(new ServedEstablishment(e1.id(), s1.id(), a));
            assertThat(storage.<List<ServedEstablishment>>read(tx -> tx.reports().countableServices(from, to, p2))).containsExactlyInAnyOrder(
                    new ServedEstablishment(e1.id(), s1.id(), a), new ServedEstablishment(e1.id(), null, b));
            assertThat(storage.<List<ServedEstablishment>>read(tx -> tx.reports().countableServices(from, to, Fixtures.partnerId()))).isEmpty();
            assertThatExceptionOfType(ValidationException.class).as("countableServices without a start").isThrownBy(
                    () -> storage.read(tx -> tx.reports().countableServices(null, to, null)));
            assertThatExceptionOfType(ValidationException.class).as("countableServices without an end").isThrownBy(
                    () -> storage.read(tx -> tx.reports().countableServices(from, null, p1)));
        }

        @Test
        @DisplayName("placedCountableServices: each countable triple with its establishment (an engagement naming none: the employer's primary one), that establishment's county as the employer's latest version lists it, and the employer's region; distinct; per category or per establishment; a period without a start or an end throws ValidationException")
        void placedCountableServices() {
            Establishment first = Establishments.anEstablishment().inCounty("Cook").notPrimary().build();
            Establishment primary = Establishments.anEstablishment().inCounty("Lake").primary().build();
            Establishment dropped = Establishments.anEstablishment().inCounty("Peoria").notPrimary().build();
            Employer e1 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inRegion("IL-EDR-4").withEstablishments(first, primary, dropped).build());
            Employer e2 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inRegion(null).withEstablishments().build());
            EseCategory a = EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE;
            EseCategory b = EseCategory.TRAINING_SERVICES;
            EseCategory c = EseCategory.ACCESSING_UNTAPPED_LABOR_POOLS;
            PartnerId p1 = Fixtures.partnerId();
            LocalDate from = LocalDate.of(2025, 7, 1);
            LocalDate to = LocalDate.of(2025, 9, 30);
            Writes.insert(storage, Kinds.of(AggregateTypes.ENGAGEMENT), by(served(e1, null, from, true, a), p1), by(served(e1, primary, to, true, a), p1),
                    served(e1, first, LocalDate.of(2025, 8, 1), true, b), served(e1, dropped, LocalDate.of(2025, 8, 2), true, c),
                    served(e2, null, LocalDate.of(2025, 8, 3), true, b), served(e1, first, LocalDate.of(2025, 8, 4), false, c),
                    served(e1, first, to.plusDays(1), true, a));
            // Edited after the engagements: the placement follows the employer's latest version, not the one first stored.
            Employer edited = e1.withRegion(new org.sectorcrm.core.reference.RegionCode("IL-EDR-5")).withEstablishments(List.of(
                    new Establishment(first.id(), first.name(), first.address(), "DuPage", first.uiAccountNumber(), first.naics(), false), primary));
            storage.inTransaction(tx -> {
                tx.employers().save(Kinds.of(AggregateTypes.EMPLOYER).nextVersion(edited), 1);
                return null;
            });
            org.sectorcrm.core.reference.RegionCode r5 = new org.sectorcrm.core.reference.RegionCode("IL-EDR-5");
            List<PlacedService> all = storage.read(tx -> tx.reports().placedCountableServices(from, to, null, true));
            assertThat(all).as("no row twice: (e1, none, a) and (e1, primary, a) place alike").doesNotHaveDuplicates();
            assertThat(all).containsExactlyInAnyOrder(new PlacedService(e1.id(), primary.id(), a, "Lake", r5),
                    new PlacedService(e1.id(), first.id(), b, "DuPage", r5), new PlacedService(e1.id(), dropped.id(), c, null, r5),
                    new PlacedService(e2.id(), null, b, null, null));
            assertThat(storage.<List<PlacedService>>read(tx -> tx.reports().placedCountableServices(from, to, p1, true)))
                    .containsExactly(new PlacedService(e1.id(), primary.id(), a, "Lake", r5));
            assertThat(storage.<List<PlacedService>>read(tx -> tx.reports().placedCountableServices(from, to, null, false))).as("by establishment")
                    .containsExactlyInAnyOrder(new PlacedService(e1.id(), primary.id(), null, "Lake", r5), new PlacedService(e1.id(), first.id(), null, "DuPage", r5),
                            new PlacedService(e1.id(), dropped.id(), null, null, r5), new PlacedService(e2.id(), null, null, null, null));
            assertThatExceptionOfType(ValidationException.class).as("placedCountableServices without a start").isThrownBy(
                    () -> storage.read(tx -> tx.reports().placedCountableServices(null, to, null, true)));
            assertThatExceptionOfType(ValidationException.class).as("placedCountableServices without an end").isThrownBy(
                    () -> storage.read(tx -> tx.reports().placedCountableServices(from, null, p1, false)));
        }

        @Test
        @DisplayName("eseEstablishments: one row per placed establishment (none named: the primary one) with its categories in the period and whether served in the look-back window, both windows' days inclusive; a partner's services only; a region by the establishment's county (compared by countyKey) or, without one, the employer's region")
        void eseEstablishments() {
            Establishment first = Establishments.anEstablishment().inCounty("Cook").notPrimary().build();
            Establishment primary = Establishments.anEstablishment().inCounty("lake county").primary().build();
            Establishment dropped = Establishments.anEstablishment().inCounty("Peoria").notPrimary().build();
            Establishment plain = Establishments.anEstablishment().inCounty(null).primary().build();
            Employer e1 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inRegion("IL-EDR-4").withEstablishments(first, primary, dropped).build());
            Employer e2 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inRegion("IL-EDR-6").withEstablishments().build());
            Employer e3 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inRegion("IL-EDR-4").withEstablishments(plain).build());
            EseCategory a = EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE;
            EseCategory b = EseCategory.TRAINING_SERVICES;
            EseCategory c = EseCategory.ACCESSING_UNTAPPED_LABOR_POOLS;
            PartnerId p1 = Fixtures.partnerId();
            LocalDate from = LocalDate.of(2025, 7, 1);
            LocalDate to = LocalDate.of(2025, 9, 30);
            LocalDate lookFrom = LocalDate.of(2022, 7, 1);
            LocalDate lookTo = LocalDate.of(2025, 6, 30);
            Writes.insert(storage, Kinds.of(AggregateTypes.ENGAGEMENT), by(served(e1, null, from, true, a), p1), by(served(e1, primary, to, true, b), p1),
                    by(served(e1, primary, lookTo, true, a), p1), served(e1, first, lookTo, true, c), served(e1, first, LocalDate.of(2025, 7, 2), false, b),
                    served(e1, dropped, LocalDate.of(2025, 8, 2), true, c), served(e2, null, LocalDate.of(2025, 8, 3), true, b),
                    served(e3, plain, lookFrom, true, a), served(e3, plain, LocalDate.of(2025, 8, 5), true, a),
                    served(e1, first, lookFrom.minusDays(1), true, b), served(e1, first, to.plusDays(1), true, b));
            // Edited after the engagements: the placement follows the employer's latest version (region, counties, establishments).
            org.sectorcrm.core.reference.RegionCode r5 = new org.sectorcrm.core.reference.RegionCode("IL-EDR-5");
            Employer edited = e1.withRegion(r5).withEstablishments(List.of(
                    new Establishment(first.id(), first.name(), first.address(), "COOK County", first.uiAccountNumber(), first.naics(), false), primary));
            storage.inTransaction(tx -> {
                tx.employers().save(Kinds.of(AggregateTypes.EMPLOYER).nextVersion(edited), 1);
                return null;
            });
            EseEstablishment onlyPrimary = new EseEstablishment(e1.id(), primary.id(), Set.of(a, b), true);
            EseEstablishment firstBefore = new EseEstablishment(e1.id(), first.id(), Set.of(), true);
            EseEstablishment droppedNow = new EseEstablishment(e1.id(), dropped.id(), Set.of(c), false);
            EseEstablishment unplaced = new EseEstablishment(e2.id(), null, Set.of(b), false);
            EseEstablishment plainBoth = new EseEstablishment(e3.id(), plain.id(), Set.of(a), true);
            List<EseEstablishment> state = storage.read(tx -> tx.reports().eseEstablishments(EseQuery.of(from, to, lookFrom, lookTo, null)));
            assertThat(state).as("one row per placed establishment: (e1, none) and (e1, primary) are one").doesNotHaveDuplicates();
            assertThat(state).as("state").containsExactlyInAnyOrder(onlyPrimary, firstBefore, droppedNow, unplaced, plainBoth);
            assertThat(storage.<List<EseEstablishment>>read(tx -> tx.reports().eseEstablishments(EseQuery.of(from, to, lookFrom, lookTo, p1))))
                    .as("partner").containsExactly(onlyPrimary);
            assertThat(storage.<List<EseEstablishment>>read(tx -> tx.reports().eseEstablishments(EseQuery.of(from, to, lookFrom, lookTo, Fixtures.partnerId()))))
                    .as("a partner without engagements").isEmpty();
            assertThat(storage.<List<EseEstablishment>>read(tx -> tx.reports().eseEstablishments(EseQuery.inRegion(from, to, lookFrom, lookTo, r5, List.of("Cook", "Kane")))))
                    .as("region 5: Cook County by its county, the dropped establishment by the employer's region; not Lake County").containsExactlyInAnyOrder(firstBefore, droppedNow);
            assertThat(storage.<List<EseEstablishment>>read(tx -> tx.reports().eseEstablishments(EseQuery.inRegion(from, to, lookFrom, lookTo,
                    new org.sectorcrm.core.reference.RegionCode("IL-EDR-4"), List.of(" Lake  "))))).as("region 4: Lake County of an employer of region 5, an establishment without a county")
                    .containsExactlyInAnyOrder(onlyPrimary, plainBoth);
            assertThat(storage.<List<EseEstablishment>>read(tx -> tx.reports().eseEstablishments(EseQuery.inRegion(from, to, lookFrom, lookTo,
                    new org.sectorcrm.core.reference.RegionCode("IL-EDR-6"), List.of())))).as("region 6: an employer without establishments, by its region").containsExactly(unplaced);
            assertThat(storage.<List<EseEstablishment>>read(tx -> tx.reports().eseEstablishments(EseQuery.of(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 3, 31),
                    LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31), null)))).as("nothing in either window").isEmpty();
            assertThat(storage.<List<EseEstablishment>>read(tx -> tx.reports().eseEstablishments(EseQuery.of(lookFrom, to, from, to, null))))
                    .as("windows of any order, even overlapping: the period is the whole range and the look-back its last quarter")
                    .containsExactlyInAnyOrder(onlyPrimary, new EseEstablishment(e1.id(), first.id(), Set.of(c), false),
                            new EseEstablishment(e1.id(), dropped.id(), Set.of(c), true), new EseEstablishment(e2.id(), null, Set.of(b), true),
                            plainBoth);
            assertThatExceptionOfType(ValidationException.class).as("a window without a day").isThrownBy(() -> EseQuery.of(from, to, null, lookTo, null));
        }

        @Test
        @DisplayName("partnerContacts: per (employer, partner) the latest date and number of engagements in the days given, mass mailings left out, ends open when null")
        void partnerContacts() {
            Employer e1 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().build());
            Employer e2 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().build());
            PartnerId p1 = Fixtures.partnerId();
            PartnerId p2 = Fixtures.partnerId();
            LocalDate d = LocalDate.of(2026, 3, 1);
            Writes.insert(storage, Kinds.of(AggregateTypes.ENGAGEMENT), by(touch(e1, d, Channel.MEETING), p1), by(touch(e1, d.plusDays(9), Channel.CALL), p1),
                    by(touch(e1, d.plusDays(20), Channel.MASS_MAILING), p1), by(touch(e1, d.plusDays(5), Channel.EMAIL), p2),
                    by(touch(e2, d.minusDays(40), Channel.SITE_VISIT), p2));
            assertThat(storage.<List<PartnerContact>>read(tx -> tx.reports().partnerContacts(null, null))).containsExactlyInAnyOrder(
                    new PartnerContact(e1.id(), p1, d.plusDays(9), 2), new PartnerContact(e1.id(), p2, d.plusDays(5), 1),
                    new PartnerContact(e2.id(), p2, d.minusDays(40), 1));
            assertThat(storage.<List<PartnerContact>>read(tx -> tx.reports().partnerContacts(d.plusDays(1), d.plusDays(9)))).containsExactlyInAnyOrder(
                    new PartnerContact(e1.id(), p1, d.plusDays(9), 1), new PartnerContact(e1.id(), p2, d.plusDays(5), 1));
            assertThat(storage.<List<PartnerContact>>read(tx -> tx.reports().partnerContacts(null, d.minusDays(1))))
                    .containsExactly(new PartnerContact(e2.id(), p2, d.minusDays(40), 1));
            assertThat(storage.<List<PartnerContact>>read(tx -> tx.reports().partnerContacts(d.plusDays(30), null))).isEmpty();
        }

        @Test
        @DisplayName("referralFacts: per referral its partner pair, status, due date, decline reason as written and the exact milliseconds from the moment recorded as sent to respondedAt and completedAt (never below 0; null without a moment), of each referral's latest version")
        void referralFacts() {
            Employer e = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().build());
            PartnerId a = Fixtures.partnerId();
            PartnerId b = Fixtures.partnerId();
            Instant sent = Instant.parse("2026-02-02T10:00:00.000000700Z");
            Stamp stamp = Stamp.first(sent, a);
            LocalDate day = LocalDate.of(2026, 2, 2);
            org.sectorcrm.core.referral.Referral declined = Referrals.aReferral().withStamp(stamp).about(e.id()).from(a, Fixtures.staffUserId()).to(b)
                    .sentOn(day, day.plusDays(5)).declined(" full ").respondedAt(sent.plusMillis(90_000).plusNanos(999_000)).build();
            org.sectorcrm.core.referral.Referral completed = Referrals.aReferral().withStamp(stamp).about(e.id()).from(b, Fixtures.staffUserId()).to(a)
                    .sentOn(day, null).inStatus(org.sectorcrm.core.referral.ReferralStatus.COMPLETED).withOutcome("hired")
                    .respondedAt(sent.minusSeconds(5)).completedAt(sent.plusSeconds(7200).minusNanos(701)).build();
            org.sectorcrm.core.referral.Referral answeredLong = Referrals.aReferral().withStamp(stamp).about(e.id()).from(a, Fixtures.staffUserId()).to(b)
                    .sentOn(day, null).inStatus(org.sectorcrm.core.referral.ReferralStatus.ACCEPTED).build();
            org.sectorcrm.core.referral.Referral sentOnly = Referrals.aReferral().withStamp(stamp).about(e.id()).from(a, Fixtures.staffUserId()).to(b)
                    .sentOn(day, day.plusDays(1)).build();
            Writes.insert(storage, Kinds.of(AggregateTypes.REFERRAL), declined, completed, answeredLong, sentOnly);
            // Accepted later: the facts follow the latest version.
            org.sectorcrm.core.referral.Referral accepted = Kinds.of(AggregateTypes.REFERRAL).nextVersion(sentOnly.accept().withMoments(sent.plusMillis(1), null));
            storage.inTransaction(tx -> {
                tx.referrals().save(accepted, 1);
                return null;
            });
            assertThat(storage.<List<ReportQueries.ReferralFact>>read(tx -> tx.reports().referralFacts())).containsExactlyInAnyOrder(
                    new ReportQueries.ReferralFact(a, b, org.sectorcrm.core.referral.ReferralStatus.DECLINED, day.plusDays(5), " full ", 90_000L, null),
                    new ReportQueries.ReferralFact(b, a, org.sectorcrm.core.referral.ReferralStatus.COMPLETED, null, null, 0L, 7_199_999L),
                    new ReportQueries.ReferralFact(a, b, org.sectorcrm.core.referral.ReferralStatus.ACCEPTED, null, null, null, null),
                    new ReportQueries.ReferralFact(a, b, org.sectorcrm.core.referral.ReferralStatus.ACCEPTED, day.plusDays(1), null, 1L, null));
        }

        @Test
        @DisplayName("needFacts: per need its category, its employer's sector, status, raisedOn and the earliest agreedOn (else startDate) of the AGREED-or-later solutions addressing it, following the solutions' latest versions and deletes")
        void needFacts() {
            Employer e1 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inSector("MFG").build());
            Employer e2 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inSector(null).build());
            LocalDate raised = LocalDate.of(2026, 1, 1);
            BusinessNeed n1 = Needs.aNeed().of(e1.id()).inCategory(NeedCategory.HIRING).raisedOn(raised).build();
            BusinessNeed n2 = Needs.aNeed().of(e2.id()).inCategory(NeedCategory.SKILLS_TRAINING).closed(NeedStatus.MET, raised.plusDays(1), raised.plusDays(9)).build();
            BusinessNeed n3 = Needs.aNeed().of(e1.id()).inCategory(NeedCategory.HIRING).raisedOn(raised.plusDays(2)).build();
            Writes.insert(storage, Kinds.of(AggregateTypes.NEED), n1, n2, n3);
            Solution s1 = Solutions.aSolution().forEmployer(e1.id()).addressing(n1.id(), n2.id()).inStatus(SolutionStatus.AGREED).agreedOn(raised.plusDays(19)).build();
            Solution s2 = Solutions.aSolution().forEmployer(e1.id()).addressing(n1.id()).inStatus(SolutionStatus.IN_DELIVERY).between(raised.plusDays(9), null).build();
            Solution s3 = Solutions.aSolution().forEmployer(e2.id()).addressing(n2.id()).inStatus(SolutionStatus.PROPOSED).agreedOn(raised.plusDays(4)).build();
            Solution s4 = Solutions.aSolution().forEmployer(e2.id()).addressing(n2.id(), n3.id()).inStatus(SolutionStatus.COMPLETED).between(null, null).build();
            Solution s5 = Solutions.aSolution().forEmployer(e1.id()).addressing(n3.id()).inStatus(SolutionStatus.AGREED).agreedOn(raised.plusDays(3)).build();
            Writes.insert(storage, Kinds.of(AggregateTypes.SOLUTION), s1, s2, s3, s4, s5);
            assertThat(storage.<List<ReportQueries.NeedFact>>read(tx -> tx.reports().needFacts())).containsExactlyInAnyOrder(
                    new ReportQueries.NeedFact(NeedCategory.HIRING, new org.sectorcrm.core.reference.SectorCode("MFG"), NeedStatus.OPEN, raised, raised.plusDays(9)),
                    new ReportQueries.NeedFact(NeedCategory.SKILLS_TRAINING, null, NeedStatus.MET, raised.plusDays(1), raised.plusDays(19)),
                    new ReportQueries.NeedFact(NeedCategory.HIRING, new org.sectorcrm.core.reference.SectorCode("MFG"), NeedStatus.OPEN, raised.plusDays(2), raised.plusDays(3)));
            // s2 no longer addresses n1, s5 is deleted: the facts follow.
            storage.inTransaction(tx -> {
                tx.solutions().save(s2.withNeeds(Set.of(n2.id())).withStamp(s2.stamp().next(Fixtures.NOW.plusSeconds(1))), 1);
                tx.solutions().delete(s5.id(), 1);
                return null;
            });
            assertThat(storage.<List<ReportQueries.NeedFact>>read(tx -> tx.reports().needFacts())).containsExactlyInAnyOrder(
                    new ReportQueries.NeedFact(NeedCategory.HIRING, new org.sectorcrm.core.reference.SectorCode("MFG"), NeedStatus.OPEN, raised, raised.plusDays(19)),
                    new ReportQueries.NeedFact(NeedCategory.SKILLS_TRAINING, null, NeedStatus.MET, raised.plusDays(1), raised.plusDays(9)),
                    new ReportQueries.NeedFact(NeedCategory.HIRING, new org.sectorcrm.core.reference.SectorCode("MFG"), NeedStatus.OPEN, raised.plusDays(2), null));
        }

        @Test
        @DisplayName("outcomeFacts: per measure in id order its employer, metric, baseline and the latest observation's value (latest date, the last listed of that day; null without one), scales kept, the employer's sector and region and its solution's partnership and type")
        void outcomeFacts() {
            Employer e1 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inSector("MFG").inRegion("IL-EDR-4").build());
            Employer e2 = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().inSector(null).inRegion(null).build());
            org.sectorcrm.core.partnership.PartnershipId x = Fixtures.partnershipId();
            Solution s = insert(Kinds.of(AggregateTypes.SOLUTION), Solutions.aSolution().forEmployer(e1.id()).inPartnership(x)
                    .ofType(org.sectorcrm.core.solution.SolutionType.RECRUITMENT).build());
            org.sectorcrm.core.outcome.Metric custom = new org.sectorcrm.core.outcome.Metric("APPRENTICES", "Apprentices", "people",
                    org.sectorcrm.core.outcome.Direction.HIGHER_IS_BETTER);
            LocalDate base = LocalDate.of(2025, 8, 1);
            OutcomeMeasure o1 = Outcomes.aMinimalOutcome().at(e1.id()).forSolution(s.id()).measuring(org.sectorcrm.core.outcome.Metric.TURNOVER_RATE)
                    .withBaseline(base, new BigDecimal("12.50")).observed(base.plusDays(40), new BigDecimal("10.0")).observed(base.plusDays(33), new BigDecimal("9.250"))
                    .observed(base.plusDays(40), new BigDecimal("9.75")).build();
            OutcomeMeasure o2 = Outcomes.aMinimalOutcome().at(e2.id()).forSolution(null).measuring(custom).withBaseline(base, new BigDecimal("3")).build();
            Writes.insert(storage, Kinds.of(AggregateTypes.OUTCOME), o1, o2);
            List<ReportQueries.OutcomeFact> expected = new java.util.ArrayList<>(List.of(
                    new ReportQueries.OutcomeFact(o1.id(), e1.id(), org.sectorcrm.core.outcome.Metric.TURNOVER_RATE, new BigDecimal("12.50"), new BigDecimal("9.75"),
                            new org.sectorcrm.core.reference.SectorCode("MFG"), new org.sectorcrm.core.reference.RegionCode("IL-EDR-4"), x,
                            org.sectorcrm.core.solution.SolutionType.RECRUITMENT),
                    new ReportQueries.OutcomeFact(o2.id(), e2.id(), custom, new BigDecimal("3"), null, null, null, null, null)));
            expected.sort(java.util.Comparator.comparing(f -> f.id().asString()));
            List<ReportQueries.OutcomeFact> facts = storage.read(tx -> tx.reports().outcomeFacts());
            assertThat(facts).containsExactlyElementsOf(expected);
            assertThat(facts.get(expected.get(0).id().equals(o1.id()) ? 0 : 1).baseline().scale()).as("the baseline's scale").isEqualTo(2);
        }

        @Test
        @DisplayName("feedbackRatings: feedback counted per (partner, solution type, rating): the solution's lead partner, or without a solution the engagement's partner")
        void feedbackRatings() {
            Employer e = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().build());
            PartnerId p1 = Fixtures.partnerId();
            PartnerId lead = Fixtures.partnerId();
            Engagement g = insert(Kinds.of(AggregateTypes.ENGAGEMENT), by(touch(e, LocalDate.of(2026, 3, 1), Channel.MEETING), p1));
            Solution s = insert(Kinds.of(AggregateTypes.SOLUTION), Solutions.aSolution().forEmployer(e.id()).ledBy(lead)
                    .ofType(org.sectorcrm.core.solution.SolutionType.RECRUITMENT).build());
            Writes.insert(storage, Kinds.of(AggregateTypes.FEEDBACK), Feedbacks.aFeedback().from(e.id()).about(g.id(), null).rated(4).build(),
                    Feedbacks.aFeedback().from(e.id()).about(g.id(), null).rated(4).build(), Feedbacks.aFeedback().from(e.id()).about(null, s.id()).rated(2).build(),
                    Feedbacks.aFeedback().from(e.id()).about(g.id(), s.id()).rated(5).build());
            assertThat(storage.<List<ReportQueries.RatingCount>>read(tx -> tx.reports().feedbackRatings())).containsExactlyInAnyOrder(
                    new ReportQueries.RatingCount(p1, null, 4, 2), new ReportQueries.RatingCount(lead, org.sectorcrm.core.solution.SolutionType.RECRUITMENT, 2, 1),
                    new ReportQueries.RatingCount(lead, org.sectorcrm.core.solution.SolutionType.RECRUITMENT, 5, 1));
        }

        @Test
        @DisplayName("cadenceFacts: per employer not INACTIVE its legal name, sector and lead partner, of each employer's latest version, deleted ones left out")
        void cadenceFacts() {
            PartnerId lead = Fixtures.partnerId();
            PartnerId next = Fixtures.partnerId();
            Employer led = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Acme Tool & Die").inSector("MFG").ledBy(lead)
                    .withStatus(EmployerStatus.ACTIVE).build());
            Employer bare = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Bare Co").inSector(null).withStatus(EmployerStatus.PROSPECT)
                    .build());
            insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Lapsed Inc").ledBy(lead).withStatus(EmployerStatus.INACTIVE).build());
            Employer gone = insert(Kinds.of(AggregateTypes.EMPLOYER), Employers.anEmployer().named("Gone LLC").ledBy(lead).build());
            Employer renamed = led.withLegalName("Acme Precision").withLead(new org.sectorcrm.core.employer.RelationshipLead(next, null))
                    .withStamp(led.stamp().next(Fixtures.NOW));
            storage.inTransaction(tx -> {
                tx.employers().save(renamed, 1);
                tx.employers().delete(gone.id(), 1);
                return null;
            });
            assertThat(storage.<List<ReportQueries.CadenceFact>>read(tx -> tx.reports().cadenceFacts())).containsExactlyInAnyOrder(
                    new ReportQueries.CadenceFact(led.id(), "Acme Precision", new org.sectorcrm.core.reference.SectorCode("MFG"), next),
                    new ReportQueries.CadenceFact(bare.id(), "Bare Co", null, null));
        }

        private Engagement touch(Employer employer, LocalDate on, Channel channel) {
            return Engagements.anEngagement().forEmployer(employer.id()).on(on).via(channel).staffAssisted(false).build();
        }

        private Engagement by(Engagement e, PartnerId partner) {
            return new Engagement(e.id(), e.stamp(), e.employer(), e.establishment(), e.partnership(), partner, e.staff(), e.date(), e.channel(),
                    e.staffAssisted(), e.summary(), e.notes(), e.contacts(), e.services(), e.needs(), e.followUpDue(), e.externalId());
        }

        private Engagement served(Employer employer, Establishment site, LocalDate on, boolean staffAssisted, EseCategory... services) {
            return Engagements.anEngagement().forEmployer(employer.id()).atEstablishment(site == null ? null : site.id()).on(on)
                    .via(staffAssisted ? Channel.MEETING : Channel.SITE_VISIT).staffAssisted(staffAssisted).withServices(services).build();
        }

        private List<Employer> reportEmployers() {
            return Writes.insert(storage, Kinds.of(AggregateTypes.EMPLOYER), reportEmployer("IL-EDR-1", "MFG", EmployerStatus.ACTIVE),
                    reportEmployer("IL-EDR-1", "MFG", EmployerStatus.PROSPECT), reportEmployer("IL-EDR-1", null, EmployerStatus.ACTIVE),
                    reportEmployer(null, "MFG", EmployerStatus.ACTIVE), reportEmployer(null, null, EmployerStatus.ACTIVE),
                    reportEmployer(null, null, EmployerStatus.INACTIVE), reportEmployer("IL-EDR-10", "HEALTH", EmployerStatus.ACTIVE),
                    reportEmployer("IL-EDR-2", "IT", EmployerStatus.PROSPECT), reportEmployer("IL-EDR-2", "HEALTH", EmployerStatus.ACTIVE));
        }

        private Employer reportEmployer(String region, String sector, EmployerStatus status) {
            return Employers.anEmployer().inRegion(region).inSector(sector).withStatus(status).build();
        }

        /** The definition, computed from the records. */
        private List<GroupCount> groupCounts(List<Employer> employers, EmployerFilter filter) {
            Comparator<Id> nullsFirst = Comparator.nullsFirst(Comparator.comparing(Id::asString));
            Map<List<Id>, Long> counts = new java.util.TreeMap<>((x, y) -> {
                int r = nullsFirst.compare(x.get(0), y.get(0));
                return r != 0 ? r : nullsFirst.compare(x.get(1), y.get(1));
            });
            for (Employer e : employers) {
                if (filter.matches(e)) {
                    counts.merge(java.util.Arrays.asList(e.region(), e.sector()), 1L, Long::sum);
                }
            }
            List<GroupCount> out = new ArrayList<>();
            counts.forEach((k, n) -> out.add(new GroupCount((org.sectorcrm.core.reference.RegionCode) k.get(0),
                    (org.sectorcrm.core.reference.SectorCode) k.get(1), n)));
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Audit log: append-only, in id order, committed with the transaction")
    class Audit {
        @Test
        @DisplayName("an appended entry comes back with every field equal (full and minimal entries)")
        void entriesRoundTrip() {
            AuditEntry full = AuditEntries.aFullAuditEntry().build();
            AuditEntry minimal = AuditEntries.aMinimalAuditEntry().build();
            appendAudit(full, minimal);
            assertThat(auditEntries(AuditFilter.ALL)).containsExactlyInAnyOrder(full, minimal);
        }

        @Test
        @DisplayName("entries come in ascending id order and page like query, whatever order they were appended in")
        void entriesPageInIdOrder() {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                entries.add(AuditEntries.anAuditEntry().build());
            }
            List<AuditEntry> shuffled = new ArrayList<>(entries);
            Collections.shuffle(shuffled, new Random(9));
            appendAudit(shuffled.toArray(AuditEntry[]::new));
            for (int size : new int[] {1, 2, 4, 100}) {
                assertThat(Paging.all("audit log", size, p -> storage.read(tx -> tx.audit().query(AuditFilter.ALL, p)), AuditEntry::id))
                        .as("pages of %d", size).containsExactlyElementsOf(entries);
            }
        }

        @Test
        @DisplayName("each AuditFilter field selects exactly the entries AuditFilter.matches accepts (from inclusive, to exclusive)")
        void filters() {
            StaffUserId ada = Fixtures.staffUserId();
            StaffUserId bob = Fixtures.staffUserId();
            PartnerId partner = Fixtures.partnerId();
            Instant t0 = Fixtures.NOW;
            String r1 = Fixtures.employerId().asString();
            String r2 = Fixtures.contactId().asString();
            List<AuditEntry> entries = List.of(
                    AuditEntries.anAuditEntry().by(ada, partner).did("CREATE", "employer", r1).at(t0).build(),
                    AuditEntries.anAuditEntry().by(ada, partner).did("UPDATE", "employer", r1).at(t0.plusSeconds(60)).build(),
                    AuditEntries.anAuditEntry().by(bob, partner).did("EXPORT_PII", "contact", r2).at(t0.plusSeconds(120)).build(),
                    AuditEntries.anAuditEntry().by(bob, partner).did("UPDATE", "contact", r2).at(t0.plusSeconds(180)).build(),
                    AuditEntries.aMinimalAuditEntry().by(ada, partner).at(t0.plusSeconds(240)).build());
            appendAudit(entries.toArray(AuditEntry[]::new));
            List<AuditFilter> filters = List.of(new AuditFilter("employer", null, null, null, null, null),
                    new AuditFilter("session", null, null, null, null, null), new AuditFilter(null, r1, null, null, null, null),
                    new AuditFilter(null, r2, null, null, null, null), new AuditFilter(null, null, ada, null, null, null),
                    new AuditFilter(null, null, bob, null, null, null), new AuditFilter(null, null, null, "UPDATE", null, null),
                    new AuditFilter(null, null, null, "EXPORT_PII", null, null), new AuditFilter(null, null, null, null, t0.plusSeconds(60), null),
                    new AuditFilter(null, null, null, null, null, t0.plusSeconds(120)),
                    new AuditFilter(null, null, null, null, t0.plusSeconds(60), t0.plusSeconds(180)),
                    new AuditFilter(null, null, null, "NOTHING", null, null), AuditFilter.forRecord("contact", r2),
                    new AuditFilter("employer", r1, ada, "UPDATE", t0, t0.plusSeconds(61)));
            for (AuditFilter f : filters) {
                List<AuditEntry> expected = entries.stream().filter(f::matches).toList();
                assertThat(Paging.all("audit " + f, 2, p -> storage.read(tx -> tx.audit().query(f, p)), AuditEntry::id))
                        .as("audit query %s", f).containsExactlyElementsOf(expected);
            }
        }

        @Test
        @DisplayName("an entry with an id already logged throws ConflictException, and the logged one stays")
        void duplicateIdIsAConflict() {
            AuditEntry first = AuditEntries.anAuditEntry().build();
            appendAudit(first);
            AuditEntry again = AuditEntries.anAuditEntry().withId(first.id()).withDetail("a different entry with the same id").build();
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> appendAudit(again));
            assertThat(auditEntries(AuditFilter.ALL)).containsExactly(first);
        }

        @Test
        @DisplayName("an entry appended in a transaction that rolls back is not kept")
        void rolledBackEntryIsNotKept() {
            AuditEntry kept = AuditEntries.anAuditEntry().build();
            AuditEntry dropped = AuditEntries.anAuditEntry().build();
            appendAudit(kept);
            catchThrowable(() -> storage.inTransaction(tx -> {
                tx.audit().append(dropped);
                throw new IllegalStateException("rolls back");
            }));
            assertThat(auditEntries(AuditFilter.ALL)).containsExactly(kept);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Event log (Capability.EVENT_LOG): committed events in commit order, rolled-back ones never")
    class EventLogs {
        @Test
        @DisplayName("committed events are readable after cursor 0, in append order, with positive increasing sequences, equal to those appended")
        void committedEventsInOrder() {
            assumeCapability(Capability.EVENT_LOG);
            List<DomainEvent> appended = Events.oneOfEach();
            appendEvents(appended);
            List<StoredEvent> stored = storage.read(tx -> tx.events().after(0, 100));
            assertThat(stored).extracting(StoredEvent::event).containsExactlyElementsOf(appended);
            long previous = 0;
            for (StoredEvent e : stored) {
                assertThat(e.sequence()).as("sequences are positive and increase").isGreaterThan(previous);
                previous = e.sequence();
            }
        }

        @Test
        @DisplayName("after(sequence) returns only later events, and at most limit of them")
        void afterAndLimit() {
            assumeCapability(Capability.EVENT_LOG);
            List<DomainEvent> appended = Events.oneOfEach();
            appendEvents(appended);
            List<StoredEvent> all = storage.read(tx -> tx.events().after(0, 100));
            assertThat(eventsAfter(0, 2)).containsExactlyElementsOf(all.subList(0, 2));
            assertThat(eventsAfter(all.get(1).sequence(), 100)).containsExactlyElementsOf(all.subList(2, all.size()));
            assertThat(eventsAfter(all.get(all.size() - 1).sequence(), 100)).isEmpty();
        }

        @Test
        @DisplayName("events of a rolled-back transaction never appear; events of later transactions follow in commit order")
        void rolledBackEventsNeverAppear() {
            assumeCapability(Capability.EVENT_LOG);
            DomainEvent first = Events.created(AggregateTypes.EMPLOYER);
            DomainEvent dropped = Events.created(AggregateTypes.CONTACT);
            DomainEvent last = Events.deleted(AggregateTypes.EMPLOYER);
            appendEvents(List.of(first));
            catchThrowable(() -> storage.inTransaction(tx -> {
                tx.events().append(dropped);
                throw new IllegalStateException("rolls back");
            }));
            appendEvents(List.of(last));
            List<StoredEvent> stored = storage.read(tx -> tx.events().after(0, 100));
            assertThat(stored).extracting(StoredEvent::event).containsExactly(first, last);
            assertThat(stored.get(1).sequence()).isGreaterThan(stored.get(0).sequence());
            List<StoredEvent> afterFirst = storage.read(tx -> tx.events().after(stored.get(0).sequence(), 100));
            assertThat(afterFirst).extracting(StoredEvent::event).containsExactly(last);
        }

        @Test
        @DisplayName("events() keeps the declared capability: it answers with Capability.EVENT_LOG and throws UnsupportedOperationException without it")
        void eventsMatchTheDeclaredCapability() {
            if (has(Capability.EVENT_LOG)) {
                List<org.sectorcrm.core.event.StoredEvent> none = storage.read(tx -> tx.events().after(0, 10));
                assertThat(none).isEmpty();
            } else {
                assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> storage.inTransaction(StorageTransaction::events));
            }
        }
    }

    // ===============================================================================================================
    // The generic checks, one per contract sentence, run for every aggregate type.

    private enum Variant {
        FULL, MINIMAL, TYPICAL
    }

    private <I extends Id, T extends Aggregate<I>, F> void roundTrips(Kind<I, T, F> k, Variant variant, Parents parents) {
        T record = switch (variant) {
            case FULL -> k.full().apply(parents);
            case MINIMAL -> k.minimal().apply(parents);
            case TYPICAL -> k.typical().apply(parents);
        };
        insert(k, record);
        assertThat(find(k, record.id())).as("%s %s after insert", k.name(), record.id()).contains(record);
    }

    private <I extends Id, T extends Aggregate<I>, F> void updateRoundTrips(Kind<I, T, F> k, Parents parents) {
        T v1 = k.full().apply(parents);
        insert(k, v1);
        T v2 = k.nextVersion(v1);
        save(k, v2, 1);
        assertThat(find(k, v1.id())).as("%s after an update to version 2", k.name()).contains(v2);
        // Clearing every optional field and collection, then filling them again, must round-trip too.
        T v3 = k.restamp().apply(k.withId().apply(k.minimal().apply(parents), v1.id()), v2.stamp().next(Fixtures.NOW.plusSeconds(2)));
        save(k, v3, 2);
        assertThat(find(k, v1.id())).as("%s after an update that empties every optional field", k.name()).contains(v3);
        T v4 = k.restamp().apply(k.withId().apply(k.full().apply(parents), v1.id()), v3.stamp().next(Fixtures.NOW.plusSeconds(3)));
        save(k, v4, 3);
        assertThat(find(k, v1.id())).as("%s after an update that fills every field again", k.name()).contains(v4);
    }

    private <I extends Id, T extends Aggregate<I>, F> void queryRoundTrips(Kind<I, T, F> k, Parents parents) {
        T full = k.full().apply(parents);
        T minimal = k.minimal().apply(parents);
        Writes.insert(storage, k, full, minimal);
        List<T> all = allOf(k, k.all(), 10);
        assertThat(all).as("%s query results", k.name()).contains(full, minimal);
        for (T t : all) {
            assertThat(find(k, t.id())).as("%s %s: find and query return equal records", k.name(), t.id()).contains(t);
        }
    }

    private <I extends Id, T extends Aggregate<I>, F> void restoreKeepsVersion(Kind<I, T, F> k, Parents parents) {
        T restored = k.atVersion(k.typical().apply(parents), 7);
        insert(k, restored);
        assertThat(find(k, restored.id())).as("%s inserted at version 7", k.name()).contains(restored);
        T next = k.nextVersion(restored);
        save(k, next, 7);
        assertThat(find(k, restored.id())).contains(next);
    }

    private <I extends Id, T extends Aggregate<I>, F> void duplicateInsertConflicts(Kind<I, T, F> k, Parents parents) {
        T v1 = k.typical().apply(parents);
        insert(k, v1);
        T v2 = k.nextVersion(v1);
        save(k, v2, 1);
        T again = k.atVersion(k.change().apply(v1), 1);
        assertThatExceptionOfType(ConflictException.class).as("inserting %s %s a second time", k.name(), v1.id())
                .isThrownBy(() -> insert(k, again))
                .satisfies(e -> assertThat(e.currentVersion()).as("ConflictException.currentVersion()").hasValue(2));
        assertThat(find(k, v1.id())).as("%s after the refused insert", k.name()).contains(v2);
    }

    private <I extends Id, T extends Aggregate<I>, F> void draftRefused(Kind<I, T, F> k, Parents parents) {
        T draft = k.restamp().apply(k.typical().apply(parents), null);
        assertThatExceptionOfType(IllegalArgumentException.class).as("saving a %s without a stamp", k.name()).isThrownBy(() -> save(k, draft, 0));
        assertThat(find(k, draft.id())).isEmpty();
    }

    private <I extends Id, T extends Aggregate<I>, F> void negativeExpectedRefused(Kind<I, T, F> k, Parents parents) {
        T record = k.typical().apply(parents);
        assertThatExceptionOfType(IllegalArgumentException.class).as("saving a %s over version -1", k.name()).isThrownBy(() -> save(k, record, -1));
        assertThat(find(k, record.id())).isEmpty();
    }

    private <I extends Id, T extends Aggregate<I>, F> void reinsertAfterDelete(Kind<I, T, F> k, Parents parents) {
        T record = k.typical().apply(parents);
        insert(k, record);
        delete(k, record.id(), 1);
        insert(k, record);
        assertThat(find(k, record.id())).contains(record);
    }

    private <I extends Id, T extends Aggregate<I>, F> void staleSaveConflicts(Kind<I, T, F> k, Parents parents) {
        T v1 = k.full().apply(parents);
        insert(k, v1);
        T v2 = k.nextVersion(v1);
        save(k, v2, 1);
        T staleEdit = k.nextVersion(k.change().apply(v1));
        assertThatExceptionOfType(ConflictException.class).as("saving %s %s over version 1 when version 2 is stored", k.name(), v1.id())
                .isThrownBy(() -> save(k, staleEdit, 1))
                .satisfies(e -> assertThat(e.currentVersion()).as("ConflictException.currentVersion()").hasValue(2));
        assertThat(find(k, v1.id())).as("%s after the stale save", k.name()).contains(v2);
    }

    private <I extends Id, T extends Aggregate<I>, F> void aheadSaveConflicts(Kind<I, T, F> k, Parents parents) {
        T v1 = k.typical().apply(parents);
        insert(k, v1);
        T v2 = k.nextVersion(v1);
        save(k, v2, 1);
        T ahead = k.atVersion(k.change().apply(v2), 4);
        assertThatExceptionOfType(ConflictException.class).as("saving %s over version 3 when version 2 is stored", k.name())
                .isThrownBy(() -> save(k, ahead, 3))
                .satisfies(e -> assertThat(e.currentVersion()).as("ConflictException.currentVersion()").hasValue(2));
        assertThat(find(k, v1.id())).contains(v2);
    }

    private <I extends Id, T extends Aggregate<I>, F> void updateOfMissingIsNotFound(Kind<I, T, F> k, Parents parents) {
        T never = k.atVersion(k.typical().apply(parents), 2);
        assertThatExceptionOfType(NotFoundException.class).as("saving %s %s over version 1 when it was never stored", k.name(), never.id())
                .isThrownBy(() -> save(k, never, 1));
        assertThat(find(k, never.id())).isEmpty();
    }

    private <I extends Id, T extends Aggregate<I>, F> void wrongArithmeticRefused(Kind<I, T, F> k, Parents parents) {
        T v1 = k.typical().apply(parents);
        insert(k, v1);
        T skipping = k.atVersion(k.change().apply(v1), 3);
        assertThatExceptionOfType(IllegalArgumentException.class).as("saving %s at version 3 over version 1", k.name())
                .isThrownBy(() -> save(k, skipping, 1));
        T same = k.change().apply(v1);
        assertThatExceptionOfType(IllegalArgumentException.class).as("saving %s at version 1 over version 1", k.name())
                .isThrownBy(() -> save(k, same, 1));
        assertThat(find(k, v1.id())).contains(v1);
    }

    private <I extends Id, T extends Aggregate<I>, F> void deleteRemovesRecord(Kind<I, T, F> k, Parents parents) {
        T gone = k.typical().apply(parents);
        T kept = k.typical().apply(parents);
        Writes.insert(storage, k, gone, kept);
        long before = count(k, k.all());
        delete(k, gone.id(), 1);
        assertThat(find(k, gone.id())).as("find after delete").isEmpty();
        assertThat(allOf(k, k.all(), 10)).as("query after delete").doesNotContain(gone).contains(kept);
        assertThat(count(k, k.all())).as("count after delete").isEqualTo(before - 1);
    }

    private <I extends Id, T extends Aggregate<I>, F> void staleDeleteConflicts(Kind<I, T, F> k, Parents parents) {
        T v1 = k.typical().apply(parents);
        insert(k, v1);
        T v2 = k.nextVersion(v1);
        save(k, v2, 1);
        assertThatExceptionOfType(ConflictException.class).as("deleting %s at version 1 when version 2 is stored", k.name())
                .isThrownBy(() -> delete(k, v1.id(), 1))
                .satisfies(e -> assertThat(e.currentVersion()).as("ConflictException.currentVersion()").hasValue(2));
        assertThat(find(k, v1.id())).contains(v2);
    }

    private <I extends Id, T extends Aggregate<I>, F> void deleteOfMissingNotFound(Kind<I, T, F> k, Parents parents) {
        T never = k.typical().apply(parents);
        assertThatExceptionOfType(NotFoundException.class).as("deleting a %s never stored", k.name()).isThrownBy(() -> delete(k, never.id(), 1));
        insert(k, never);
        delete(k, never.id(), 1);
        assertThatExceptionOfType(NotFoundException.class).as("deleting a %s a second time", k.name()).isThrownBy(() -> delete(k, never.id(), 1));
    }

    private <I extends Id, T extends Aggregate<I>, F> void readOnlyRefuses(Kind<I, T, F> k, Parents parents) {
        T fresh = k.typical().apply(parents);
        assertThatExceptionOfType(IllegalStateException.class).as("saving a %s in a read-only transaction", k.name())
                .isThrownBy(() -> storage.read(tx -> {
                    k.store().apply(tx).save(fresh, 0);
                    return null;
                }));
        assertThat(find(k, fresh.id())).isEmpty();
        assertThatExceptionOfType(IllegalStateException.class).as("saveAll of a %s in a read-only transaction", k.name())
                .isThrownBy(() -> storage.read(tx -> {
                    k.store().apply(tx).saveAll(List.of(new AggregateStore.Save<>(fresh, 0)));
                    return null;
                }));
        assertThat(find(k, fresh.id())).as("%s of the refused saveAll", k.name()).isEmpty();
        insert(k, fresh);
        assertThatExceptionOfType(IllegalStateException.class).as("deleting a %s in a read-only transaction", k.name())
                .isThrownBy(() -> storage.read(tx -> {
                    k.store().apply(tx).delete(fresh.id(), 1);
                    return null;
                }));
        assertThat(find(k, fresh.id())).contains(fresh);
    }

    private <I extends Id, T extends Aggregate<I>, F> void pagesThroughKind(Kind<I, T, F> k, Parents parents) {
        List<T> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            saved.add(k.typical().apply(parents));
        }
        for (I id : craftedIds(k)) {
            saved.add(k.withId().apply(k.typical().apply(parents), id));
        }
        Writes.insert(storage, k, saved);
        List<T> all = allOf(k, k.all(), 2);
        assertThat(all).as("%s pages of 2", k.name()).containsAll(saved);
        assertThat(all).extracting(t -> t.id().asString()).as("%s ids", k.name()).doesNotHaveDuplicates().isSorted();
        assertThat((long) all.size()).as("%s rows paged versus count", k.name()).isEqualTo(count(k, k.all()));
    }

    private <I extends Id, T extends Aggregate<I>, F> void missingParentRefused(Kind<I, T, F> k) {
        Parents missing = new Parents(Fixtures.employerId(), Fixtures.partnerId());
        T orphan = k.typical().apply(missing);
        assertThatExceptionOfType(NotFoundException.class).as("inserting a %s whose parent does not exist", k.name()).isThrownBy(() -> insert(k, orphan));
        assertThat(find(k, orphan.id())).isEmpty();
        Parents parents = Writes.parents(storage);
        T child = k.typical().apply(parents);
        insert(k, child);
        T movedChild = k.restamp().apply(k.withId().apply(k.typical().apply(missing), child.id()), child.stamp().next(Fixtures.NOW));
        assertThatExceptionOfType(NotFoundException.class).as("saving a %s over to a parent that does not exist", k.name())
                .isThrownBy(() -> save(k, movedChild, 1));
        assertThat(find(k, child.id())).contains(child);
    }

    private <I extends Id, T extends Aggregate<I>, F> void referencedParentKept(Kind<I, T, F> k) {
        Parents parents = Writes.parents(storage);
        T child = k.typical().apply(parents);
        insert(k, child);
        if (k.needsEmployer()) {
            assertThatExceptionOfType(ConflictException.class).as("deleting the employer a %s references", k.name())
                    .isThrownBy(() -> delete(Kinds.of(AggregateTypes.EMPLOYER), parents.employer(), 1));
            assertThat(find(Kinds.of(AggregateTypes.EMPLOYER), parents.employer())).isPresent();
        }
        if (k.needsPartner()) {
            assertThatExceptionOfType(ConflictException.class).as("deleting the partner a %s references", k.name())
                    .isThrownBy(() -> delete(Kinds.of(AggregateTypes.PARTNER), parents.partner(), 1));
            assertThat(find(Kinds.of(AggregateTypes.PARTNER), parents.partner())).isPresent();
        }
        delete(k, child.id(), 1);
        delete(Kinds.of(AggregateTypes.EMPLOYER), parents.employer(), 1);
        delete(Kinds.of(AggregateTypes.PARTNER), parents.partner(), 1);
    }

    // ===============================================================================================================
    // Small helpers.

    private Partner insertPartner() {
        return insert(Kinds.of(AggregateTypes.PARTNER), Partners.aPartner().build());
    }

    private List<Employer> searchEmployers(String query) {
        SearchTerms terms = SearchTerms.parse(query);
        return Paging.all("employer search '" + query + "'", 50, p -> storage.read(tx -> tx.employers().search(terms, Reader.EVERYONE, p)), Employer::id);
    }

    private List<Contact> searchContacts(String query) {
        SearchTerms terms = SearchTerms.parse(query);
        return Paging.all("contact search '" + query + "'", 50, p -> storage.read(tx -> tx.contacts().search(terms, Reader.EVERYONE, p)), Contact::id);
    }

    private List<Engagement> searchEngagements(String query, StaffUser reader) {
        SearchTerms terms = SearchTerms.parse(query);
        return Paging.all("engagement search '" + query + "' by " + reader.name(), 50,
                p -> storage.read(tx -> tx.engagements().search(terms, Reader.of(reader.id(), reader.partner()), p)), Engagement::id);
    }

    private void appendAudit(AuditEntry... entries) {
        storage.inTransaction(tx -> {
            for (AuditEntry e : entries) {
                tx.audit().append(e);
            }
            return null;
        });
    }

    private List<AuditEntry> auditEntries(AuditFilter filter) {
        return Paging.all("audit query", 100, p -> storage.read(tx -> tx.audit().query(filter, p)), AuditEntry::id);
    }

    private List<StoredEvent> eventsAfter(long sequence, int limit) {
        return storage.read(tx -> tx.events().after(sequence, limit));
    }

    private List<GroupCount> groups(EmployerFilter filter) {
        return storage.read(tx -> tx.reports().countByRegionAndSector(filter));
    }

    private void appendEvents(List<DomainEvent> events) {
        storage.inTransaction(tx -> {
            events.forEach(tx.events()::append);
            return null;
        });
    }

    private static <T extends Aggregate<?>> List<T> sortedById(List<T> records) {
        return records.stream().sorted(Comparator.comparing(t -> t.id().asString())).toList();
    }

    /**
     * Ids of {@code k} whose text order differs from other orders a store may fall into: for generated ids, UUIDs
     * that sort differently as text than by {@link UUID#compareTo} (signed longs); for codes people choose, codes
     * that differ in case and in digits (a case-insensitive or numeric collation orders them otherwise).
     */
    private static <I extends Id, T extends Aggregate<I>, F> List<I> craftedIds(Kind<I, T, F> k) {
        List<UUID> uuids = List.of(UUID.fromString("00000000-0000-7000-8000-000000000000"), UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff"),
                UUID.fromString("80000000-0000-7000-8000-000000000000"), UUID.fromString("ffffffff-ffff-7fff-bfff-fffffffffffe"));
        if (k.type().hasGeneratedIds()) {
            return uuids.stream().map(k.type()::newId).toList();
        }
        if (k.spec().freshCode(uuids.get(0)) != null) {
            return uuids.stream().map(k.spec()::freshCode).toList();
        }
        return java.util.stream.Stream.of("Kit-b", "KIT-A", "kit-c", "Kit-B10", "Kit-B2", "kit-a").map(k.type()::parseId).toList();
    }

    /** Employers whose ids sort differently as text than by {@link UUID#compareTo} (which compares signed longs). */
    private static List<Employer> craftedIdEmployers() {
        List<Employer> out = new ArrayList<>();
        for (String id : List.of("00000000-0000-7000-8000-000000000000", "7fffffff-ffff-7fff-bfff-ffffffffffff",
                "80000000-0000-7000-8000-000000000000", "ffffffff-ffff-7fff-bfff-fffffffffffe", "01900000-0000-7000-0000-000000000000",
                "01900000-0000-7000-ffff-000000000000", "0190000a-0000-7000-8000-000000000000")) {
            out.add(Employers.anEmployer().withId(new EmployerId(UUID.fromString(id))).build());
        }
        return out;
    }
}
