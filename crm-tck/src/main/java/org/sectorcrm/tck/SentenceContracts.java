package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AggregateStore.Save;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Events;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.internal.FilterScenario;
import org.sectorcrm.tck.internal.FilterScenarios;
import org.sectorcrm.tck.internal.Kind;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Paging;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/**
 * The families added when the kit was red-teamed (kit 2.1): broken stores written from the SPI's Javadoc, sentence by
 * sentence, that the kit of 2.0 let through. Each test follows from a sentence of the contract, not from the mutant
 * that showed it missing; docs/kit-red-team.md lists both.
 */
abstract class SentenceContracts extends ReadPathContracts {

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Typed accessors: employers(), contacts(), ... are the stores of store(type)")
    class Accessors {
        @TestFactory
        @DisplayName("each typed accessor holds its type, shares its records with store(type), and refuses writes in a read-only transaction")
        Stream<DynamicTest> typedAccessorsAreTheStores() {
            Parents parents = Writes.parents(storage);
            return Arrays.stream(StorageTransaction.class.getMethods())
                    .filter(m -> m.getParameterCount() == 0 && m.getReturnType() == AggregateStore.class && !Modifier.isStatic(m.getModifiers()))
                    .sorted(java.util.Comparator.comparing(Method::getName))
                    .map(m -> dynamicTest(m.getName() + "()", () -> accessorIsTheStore(m, parents)));
        }
    }

    private void accessorIsTheStore(Method accessor, Parents parents) {
        AggregateStore<?, ?, ?> store = storage.read(tx -> invoke(accessor, tx));
        assertThat(Kinds.ALL.stream().<Object>map(Kind::type).toList()).as("the type %s() holds", accessor.getName()).contains(store.type());
        accessorIsTheStore(accessor, Kinds.of(store.type()), parents);
    }

    @SuppressWarnings("unchecked")
    private <I extends Id, T extends Aggregate<I>, F> void accessorIsTheStore(Method accessor, Kind<I, T, F> k, Parents parents) {
        T viaAccessor = k.typical().apply(parents);
        T viaStore = k.typical().apply(parents);
        storage.inTransaction(tx -> {
            ((AggregateStore<I, T, F>) invoke(accessor, tx)).save(viaAccessor, 0);
            tx.store(k.type()).save(viaStore, 0);
            assertThat(tx.store(k.type()).find(viaAccessor.id())).as("store(%s) finds what %s() saved", k.name(), accessor.getName()).contains(viaAccessor);
            assertThat(((AggregateStore<I, T, F>) invoke(accessor, tx)).find(viaStore.id())).as("%s() finds what store(%s) saved",
                    accessor.getName(), k.name()).contains(viaStore);
            return null;
        });
        assertThat(find(k, viaAccessor.id())).as("what %s() saved, after the commit", accessor.getName()).contains(viaAccessor);
        T refused = k.typical().apply(parents);
        assertThatExceptionOfType(IllegalStateException.class).as("a save through %s() in a read-only transaction", accessor.getName())
                .isThrownBy(() -> storage.read(tx -> {
                    ((AggregateStore<I, T, F>) invoke(accessor, tx)).save(refused, 0);
                    return null;
                }));
        assertThat(find(k, refused.id())).isEmpty();
    }

