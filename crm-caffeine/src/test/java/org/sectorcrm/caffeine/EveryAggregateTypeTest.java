package org.sectorcrm.caffeine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Records;

/**
 * The cache covers every type of {@link AggregateTypes#all()} through the one primitive {@code store(type)}, with no
 * list of types of its own: a type added tomorrow is cached the day it exists. Per-type sizes are keyed by descriptor.
 */
class EveryAggregateTypeTest {
    private final InMemoryCrmStorage database = new InMemoryCrmStorage();

    /** An id of {@code type} that no record has: generated, or a code for the types whose ids people choose. */
    private static <I extends Id> I absentId(AggregateType<I, ?, ?> type) {
        return Records.absentId(type);
    }

    private static <I extends Id, T extends Aggregate<I>, F> Optional<T> find(CrmStorage storage, AggregateType<I, T, F> type, I id) {
        return storage.read(tx -> tx.store(type).find(id));
    }

    private static <I extends Id, T extends Aggregate<I>, F> Optional<T> findAbsent(CrmStorage storage, AggregateType<I, T, F> type) {
        return find(storage, type, absentId(type));
    }

    /** Saves a typical record of {@code type} in the database, then finds it through the cache twice: once loaded, once a hit. */
    private <I extends Id, T extends Aggregate<I>, F> void storedThenCached(CachingCrmStorage cached, AggregateType<I, T, F> type, Employer employer,
            Partner partner) {
        T record = Records.typical(type, employer.id(), partner.id());
        database.inTransaction(tx -> {
            tx.store(type).save(record, 0);
            return null;
        });
        long loads = cached.stats().loadSuccessCount();
        long hits = cached.stats().hitCount();

        assertThat(find(cached, type, record.id())).as("%s, loaded", type).contains(record);
        assertThat(find(cached, type, record.id())).as("%s, from the cache", type).contains(record);

        assertThat(cached.stats().loadSuccessCount()).as("%s loaded once", type).isEqualTo(loads + 1);
        assertThat(cached.stats().hitCount()).as("%s served from the cache", type).isEqualTo(hits + 1);
    }

    private static <I extends Id, T extends Aggregate<I>, F> void deleteAbsent(StorageTransaction tx, AggregateType<I, T, F> type) {
        tx.store(type).delete(absentId(type), 1);
    }

    @Test
    @DisplayName("a find of every type goes through the cache, and reaches the delegate's store of that type")
    void everyTypeGoesThroughTheCache() {
        List<String> delegateFinds = new ArrayList<>();
        CrmStorage recording = new ForwardingStorage(database) {
            @Override
            public <R> R read(TransactionWork<R> work) {
                return target.read(tx -> work.run(new ForwardingStorageTransaction(tx) {
                    @Override
                    public <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type) {
                        return new ForwardingAggregateStore<>(super.store(type)) {
                            @Override
                            public Optional<T> find(I id) {
                                delegateFinds.add(type.key());
                                return super.find(id);
                            }
                        };
                    }
                }));
            }
        };
        CachingCrmStorage cached = CachingCrmStorage.builder().delegate(recording).executor(Runnable::run).build();

        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThat(findAbsent(cached, type)).as("%s", type).isEmpty();
        }

        assertThat(delegateFinds).containsExactlyElementsOf(AggregateTypes.all().stream().map(AggregateType::key).toList());
        assertThat(cached.stats().missCount()).isEqualTo(AggregateTypes.all().size());
        assertThat(cached.stats().loadFailureCount()).as("finds that found nothing").isEqualTo(AggregateTypes.all().size());
    }

    @Test
    @DisplayName("a stored record of every type is loaded once, then served from the cache")
    void everyTypeIsServedFromTheCache() {
        CachingCrmStorage cached = CachingCrmStorage.builder().delegate(database).executor(Runnable::run).build();
        // The parents that the records of the other types reference, stored first where references are enforced.
        Employer employer = Employers.anEmployer().build();
        Partner partner = Partners.aPartner().build();
        database.inTransaction(tx -> {
            tx.employers().save(employer, 0);
            tx.partners().save(partner, 0);
            return null;
        });

        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            storedThenCached(cached, type, employer, partner);
        }

        assertThat(cached.estimatedSize()).isEqualTo(AggregateTypes.all().size());
    }

    @Test
    @DisplayName("a read-only transaction's store of every type refuses writes")
    void everyTypeRefusesWritesInARead() {
        CachingCrmStorage cached = CachingCrmStorage.builder().delegate(database).build();

        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThatThrownBy(() -> cached.read(tx -> {
                deleteAbsent(tx, type);
                return null;
            })).as("%s", type).isInstanceOf(IllegalStateException.class).hasMessage("this is a read-only transaction");
        }
    }

    @Test
    @DisplayName("a type with a size of 0 of its own is not cached; the other types still are")
    void aTypeNotCached() {
        CachingCrmStorage cached = CachingCrmStorage.builder().delegate(database).maximumSize(AggregateTypes.EMPLOYER, 0).executor(Runnable::run).build();
        Employer acme = Employers.anEmployer().named("Acme").build();
        Contact lee = Contacts.aContact().at(acme.id()).named("Pat", "Lee").build();
        cached.inTransaction(tx -> {
            tx.employers().save(acme, 0);
            tx.contacts().save(lee, 0);
            return null;
        });

        for (int i = 0; i < 3; i++) {
            assertThat(find(cached, AggregateTypes.EMPLOYER, acme.id())).contains(acme);
            assertThat(find(cached, AggregateTypes.CONTACT, lee.id())).contains(lee);
        }

        assertThat(cached.stats().hitCount()).as("the contact's second and third finds").isEqualTo(2);
        assertThat(cached.estimatedSize()).isEqualTo(1);
    }

    @Test
    @DisplayName("a type with a size of its own is kept apart: many reads of another type do not evict it")
    void aTypeOfItsOwn() {
        CachingCrmStorage cached = CachingCrmStorage.builder().delegate(database).maximumSize(3).maximumSize(AggregateTypes.CONTACT, 1)
                .executor(Runnable::run).build();
        Employer acme = Employers.anEmployer().named("Acme").build();
        Contact lee = Contacts.aContact().at(acme.id()).named("Pat", "Lee").build();
        List<Employer> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(Employers.anEmployer().named("Employer " + i).build());
        }
        cached.inTransaction(tx -> {
            tx.employers().save(acme, 0);
            tx.contacts().save(lee, 0);
            for (Employer e : others) {
                tx.employers().save(e, 0);
            }
            return null;
        });
        assertThat(find(cached, AggregateTypes.CONTACT, lee.id())).contains(lee);

        for (Employer e : others) {
            assertThat(find(cached, AggregateTypes.EMPLOYER, e.id())).contains(e);
        }
        long hits = cached.stats().hitCount();
        assertThat(find(cached, AggregateTypes.CONTACT, lee.id())).contains(lee);

        assertThat(cached.stats().hitCount()).as("the contact is still cached").isEqualTo(hits + 1);
        assertThat(cached.estimatedSize()).as("3 employers in the shared cache, the contact in its own").isEqualTo(4);
    }
}
