package org.sectorcrm.tck;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.internal.ModelHarness;
import org.sectorcrm.tck.internal.Program;
import org.sectorcrm.tck.internal.Program.Delete;
import org.sectorcrm.tck.internal.Program.Entity;
import org.sectorcrm.tck.internal.Program.Find;
import org.sectorcrm.tck.internal.Program.Insert;
import org.sectorcrm.tck.internal.Program.Mode;
import org.sectorcrm.tck.internal.Program.Query;
import org.sectorcrm.tck.internal.Program.Search;
import org.sectorcrm.tck.internal.Program.Step;
import org.sectorcrm.tck.internal.Program.Transaction;
import org.sectorcrm.tck.internal.Program.Update;
import org.sectorcrm.tck.internal.Program.Write;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Model-based properties: random sequences of operations (inserts, updates with the right and with stale
 * versions, deletes, transactions that commit or roll back midway, queries with random filters and page sizes,
 * finds and searches) applied both to the store under test and to the reference, {@link InMemoryCrmStorage},
 * give the same observable results. Search is compared with its guarantee only: the store under test returns
 * every record the reference finds (it may return more), only real records, and never an engagement because of
 * a note its reader may not read.
 *
 * <p>jqwik is its own test engine, so a vendor writes a second small test class:
 * <pre>{@code
 * class AcmeCrmStorageModelTest extends CrmStorageModelProperties {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return new AcmeCrmStorage(freshEmptyDatabase());
 *     }
 * }
 * }</pre>
 * Every try gets a fresh, empty storage and closes it afterwards. Tries and sequence lengths are bounded so that a
 * run takes seconds on an in-memory or embedded store; a failing run reports the shrunk sequence of steps.
 */
public abstract class CrmStorageModelProperties {

    /** A new, empty storage; called once per try and closed after it. */
    protected abstract CrmStorage createStorage();

    @Property(tries = 50)
    @Label("random operation sequences give the results the in-memory reference gives")
    public void behavesLikeTheReference(@ForAll("programs") Program program) {
        try (CrmStorage reference = new InMemoryCrmStorage(); CrmStorage tested = createStorage()) {
            new ModelHarness(reference, tested, program.seed(), CrmStorageModelProperties::collect).run(program);
        }
    }

    @Property(tries = 50)
    @Label("transactions that fail midway leave both stores as they were")
    public void failedTransactionsLeaveNothing(@ForAll("transactionHeavyPrograms") Program program) {
        try (CrmStorage reference = new InMemoryCrmStorage(); CrmStorage tested = createStorage()) {
            new ModelHarness(reference, tested, program.seed(), CrmStorageModelProperties::collect).run(program);
        }
    }

    /** Reported by jqwik after each property: which outcomes the run covered (conflicts, rollbacks, hits). */
    private static void collect(String outcome) {
        Statistics.label("step outcomes in the reference").collect(outcome);
    }

    @Provide
    public Arbitrary<Program> programs() {
        return programs(Arbitraries.frequencyOf(Tuple.of(6, inserts()), Tuple.of(4, updates()), Tuple.of(2, deletes()), Tuple.of(2, transactions()),
                Tuple.of(3, queries()), Tuple.of(1, finds()), Tuple.of(2, searches())), 30);
    }

    @Provide
    public Arbitrary<Program> transactionHeavyPrograms() {
        return programs(Arbitraries.frequencyOf(Tuple.of(3, inserts()), Tuple.of(1, updates()), Tuple.of(5, transactions()), Tuple.of(1, queries())), 15);
    }

    /** Programs start with two employers, so contacts and engagements have somewhere to belong from the first step. */
    private static Arbitrary<Program> programs(Arbitrary<Step> steps, int maxSteps) {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(),
                steps.list().ofMinSize(1).ofMaxSize(maxSteps).withSizeDistribution(RandomDistribution.uniform()))
                .as((seed, first, second, rest) -> {
                    List<Step> all = new ArrayList<>(List.of(new Insert(Entity.EMPLOYER, first), new Insert(Entity.EMPLOYER, second)));
                    all.addAll(rest);
                    return new Program(seed, all);
                });
    }

    private static Arbitrary<Entity> entities() {
        // Employers first: contacts and engagements need one to belong to.
        return Arbitraries.frequency(Tuple.of(3, Entity.EMPLOYER), Tuple.of(2, Entity.CONTACT), Tuple.of(2, Entity.ENGAGEMENT));
    }

    private static Arbitrary<Step> inserts() {
        return Combinators.combine(entities(), Arbitraries.longs()).as(Insert::new);
    }

    private static Arbitrary<Step> updates() {
        return Combinators.combine(entities(), picks(), Arbitraries.longs(), modes()).as(Update::new);
    }

    private static Arbitrary<Step> deletes() {
        return Combinators.combine(entities(), picks(), modes()).as(Delete::new);
    }

    private static Arbitrary<Step> transactions() {
        Arbitrary<Write> write = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(entities(), Arbitraries.longs()).as(Insert::new)),
                Tuple.of(2, Combinators.combine(entities(), picks(), Arbitraries.longs(), modes()).as(Update::new)),
                Tuple.of(1, Combinators.combine(entities(), picks(), modes()).as(Delete::new)));
        return Combinators.combine(write.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(true, false)).as(Transaction::new);
    }

    private static Arbitrary<Step> queries() {
        return Combinators.combine(entities(), Arbitraries.longs(), pageSizes()).as(Query::new);
    }

    private static Arbitrary<Step> finds() {
        return Combinators.combine(entities(), picks()).as(Find::new);
    }

    private static Arbitrary<Step> searches() {
        return Combinators.combine(entities(), Arbitraries.longs(), Arbitraries.integers().between(0, 2), pageSizes()).as(Search::new);
    }

    private static Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 50);
    }

    private static Arbitrary<Mode> modes() {
        return Arbitraries.frequency(Tuple.of(6, Mode.CORRECT), Tuple.of(3, Mode.STALE), Tuple.of(1, Mode.MISSING));
    }

    private static Arbitrary<Integer> pageSizes() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(1, 4)), Tuple.of(1, Arbitraries.of(1000)));
    }
}
