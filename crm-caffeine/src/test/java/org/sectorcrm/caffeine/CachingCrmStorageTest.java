package org.sectorcrm.caffeine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.Sectors;

/** The cache's behaviour over the in-memory reference store, which plays the database. */
class CachingCrmStorageTest {
    private final InMemoryCrmStorage database = new InMemoryCrmStorage();
    private final CachingCrmStorage cached = CachingCrmStorage.builder().delegate(database).executor(Runnable::run).build();

    private static Employer employer(String legalName) {
        return Employers.anEmployer().named(legalName).build();
    }

    /** The next version of {@code employer}, renamed: save it over {@code employer.version()}. */
    private static Employer renamed(Employer employer, String legalName) {
        return employer.withLegalName(legalName).withStamp(employer.stamp().next(Fixtures.NOW));
    }

    private static void save(CrmStorage storage, Employer employer) {
        storage.inTransaction(tx -> {
            tx.employers().save(employer, employer.version() - 1);
            return null;
        });
    }

    private static Optional<Employer> read(CrmStorage storage, EmployerId id) {
        return storage.read(tx -> tx.employers().find(id));
    }

    /** Stores {@code employer} and reads it through the cache, so the cache holds it. */
    private Employer cachedEmployer(Employer employer) {
        save(cached, employer);
        assertThat(read(cached, employer.id())).contains(employer);
        return employer;
    }

    @Nested
    @DisplayName("A find in a read transaction")
    class ReadThrough {