    private static AggregateStore<?, ?, ?> invoke(Method accessor, StorageTransaction tx) {
        try {
            return (AggregateStore<?, ?, ?>) accessor.invoke(tx);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Unique keys in a saveAll batch: the outcome of one save after another")
    class BatchKeys {
        @TestFactory
        @DisplayName("a batch saving a taken key, or one key twice, throws ConflictException and keeps nothing; a key moved away earlier in the batch is free later in it")
        Stream<DynamicTest> keysInBatches() {
            return Kinds.ALL.stream().flatMap(k -> k.type().uniqueKeys().stream()
                    .map(key -> dynamicTest(k.name() + "." + key.field(), () -> keysInOneBatch(k, key.field()))));
        }
    }

    private <I extends Id, T extends Aggregate<I>, F> void keysInOneBatch(Kind<I, T, F> k, String field) {
        Parents parents = Writes.parents(storage);
        T holder = insert(k, k.spec().withKey(k.typical().apply(parents), field, 10, false));
        T fresh = k.typical().apply(parents);
        T clash = k.spec().withKey(k.typical().apply(parents), field, 10, false);
        assertThatExceptionOfType(ConflictException.class).as("a batch of %s saving the taken %s", k.name(), field)
                .isThrownBy(() -> saveAll(k, List.of(new Save<>(fresh, 0), new Save<>(clash, 0))));
        assertThat(find(k, fresh.id())).as("%s of the failed batch", k.name()).isEmpty();
        assertThat(find(k, clash.id())).as("%s with the taken %s", k.name(), field).isEmpty();
        T a = k.spec().withKey(k.typical().apply(parents), field, 11, false);
        T b = k.spec().withKey(k.typical().apply(parents), field, 11, false);
        assertThatExceptionOfType(ConflictException.class).as("a batch of two %s with one %s", k.name(), field)
                .isThrownBy(() -> saveAll(k, List.of(new Save<>(a, 0), new Save<>(b, 0))));
        assertThat(find(k, a.id())).as("the first %s of the failed batch", k.name()).isEmpty();
        T moved = k.spec().withKey(k.nextVersion(holder), field, 12, false);
        T taker = k.spec().withKey(k.typical().apply(parents), field, 10, false);
        saveAll(k, List.of(new Save<>(moved, 1), new Save<>(taker, 0)));
        assertThat(find(k, holder.id())).as("%s that moved to another %s in the batch", k.name(), field).contains(moved);
        assertThat(find(k, taker.id())).as("%s that took the freed %s later in the batch", k.name(), field).contains(taker);
    }

    private <I extends Id, T extends Aggregate<I>, F> void saveAll(Kind<I, T, F> k, List<Save<T>> saves) {
        storage.inTransaction(tx -> {
            k.store().apply(tx).saveAll(saves);
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Search looks at every part of the searchable text")
    class SearchEveryField {
        @TestFactory
        @DisplayName("a record with every field set is found by the first and the last word of each part of its searchable text")
        Stream<DynamicTest> everyPart() {
            Parents parents = Writes.parents(storage);
            return perKind(k -> everyPartIsSearchable(k, parents));
        }
    }

    private <I extends Id, T extends Aggregate<I>, F> void everyPartIsSearchable(Kind<I, T, F> k, Parents parents) {
        T full = insert(k, k.full().apply(parents));
        Set<String> words = new LinkedHashSet<>();
        for (String part : k.type().searchableText(full, Reader.EVERYONE).split("\n")) {
            List<String> tokens = SearchTerms.tokens(part).stream().filter(t -> t.length() >= SearchTerms.MIN_WORD).toList();
            if (!tokens.isEmpty()) {
                words.add(tokens.get(0));
                words.add(tokens.get(tokens.size() - 1));
            }
        }
        assertThat(words).as("kit self-check: the full %s has searchable words", k.name()).isNotEmpty();
        for (String word : words.stream().limit(24).toList()) {
            assertThat(search(k, word, Reader.EVERYONE)).as("%s search for '%s', a word of its searchable text", k.name(), word).contains(full);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Filters select by the values stored now")
    class FilterUpdates {
        @TestFactory
        @DisplayName("after each record of a filter data set is updated to another's field values, every filter selects by the new values, in query and count")
        Stream<DynamicTest> filtersAfterUpdates() {
            return FilterScenarios.all().stream().map(s -> dynamicTest(s.filterName(), () -> filtersFollowUpdates(s)));
        }
    }

    private <I extends Id, T extends Aggregate<I>, F> void filtersFollowUpdates(FilterScenario<I, T, F> s) {
        Kind<I, T, F> k = s.kind();
        FilterScenario.Prepared<T, F> p = s.setUp().apply(storage);
        List<T> records = p.records();
        List<T> moved = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            T stored = records.get(i);
            T next = k.restamp().apply(k.withId().apply(records.get((i + 1) % records.size()), stored.id()), stored.stamp().next(Fixtures.NOW));
            for (var key : k.type().uniqueKeys()) {
                next = k.spec().withKey(next, key.field(), 100 + i, false);
            }
            moved.add(next);
        }
        storage.inTransaction(tx -> {
            for (int i = 0; i < moved.size(); i++) {
                k.store().apply(tx).save(moved.get(i), records.get(i).version());
            }
            return null;
        });
        for (FilterScenario.Case<F> c : p.cases()) {
            List<T> expected = moved.stream().filter(r -> s.matches().test(c.filter(), r)).toList();
            assertThat(allOf(k, c.filter(), 3)).as("%s query with %s = %s after the updates", k.name(), c.field(), c.value())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(count(k, c.filter())).as("%s count with %s = %s after the updates", k.name(), c.field(), c.value()).isEqualTo(expected.size());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("Batched appends to the audit and event logs: like one append after another")
    class LogBatches {
        @Test
        @DisplayName("audit entries appended with appendAll come back equal, in id order; a batch with a logged id throws ConflictException and keeps nothing")
        void auditBatches() {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                entries.add(i == 0 ? AuditEntries.aFullAuditEntry().build() : AuditEntries.anAuditEntry().build());
            }
            List<AuditEntry> shuffled = new ArrayList<>(entries);
            Collections.shuffle(shuffled, new Random(6));
            storage.inTransaction(tx -> {
                tx.audit().appendAll(shuffled);
                return null;
            });
            assertThat(auditEntries()).as("entries of one appendAll").containsExactlyElementsOf(entries);
            AuditEntry fresh = AuditEntries.anAuditEntry().build();
            AuditEntry again = AuditEntries.anAuditEntry().withId(entries.get(2).id()).withDetail("another entry with a logged id").build();
            assertThatExceptionOfType(ConflictException.class).as("appendAll with a logged id").isThrownBy(() -> storage.inTransaction(tx -> {
                tx.audit().appendAll(List.of(fresh, again));
                return null;
            }));
            assertThat(auditEntries()).as("entries after the refused batch").containsExactlyElementsOf(entries);
        }

        @Test
        @DisplayName("events appended with appendAll are read back in the order of the batch, after those appended before")
        void eventBatches() {
            assumeCapability(Capability.EVENT_LOG);
            DomainEvent first = Events.created(AggregateTypes.EMPLOYER);
            storage.inTransaction(tx -> {
                tx.events().append(first);
                return null;
            });
            List<DomainEvent> batch = Events.oneOfEach();
            storage.inTransaction(tx -> {
                tx.events().appendAll(batch);
                return null;
            });
            List<DomainEvent> expected = new ArrayList<>(List.of(first));
            expected.addAll(batch);
            List<StoredEvent> stored = storage.read(tx -> tx.events().after(0, 100));
            assertThat(stored).extracting(StoredEvent::event).containsExactlyElementsOf(expected);
        }
    }

    private List<AuditEntry> auditEntries() {
        return Paging.all("audit query", 2, p -> storage.read(tx -> tx.audit().query(AuditFilter.ALL, p)), AuditEntry::id);
    }

    // ---------------------------------------------------------------------------------------------------------------
    @Nested
    @DisplayName("A nested unit that fails on a contract exception is undone alone")
    class NestedConflicts {
        @Test
        @DisplayName("a nested unit whose stale save throws ConflictException is undone; the outer work that caught it commits its own writes")
        void staleSaveInANestedUnit() {
            Employer stored = insertEmployer();
            Employer outer = Employers.anEmployer().build();
            Employer inner = Employers.anEmployer().build();
            Employer stale = stored.withLegalName("A stale edit").withStamp(stored.stamp().next(Fixtures.NOW).next(Fixtures.NOW));
            storage.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                assertThatExceptionOfType(ConflictException.class).as("the nested unit's stale save").isThrownBy(() -> storage.inTransaction(tx2 -> {
                    tx2.employers().save(inner, 0);
                    tx2.employers().save(stale, 2);
                    return null;
                }));
                return null;
            });
            assertThat(findEmployer(outer)).as("the outer write").contains(outer);
            assertThat(findEmployer(inner)).as("the failed nested unit's insert").isEmpty();
            assertThat(findEmployer(stored)).as("the record of the stale save").contains(stored);
        }

        @Test
        @DisplayName("a nested unit whose insert of a taken unique key throws ConflictException is undone; the outer work carries on and commits")
        void takenKeyInANestedUnit() {
            Employer holder = insertEmployer();
            Employer outer = Employers.anEmployer().build();
            Employer taker = Employers.anEmployer().withFein(holder.fein()).build();
            Employer after = Employers.anEmployer().build();
            storage.inTransaction(tx -> {
                tx.employers().save(outer, 0);
                assertThatExceptionOfType(ConflictException.class).as("the nested unit's taken FEIN").isThrownBy(() -> storage.inTransaction(tx2 -> {
                    tx2.employers().save(taker, 0);
                    return null;
                }));
                tx.employers().save(after, 0);
                assertThat(tx.employers().count(org.sectorcrm.core.employer.EmployerFilter.ALL)).as("employers inside the outer transaction").isEqualTo(3);
                return null;
            });
            assertThat(findEmployer(outer)).contains(outer);
            assertThat(findEmployer(after)).as("a write after the failed nested unit").contains(after);
            assertThat(findEmployer(taker)).isEmpty();
            assertThat(storage.<List<Employer>>read(tx -> tx.employers().query(org.sectorcrm.core.employer.EmployerFilter.ALL, PageRequest.first(10)).items()))
                    .containsExactlyInAnyOrder(holder, outer, after);
        }
    }
}
