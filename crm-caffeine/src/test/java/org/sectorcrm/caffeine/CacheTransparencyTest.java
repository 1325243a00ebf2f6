package org.sectorcrm.caffeine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * With one node, the cache is invisible: any sequence of inserts, updates (current or stale), deletes,
 * rolled-back writes, inner units undone by their savepoint and reads gives the same results and the same errors
 * through a small cache as on the bare store, and every read afterwards agrees.
 */
class CacheTransparencyTest {
    private static final List<EmployerId> IDS = List.of(
            new EmployerId(UUID.fromString("01930000-0000-7000-8000-00000000000a")),
            new EmployerId(UUID.fromString("01930000-0000-7000-8000-00000000000b")),
            new EmployerId(UUID.fromString("01930000-0000-7000-8000-00000000000c")));

    /** One step; {@code key} picks one of {@link #IDS}. */
    sealed interface Action {
        int key();
    }

    record Insert(int key, int name) implements Action {
    }

    record Update(int key, int name) implements Action {
    }

    /** An update over the version before the stored one (or over a version that never was). */
    record StaleUpdate(int key) implements Action {
    }

    record Delete(int key) implements Action {
    }

    record RolledBackUpdate(int key, int name) implements Action {
    }

    record Read(int key) implements Action {
    }

    /**
     * In one transaction, an inner unit deletes the employer (or inserts it when absent) and throws; the outer work
     * catches it, reads the employer, and then (when {@code outerWrites}) updates or inserts it itself.
     */
    record UndoneInnerUnit(int key, int name, boolean outerWrites) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> key = Arbitraries.integers().between(0, IDS.size() - 1);
        Arbitrary<Integer> name = Arbitraries.integers().between(1, 1000);
        Arbitrary<Action> action = Arbitraries.oneOf(
                Combinators.combine(key, name).as(Insert::new),
                Combinators.combine(key, name).as(Update::new),
                key.map(StaleUpdate::new),
                key.map(Delete::new),
                Combinators.combine(key, name).as(RolledBackUpdate::new),
                key.map(Read::new),
                key.map(Read::new),
                Combinators.combine(key, name, Arbitraries.of(true, false)).as(UndoneInnerUnit::new));
        return action.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 150)
    void aCacheOverOneNodeChangesNothing(@ForAll("actions") List<Action> actions) {
        CrmStorage bare = new InMemoryCrmStorage();
        CrmStorage cached = CachingCrmStorage.builder().delegate(new InMemoryCrmStorage()).maximumSize(2).executor(Runnable::run).build();

        for (int step = 0; step < actions.size(); step++) {
            Action action = actions.get(step);
            Optional<Employer> current = read(bare, IDS.get(action.key()));
            assertThat(apply(cached, action, current)).as("step %s: %s", step, action).isEqualTo(apply(bare, action, current));
            for (EmployerId id : IDS) {
                assertThat(read(cached, id)).as("after step %s: %s, employer %s", step, action, id).isEqualTo(read(bare, id));
            }
        }
    }

    /** What the action returned or threw; {@code current} is the stored employer before it. */
    private static String apply(CrmStorage storage, Action action, Optional<Employer> current) {
        EmployerId id = IDS.get(action.key());
        long version = current.map(Employer::version).orElse(0L);
        try {
            if (action instanceof Insert insert) {
                return write(storage, employer(id, insert.name(), 1), 0);
            } else if (action instanceof Update update) {
                return write(storage, employer(id, update.name(), version + 1), Math.max(version, 1));
            } else if (action instanceof StaleUpdate) {
                return write(storage, employer(id, 0, version), Math.max(version - 1, 1));
            } else if (action instanceof Delete) {
                return storage.inTransaction(tx -> {
                    tx.employers().delete(id, Math.max(version, 1));
                    return "deleted";
                });
            } else if (action instanceof RolledBackUpdate rolledBack) {
                return storage.inTransaction(tx -> {
                    tx.employers().save(employer(id, rolledBack.name(), version + 1), version);
                    throw new IllegalStateException("rolled back");
                });
            } else if (action instanceof UndoneInnerUnit undone) {
                return undoneInnerUnit(storage, id, undone, current);
            } else {
                return read(storage, id).toString();
            }
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String undoneInnerUnit(CrmStorage storage, EmployerId id, UndoneInnerUnit undone, Optional<Employer> current) {
        return storage.inTransaction(outer -> {
            String inner;
            try {
                inner = storage.inTransaction(tx -> {
                    if (current.isPresent()) {
                        tx.employers().delete(id, current.get().version());
                    } else {
                        tx.employers().save(employer(id, undone.name(), 1), 0);
                    }
                    throw new IllegalStateException("the inner unit fails");
                });
            } catch (IllegalStateException e) {
                inner = e.getMessage();
            }
            Optional<Employer> seen = outer.employers().find(id);
            if (undone.outerWrites()) {
                long version = seen.map(Employer::version).orElse(0L);
                outer.employers().save(employer(id, undone.name(), version + 1), version);
            }
            return inner + "; then the outer unit saw " + seen;
        });
    }

    private static String write(CrmStorage storage, Employer employer, long expectedVersion) {
        return storage.inTransaction(tx -> {
            tx.employers().save(employer, expectedVersion);
            return "saved v" + employer.version();
        });
    }

    private static Optional<Employer> read(CrmStorage storage, EmployerId id) {
        return storage.read(tx -> tx.employers().find(id));
    }

    private static Employer employer(EmployerId id, int name, long version) {
        return Employers.aMinimalEmployer().withId(id).named("Employer " + name)
                .withStamp(new Stamp(Math.max(version, 1), Fixtures.NOW, Fixtures.NOW, Fixtures.CREATOR)).build();
    }
}