        @Test
        @DisplayName("is loaded from the delegate once, then answered from the cache")
        void loadsOnceThenHits() {
            Employer acme = cachedEmployer(employer("Acme"));
            // Change the database behind the cache's back: only a cache answer can still return the old name.
            save(database, renamed(acme, "Acme, renamed elsewhere"));

            assertThat(read(cached, acme.id())).contains(acme);
            assertThat(read(cached, acme.id())).contains(acme);
            assertThat(cached.stats().missCount()).isEqualTo(1);
            assertThat(cached.stats().hitCount()).isEqualTo(2);
            assertThat(cached.stats().loadSuccessCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("keeps ids of different types apart, even with the same text")
        void typedKeys() {
            database.inTransaction(tx -> {
                tx.regions().save(Regions.aRegion().coded("MFG").named("Region MFG").build(), 0);
                tx.sectors().save(Sectors.aSector().coded("MFG").named("Sector MFG").build(), 0);
                return null;
            });
            for (int i = 0; i < 2; i++) { // the second round comes from the cache
                assertThat(cached.<Optional<Region>>read(tx -> tx.regions().find(new RegionCode("MFG")))).get().extracting(Region::name).isEqualTo("Region MFG");
                assertThat(cached.<Optional<Sector>>read(tx -> tx.sectors().find(new SectorCode("MFG")))).get().extracting(Sector::name).isEqualTo("Sector MFG");
            }
            assertThat(cached.stats().hitCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("does not cache that a record is absent")
        void absenceIsNotCached() {
            Employer later = employer("Created elsewhere");
            assertThat(read(cached, later.id())).isEmpty();
            save(database, later); // another node creates it

            assertThat(read(cached, later.id())).contains(later);
            assertThat(cached.stats().loadFailureCount()).as("a find that found nothing").isEqualTo(1);
            assertThat(cached.stats().loadSuccessCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("sees every store of the transaction through the cache, contacts as well as employers")
        void everyStoreIsCached() {
            Employer acme = cachedEmployer(employer("Acme"));
            Contact pat = Contacts.aContact().at(acme.id()).named("Pat", "Lee").build();
            cached.inTransaction(tx -> {
                tx.contacts().save(pat, 0);
                return null;
            });
            assertThat(cached.<Optional<Contact>>read(tx -> tx.contacts().find(pat.id()))).contains(pat);
            assertThat(cached.<Optional<Contact>>read(tx -> tx.contacts().find(pat.id()))).contains(pat);
            assertThat(cached.stats().hitCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("rejects a null id as the delegate would")
        void nullId() {
            assertThatThrownBy(() -> cached.read(tx -> tx.employers().find(null))).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    @DisplayName("A read-write transaction")
    class Writes {

        @Test
        @DisplayName("makes a committed update visible through the cache at once")
        void committedUpdateIsVisible() {
            Employer acme = cachedEmployer(employer("Acme"));
            Employer renamed = renamed(acme, "Acme Holdings");
            save(cached, renamed);

            assertThat(read(cached, acme.id())).contains(renamed);
        }

        @Test
        @DisplayName("makes a committed delete visible through the cache at once")
        void committedDeleteIsVisible() {
            Employer acme = cachedEmployer(employer("Acme"));
            cached.inTransaction(tx -> {
                tx.employers().delete(acme.id(), 1);
                return null;
            });

            assertThat(read(cached, acme.id())).isEmpty();
        }

        @Test
        @DisplayName("never lets a rolled-back write become visible, cached before or not")
        void rollbackIsNeverVisible() {
            Employer acme = cachedEmployer(employer("Acme"));
            Employer fresh = employer("Never stored");
            assertThatThrownBy(() -> cached.inTransaction(tx -> {
                tx.employers().save(renamed(acme, "Acme, rolled back"), 1);
                tx.employers().save(fresh, 0);
                throw new IllegalStateException("the work fails after writing");
            })).isInstanceOf(IllegalStateException.class).hasMessage("the work fails after writing");

            assertThat(read(cached, acme.id())).contains(acme);
            assertThat(read(cached, acme.id())).contains(acme);
            assertThat(read(cached, fresh.id())).isEmpty();
            assertThat(read(database, acme.id())).contains(acme);
        }

        @Test
        @DisplayName("reads its own writes, not the cached value")
        void readsOwnWrites() {
            Employer acme = cachedEmployer(employer("Acme"));
            Employer renamed = renamed(acme, "Acme Holdings");

            Optional<Employer> seenInside = cached.inTransaction(tx -> {
                tx.employers().save(renamed, 1);
                return tx.employers().find(acme.id());
            });
            assertThat(seenInside).contains(renamed);
        }

        @Test
        @DisplayName("reads from the delegate even before it writes, so it never acts on a stale cached value")
        void readsTheDelegate() {
            Employer acme = cachedEmployer(employer("Acme"));
            Employer elsewhere = renamed(acme, "Acme, renamed elsewhere");
            save(database, elsewhere);

            assertThat(cached.<Optional<Employer>>inTransaction(tx -> tx.employers().find(acme.id()))).contains(elsewhere);
        }

        @Test
        @DisplayName("still gets the delegate's conflict when saving over a stale cached version, and drops the stale entry")
        void staleVersionIsDetectedByTheDelegate() {
            Employer acme = cachedEmployer(employer("Acme"));
            Employer elsewhere = renamed(acme, "Acme, renamed on another node");
            save(database, elsewhere);
            Employer staleRead = read(cached, acme.id()).orElseThrow();
            assertThat(staleRead).as("the cache serves the old version until told otherwise").isEqualTo(acme);

            assertThatThrownBy(() -> save(cached, renamed(staleRead, "Acme, from a stale read")))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.currentVersion()).hasValue(2));

            assertThat(read(cached, acme.id())).as("the conflict dropped the stale entry").contains(elsewhere);
        }

        @Test
        @DisplayName("drops what it wrote even when the delegate fails after committing (a lost COMMIT reply)")
        void unknownCommitOutcome() {
            CrmStorage lostReply = new ForwardingStorage(database) {
                @Override
                public <R> R inTransaction(TransactionWork<R> work) {
                    super.inTransaction(work);
                    throw new StorageException("connection lost while committing");
                }
            };
            CachingCrmStorage cache = CachingCrmStorage.builder().delegate(lostReply).build();
            Employer acme = employer("Acme");
            save(database, acme);
            assertThat(read(cache, acme.id())).contains(acme);

            Employer renamed = renamed(acme, "Acme Holdings");
            assertThatThrownBy(() -> save(cache, renamed)).isInstanceOf(StorageException.class);

            assertThat(read(cache, acme.id())).contains(renamed);
        }

        @Test
        @DisplayName("drops the entries of every attempt when the delegate retries the work")
        void retriedWork() {
            Employer first = cachedEmployer(employer("First attempt"));
            Employer second = cachedEmployer(employer("Second attempt"));
            CrmStorage retrying = new ForwardingStorage(database) {
                @Override
                public <R> R inTransaction(TransactionWork<R> work) {
                    try {
                        return super.inTransaction(tx -> {
                            work.run(tx);
                            throw new IllegalStateException("serialization failure: retry");
                        });
                    } catch (IllegalStateException retry) {
                        return super.inTransaction(work);
                    }
                }
            };
            CachingCrmStorage cache = CachingCrmStorage.builder().delegate(retrying).build();
            assertThat(read(cache, first.id())).contains(first);
            assertThat(read(cache, second.id())).contains(second);
            save(database, renamed(first, "First, renamed elsewhere"));
            List<Integer> attempts = new ArrayList<>();

            cache.inTransaction(tx -> {
                attempts.add(attempts.size() + 1);
                // The first attempt touches one employer, the committed retry the other.
                Employer target = attempts.size() == 1 ? tx.employers().find(first.id()).orElseThrow() : second;
                tx.employers().save(renamed(target, target.legalName() + " (v" + (target.version() + 1) + ")"), target.version());
                return null;
            });

            assertThat(attempts).containsExactly(1, 2);
            assertThat(read(cache, second.id())).get().extracting(Employer::legalName).isEqualTo("Second attempt (v2)");
            assertThat(read(cache, first.id())).as("the rolled-back attempt's id was dropped too: harmless, and fresh")
                    .get().extracting(Employer::legalName).isEqualTo("First, renamed elsewhere");
        }

        @Test
        @DisplayName("joins an enclosing read-write transaction: nothing is dropped or visible before the outer one ends")
        void nestedWriteJoins() {
            Employer acme = cachedEmployer(employer("Acme"));
            Employer renamed = renamed(acme, "Acme Holdings");
            assertThatThrownBy(() -> cached.inTransaction(outer -> {
                cached.inTransaction(inner -> {
                    inner.employers().save(renamed, 1);
                    return null;
                });
                assertThat(outer.employers().find(acme.id())).contains(renamed);
                assertThat(cached.<Optional<Employer>>read(nested -> nested.employers().find(acme.id()))).as("a nested read joins too").contains(renamed);
                throw new IllegalStateException("the outer work fails");
            })).hasMessage("the outer work fails");

            assertThat(read(cached, acme.id())).contains(acme);
        }
    }

    @Nested
    @DisplayName("A read-only transaction")
    class ReadOnly {

        @Test
        @DisplayName("refuses every write itself, leaving the delegate and the cache as they were")
        void refusesWrites() {
            Employer acme = cachedEmployer(employer("Acme"));
            List<TransactionWork<Object>> writes = List.of(
                    tx -> {
                        tx.employers().save(renamed(acme, "Not allowed"), 1);
                        return null;
                    },
                    tx -> {
                        tx.employers().delete(acme.id(), 1);
                        return null;
                    },
                    tx -> {
                        tx.audit().append(auditEntry());
                        return null;
                    },
                    tx -> {
                        tx.events().append(event(acme));
                        return null;
                    });
            for (TransactionWork<Object> write : writes) {
                assertThatThrownBy(() -> cached.read(write)).isInstanceOf(IllegalStateException.class)
                        .hasMessage("this is a read-only transaction");
            }
            assertThat(read(database, acme.id())).contains(acme);
            assertThat(read(cached, acme.id())).contains(acme);
            assertThat(database.<List<AuditEntry>>read(tx -> tx.audit().query(AuditFilter.ALL, PageRequest.first()).items())).isEmpty();
        }

        @Test
        @DisplayName("refuses writes even when the delegate's read transactions would accept them")
        void refusesWritesOverALaxDelegate() {
            CrmStorage lax = new ForwardingStorage(database) {
                @Override
                public <R> R read(TransactionWork<R> work) {
                    return target.inTransaction(work); // CrmStorage's default read
                }
            };
            CachingCrmStorage cache = CachingCrmStorage.builder().delegate(lax).build();
            Employer acme = employer("Acme");

            assertThatThrownBy(() -> cache.read(tx -> {
                tx.employers().save(acme, 0);
                return null;
            })).isInstanceOf(IllegalStateException.class);
            assertThat(read(database, acme.id())).isEmpty();
        }

        @Test
        @DisplayName("cannot contain a read-write transaction")
        void noWriteInsideRead() {
            assertThatThrownBy(() -> cached.read(tx -> cached.inTransaction(inner -> null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot start a read-write transaction inside a read-only one");
        }

        @Test
        @DisplayName("hands out stores that refuse to be used after the work returns, even for a cached find")
        void storesExpireWithTheWork() {
            Employer acme = cachedEmployer(employer("Acme"));
            AggregateStore<EmployerId, Employer, EmployerFilter> leaked = cached.read(StorageTransaction::employers);
            AtomicReference<StorageTransaction> leakedWrite = new AtomicReference<>();
            cached.inTransaction(tx -> {
                leakedWrite.set(tx);
                return null;
            });

            assertThatThrownBy(() -> leaked.find(acme.id())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must not be used after the work returns");
            assertThatThrownBy(() -> leaked.count(EmployerFilter.ALL)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> leakedWrite.get().employers().save(renamed(acme, "Too late"), 1))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(read(database, acme.id())).contains(acme);
        }
    }

    @Nested
    @DisplayName("Everything but find by id")
    class PassThrough {

        @Test
        @DisplayName("goes to the delegate every time and does not fill the cache")
        void queriesPassThrough() {
            Employer acme = cachedEmployer(employer("Acme Tool and Die"));
            Employer elsewhere = renamed(acme, "Acme Foundry").withRegion(new RegionCode("NE"));
            save(database, elsewhere);
            Contact pat = Contacts.aContact().at(acme.id()).named("Pat", "Lee").build();
            save(database, employer("Beta Works"));
            database.inTransaction(tx -> {
                tx.contacts().save(pat, 0);
                return null;
            });

            cached.read(tx -> {
                assertThat(tx.employers().query(EmployerFilter.ALL, PageRequest.first()).items()).contains(elsewhere).hasSize(2);
                assertThat(tx.employers().count(EmployerFilter.ALL.withRegion(new RegionCode("NE")))).isEqualTo(1);
                assertThat(tx.employers().search(SearchTerms.parse("foundry"), Reader.EVERYONE, PageRequest.first()).items()).containsExactly(elsewhere);
                assertThat(tx.reports().countByRegionAndSector(EmployerFilter.ALL))
                        .extracting(ReportQueries.GroupCount::count).containsExactly(1L, 1L);
                assertThat(tx.contacts().search(SearchTerms.parse("lee"), Reader.EVERYONE, PageRequest.first()).items()).containsExactly(pat);
                assertThat(tx.contacts().query(ContactFilter.atEmployer(acme.id()), PageRequest.first()).items()).containsExactly(pat);
                assertThat(tx.engagements().search(SearchTerms.parse("plant"), Reader.of(new StaffUserId(UUID.randomUUID()), Fixtures.CREATOR), PageRequest.first())
                        .items()).isEmpty();
                assertThat(tx.reports().servedEstablishments(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
                return null;
            });
            assertThat(read(cached, acme.id())).as("queries did not refresh the cached entry").contains(acme);
            assertThat(cached.stats().loadSuccessCount()).as("only the find loaded").isEqualTo(1);
        }

        @Test
        @DisplayName("writes the audit trail and events in the delegate's transaction, committed or rolled back with it")
        void auditAndEvents() {
            Employer acme = employer("Acme");
            AuditEntry entry = auditEntry();
            DomainEvent created = event(acme);
            cached.inTransaction(tx -> {
                tx.employers().save(acme, 0);
                tx.audit().append(entry);
                tx.events().append(created);
                return null;
            });
            assertThatThrownBy(() -> cached.inTransaction(tx -> {
                tx.audit().append(auditEntry());
                tx.events().append(event(acme));
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(cached.<List<AuditEntry>>read(tx -> tx.audit().query(AuditFilter.ALL, PageRequest.first()).items())).containsExactly(entry);
            assertThat(cached.<List<StoredEvent>>read(tx -> tx.events().after(0, 10))).extracting(StoredEvent::event).containsExactly(created);
        }

        @Test
        @DisplayName("reports the delegate's capabilities, and its lack of an event log")
        void capabilities() {
            assertThat(cached.capabilities()).isEqualTo(database.capabilities());
            CrmStorage bare = new ForwardingStorage(new InMemoryCrmStorage()) {
                @Override
                public Set<Capability> capabilities() {
                    return EnumSet.noneOf(Capability.class);
                }
            };
            assertThat(CachingCrmStorage.builder().delegate(bare).build().capabilities()).isEmpty();
        }

        @Test
        @DisplayName("closes the delegate on close, once")
        void closeClosesTheDelegate() {
            List<String> closes = new ArrayList<>();
            CrmStorage counting = new ForwardingStorage(database) {
                @Override
                public void close() {
                    closes.add("closed");
                    super.close();
                }
            };
            CachingCrmStorage cache = CachingCrmStorage.builder().delegate(counting).build();
            cache.close();
            cache.close();

            assertThat(closes).containsExactly("closed");
            assertThatThrownBy(() -> read(cache, Fixtures.employerId())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Nested
    @DisplayName("The cache's size")
    class Bounded {

        @Test
        @DisplayName("never exceeds maximumSize: the least useful entries are evicted")
        void bounded() {
            CachingCrmStorage small = CachingCrmStorage.builder().delegate(database).maximumSize(10).executor(Runnable::run).build();
            List<Employer> employers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Employer e = employer("Employer " + i);
                save(database, e);
                employers.add(e);
            }
            for (Employer e : employers) {
                assertThat(read(small, e.id())).contains(e);
                assertThat(small.estimatedSize()).isLessThanOrEqualTo(10);
            }
            assertThat(small.estimatedSize()).isEqualTo(10);
            assertThat(small.stats().evictionCount()).isEqualTo(90);
            for (Employer e : employers) {
                assertThat(read(small, e.id())).as("evicted or not, every read is right").contains(e);
            }
        }

        @Test
        @DisplayName("of zero caches nothing")
        void zero() {
            CachingCrmStorage none = CachingCrmStorage.builder().delegate(database).maximumSize(0).executor(Runnable::run).build();
            Employer acme = employer("Acme");
            save(none, acme);
            assertThat(read(none, acme.id())).contains(acme);
            assertThat(read(none, acme.id())).contains(acme);

            assertThat(none.stats().hitCount()).isZero();
            assertThat(none.stats().missCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("is 10,000 aggregates unless set")
        void defaultSize() {
            assertThat(cached.toString()).startsWith("CachingCrmStorage{maximumSize=10000, delegate=");
            assertThat(CachingCrmStorage.DEFAULT_MAXIMUM_SIZE).isEqualTo(10_000);
        }
    }

    @Nested
    @DisplayName("With several nodes on one database")
    class Expiry {
        private final FakeTicker ticker = new FakeTicker();
        private final CachingCrmStorage nodeA = CachingCrmStorage.builder().delegate(database)
                .expireAfterWrite(Duration.ofSeconds(30)).ticker(ticker).executor(Runnable::run).build();
        private final CachingCrmStorage nodeB = CachingCrmStorage.builder().delegate(database)
                .expireAfterWrite(Duration.ofSeconds(30)).ticker(ticker).executor(Runnable::run).build();

        @Test
        @DisplayName("a node serves another node's write only after its entry expires: the documented staleness")
        void staleUntilExpiry() {
            Employer acme = employer("Acme");
            save(nodeB, acme);
            assertThat(read(nodeA, acme.id())).contains(acme);
            Employer renamed = renamed(acme, "Acme Holdings");
            save(nodeB, renamed);

            assertThat(read(nodeB, acme.id())).as("the writing node sees its write at once").contains(renamed);
            ticker.advance(Duration.ofSeconds(29));
            assertThat(read(nodeA, acme.id())).as("29 s later the other node is still stale").contains(acme);
            ticker.advance(Duration.ofSeconds(1));
            assertThat(read(nodeA, acme.id())).as("after 30 s it reads the database").contains(renamed);
            assertThat(nodeA.stats().evictionCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("without an expiry a node stays stale until invalidateAll")
        void withoutExpiry() {
            Employer acme = cachedEmployer(employer("Acme"));
            Employer renamed = renamed(acme, "Acme Holdings");
            save(nodeB, renamed);
            ticker.advance(Duration.ofDays(365));
            assertThat(read(cached, acme.id())).contains(acme);

            cached.invalidateAll();

            assertThat(read(cached, acme.id())).contains(renamed);
            assertThat(cached.estimatedSize()).isEqualTo(1);
        }

        @Test
        @DisplayName("an update from a stale read fails at the delegate, and the retry reads the current version")
        void staleReadThenConflictThenRetry() {
            Employer acme = employer("Acme");
            save(nodeA, acme);
            Employer onA = read(nodeA, acme.id()).orElseThrow();
            save(nodeB, renamed(acme, "Renamed on B"));

            Employer staleOnA = read(nodeA, acme.id()).orElseThrow();
            assertThatThrownBy(() -> save(nodeA, renamed(staleOnA, "Renamed on A"))).isInstanceOf(ConflictException.class);
            Employer current = read(nodeA, acme.id()).orElseThrow();
            save(nodeA, renamed(current, "Renamed on A"));

            assertThat(onA).isEqualTo(acme);
            assertThat(read(nodeB, acme.id())).get().extracting(Employer::legalName, Employer::version).containsExactly("Renamed on A", 3L);
        }
    }

    private static AuditEntry auditEntry() {
        return new AuditEntry(new AuditId(UUID.randomUUID()), Fixtures.NOW, new StaffUserId(UUID.randomUUID()), Fixtures.CREATOR, "CREATE", "employer", null,
                List.of(), null);
    }

    private static DomainEvent event(Employer employer) {
        return new DomainEvent.Created(UUID.randomUUID(), Fixtures.NOW, new StaffUserId(UUID.randomUUID()), Fixtures.CREATOR, AggregateTypes.EMPLOYER,
                employer.id().asString(), employer.version());
    }
}
