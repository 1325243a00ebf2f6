package org.sectorcrm.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.AggregateStore.Save;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.CrmStorage;

/**
 * The contract of {@code AggregateStore.saveAll} for one type: the outcome of one save after another, every field
 * round-tripping; a save of the batch that would fail makes the batch throw what that save throws, and the
 * transaction it fails leaves nothing of the batch.
 */
public final class BatchChecks {
    private static final int SIZE = 5;

    private BatchChecks() {
    }

    /** Inserts, then updates of the same records: each is found equal to what the batch saved, and by search by its words of then. */
    public static <I extends Id, T extends Aggregate<I>, F> void insertsAndUpdatesRoundTrip(CrmStorage storage, Kind<I, T, F> k, Parents parents) {
        String before = word();
        String after = word();
        List<T> first = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            first.add(k.spec().withText(k.typical().apply(parents), "Batched " + before));
        }
        saveAll(storage, k, first.stream().map(t -> new Save<>(t, 0)).toList());
        for (T t : first) {
            assertThat(find(storage, k, t.id())).as("%s %s after saveAll inserted it", k.name(), t.id()).contains(t);
        }
        assertThat(search(storage, k, before)).as("%s search for the words of a batch of inserts", k.name()).containsExactlyInAnyOrderElementsOf(first);
        List<T> second = first.stream().map(t -> k.spec().withText(k.nextVersion(t), "Rebatched " + after)).toList();
        saveAll(storage, k, second.stream().map(t -> new Save<>(t, t.version() - 1)).toList());
        for (T t : second) {
            assertThat(find(storage, k, t.id())).as("%s %s after saveAll updated it", k.name(), t.id()).contains(t);
        }
        assertThat(search(storage, k, after)).as("%s search for the new words of a batch of updates", k.name()).containsExactlyInAnyOrderElementsOf(second);
        assertThat(search(storage, k, before)).as("%s search for words a batch of updates replaced", k.name()).isEmpty();
        long count = storage.read(tx -> k.store().apply(tx).count(k.all()));
        assertThat(count).as("%s count after two batches", k.name()).isGreaterThanOrEqualTo(SIZE);
    }

    /** A stale update in the middle of a batch throws ConflictException; the failed transaction keeps none of the batch. */
    public static <I extends Id, T extends Aggregate<I>, F> void staleSaveFailsTheBatch(CrmStorage storage, Kind<I, T, F> k, Parents parents) {
        T stored = k.typical().apply(parents);
        storage.inTransaction(tx -> {
            k.store().apply(tx).save(stored, 0);
            return null;
        });
        T fresh1 = k.typical().apply(parents);
        T fresh2 = k.typical().apply(parents);
        T stale = k.restamp().apply(k.change().apply(stored), stored.stamp().next(stored.stamp().updatedAt().plusSeconds(5)).next(stored.stamp().updatedAt().plusSeconds(6)));
        List<Save<T>> batch = List.of(new Save<>(fresh1, 0), new Save<>(stale, stale.version() - 1), new Save<>(fresh2, 0));
        assertThatExceptionOfType(ConflictException.class).as("saveAll of %s with a save over a version that is not stored", k.name())
                .isThrownBy(() -> saveAll(storage, k, batch))
                .satisfies(e -> assertThat(e.currentVersion()).as("ConflictException.currentVersion()").hasValue(stored.version()));
        assertThat(find(storage, k, fresh1.id())).as("%s inserted before the stale save of the failed batch", k.name()).isEmpty();
        assertThat(find(storage, k, fresh2.id())).as("%s inserted after the stale save of the failed batch", k.name()).isEmpty();
        assertThat(find(storage, k, stored.id())).as("%s the failed batch tried to update", k.name()).contains(stored);
    }

    /** An insert of an id that exists throws ConflictException carrying the stored version. */
    public static <I extends Id, T extends Aggregate<I>, F> void duplicateInsertFailsTheBatch(CrmStorage storage, Kind<I, T, F> k, Parents parents) {
        T stored = k.typical().apply(parents);
        storage.inTransaction(tx -> {
            k.store().apply(tx).save(stored, 0);
            return null;
        });
        T fresh = k.typical().apply(parents);
        T again = k.change().apply(stored);
        assertThatExceptionOfType(ConflictException.class).as("saveAll of %s inserting an id that exists", k.name())
                .isThrownBy(() -> saveAll(storage, k, List.of(new Save<>(fresh, 0), new Save<>(again, 0))))
                .satisfies(e -> assertThat(e.currentVersion()).as("ConflictException.currentVersion()").hasValue(stored.version()));
        assertThat(find(storage, k, fresh.id())).as("%s of the failed batch", k.name()).isEmpty();
        assertThat(find(storage, k, stored.id())).as("%s after the refused insert", k.name()).contains(stored);
    }

    /** The same id twice in one batch is a bug of the caller. */
    public static <I extends Id, T extends Aggregate<I>, F> void sameIdTwiceIsRefused(CrmStorage storage, Kind<I, T, F> k, Parents parents) {
        T one = k.typical().apply(parents);
        assertThatExceptionOfType(IllegalArgumentException.class).as("saveAll of %s saving one id twice", k.name())
                .isThrownBy(() -> saveAll(storage, k, List.of(new Save<>(one, 0), new Save<>(k.change().apply(one), 0))));
        assertThat(find(storage, k, one.id())).as("%s of the refused batch", k.name()).isEmpty();
    }

    private static <I extends Id, T extends Aggregate<I>, F> void saveAll(CrmStorage storage, Kind<I, T, F> k, List<Save<T>> saves) {
        storage.inTransaction(tx -> {
            k.store().apply(tx).saveAll(saves);
            return null;
        });
    }

    private static final java.util.concurrent.atomic.AtomicLong WORDS = new java.util.concurrent.atomic.AtomicLong();

    /** A word no other record holds: letters only, as some engines split digits off. */
    static String word() {
        long n = WORDS.incrementAndGet();
        StringBuilder sb = new StringBuilder("batchq");
        do {
            sb.append((char) ('a' + (n % 26)));
            n /= 26;
        } while (n > 0);
        return sb.toString();
    }

    private static <I extends Id, T extends Aggregate<I>, F> List<T> search(CrmStorage storage, Kind<I, T, F> k, String word) {
        SearchTerms terms = SearchTerms.parse(word);
        return Paging.all(k.name() + " search '" + word + "'", 2, p -> storage.read(tx -> k.store().apply(tx).search(terms, Reader.EVERYONE, p)),
                Aggregate::id);
    }

    private static <I extends Id, T extends Aggregate<I>, F> java.util.Optional<T> find(CrmStorage storage, Kind<I, T, F> k, I id) {
        return storage.read(tx -> k.store().apply(tx).find(id));
    }
}
