package org.sectorcrm.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.internal.Kind;
import org.sectorcrm.tck.internal.ModelData;
import org.sectorcrm.tck.internal.ModelHarness;
import org.sectorcrm.tck.internal.Program;
import org.sectorcrm.tck.internal.Program.Delete;
import org.sectorcrm.tck.internal.Program.Find;
import org.sectorcrm.tck.internal.Program.Insert;
import org.sectorcrm.tck.internal.Program.Mode;
import org.sectorcrm.tck.internal.Program.Nested;
import org.sectorcrm.tck.internal.Program.Op;
import org.sectorcrm.tck.internal.Program.Query;
import org.sectorcrm.tck.internal.Program.Report;
import org.sectorcrm.tck.internal.Program.Search;
import org.sectorcrm.tck.internal.Program.Step;
import org.sectorcrm.tck.internal.Program.Transaction;
import org.sectorcrm.tck.internal.Program.Update;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Model-based properties: random sequences of operations on records of every aggregate type (inserts, updates with
 * the right and with stale versions, deletes, finds, queries with the type's filters and random page sizes, counts,
 * searches, the report queries; transactions that read their own writes and commit or fail at the end; transactions
 * with a nested unit that fails and is caught) applied both to the store under test and to the reference,
 * {@link InMemoryCrmStorage}, give the same observable results. Search is compared with its guarantee only: the store
 * under test returns every record the reference finds (it may return more), only real records, and never a record
 * because of text its reader may not read (an engagement's note).
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
 * Every try gets a fresh, empty storage and closes it afterwards. Each program works on the types other types'
 * records point at (employers, partners) and three more types of {@code AggregateTypes.all()}, taken in turn, so that
 * its steps meet each other's records; every type is in about {@code 3 * tries / types} programs of every run. Tries and sequence lengths are bounded so that a run
 * takes seconds on an in-memory or embedded store (a try costs about ten write and forty read transactions); a failing
 * run reports the shrunk sequence of steps.
 */
public abstract class CrmStorageModelProperties {

    /** Which turn of {@link ModelData#othersOf} the next generated program takes. */
    private final AtomicInteger turn = new AtomicInteger();

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
    @Label("transactions that fail midway leave both stores as they were, and failed nested units exactly their own writes undone")
    public void failedTransactionsLeaveNothing(@ForAll("transactionHeavyPrograms") Program program) {
        try (CrmStorage reference = new InMemoryCrmStorage(); CrmStorage tested = createStorage()) {
            new ModelHarness(reference, tested, program.seed(), CrmStorageModelProperties::collect).run(program);
        }
    }

    @Property(tries = 15)
    @Label("merging two employers then unmerging them loses or duplicates no record and restores both employers")
    public void mergeThenUnmergeRestoresEverything(@ForAll("mergeScenarios") org.sectorcrm.tck.internal.MergeCheck.Scenario scenario) {
        try (CrmStorage tested = createStorage()) {
            org.sectorcrm.tck.internal.MergeCheck.run(tested, scenario);
        }
    }

    @Provide
    public Arbitrary<org.sectorcrm.tck.internal.MergeCheck.Scenario> mergeScenarios() {
        Arbitrary<Integer> few = Arbitraries.integers().between(0, 3);
        Arbitrary<List<String>> take = Arbitraries.of("legalName", "website", "region", "status", "employees").list().uniqueElements().ofMaxSize(3);
        return Combinators.combine(Arbitraries.longs(), few, few, few, few, Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((seed, ca, cb, ea, eb, nb, ma, mb) -> new Object[] {seed, ca, cb, ea, eb, nb, ma, mb})
                .flatMap(v -> Combinators.combine(take, Arbitraries.integers().between(0, 2)).as((t, files) -> new org.sectorcrm.tck.internal.MergeCheck.Scenario(
                        (Long) v[0], (Integer) v[1], (Integer) v[2], (Integer) v[3], (Integer) v[4], (Integer) v[5], (Boolean) v[6], (Boolean) v[7], t,
                        files)));
    }

    /** Reported by jqwik after each property: which outcomes the run covered (conflicts, rollbacks, hits). */
    private static void collect(String outcome) {
        Statistics.label("step outcomes in the reference").collect(outcome);
    }

    @Provide
    public Arbitrary<Program> programs() {
        return programs(kinds -> Arbitraries.frequencyOf(Tuple.of(6, inserts(kinds)), Tuple.of(4, updates(kinds)), Tuple.of(2, deletes(kinds)),
                Tuple.of(2, transactions(kinds, 1)), Tuple.of(1, nested(kinds)), Tuple.of(3, queries(kinds)), Tuple.of(1, finds(kinds)),
                Tuple.of(3, searches(kinds)), Tuple.of(2, reports())), 40);
    }

    @Provide
    public Arbitrary<Program> transactionHeavyPrograms() {
        return programs(kinds -> Arbitraries.frequencyOf(Tuple.of(3, inserts(kinds)), Tuple.of(1, updates(kinds)), Tuple.of(5, transactions(kinds, 3)),
                Tuple.of(2, nested(kinds)), Tuple.of(1, queries(kinds)), Tuple.of(1, reports())), 12);
    }

    /**
     * Programs over the parent kinds and three other kinds ({@link ModelData#othersOf}), each of which is as likely
     * to be a step's kind as all the parents together; they start with a transaction that saves two records of each,
     * so that updates, deletes, paged queries and searches meet records from the first step.
     *
     * <p>The other kinds are taken in turn by a counter of this instance (jqwik makes one per property), not drawn: so
     * every kind is in {@code 3 * tries / OTHER_KINDS.size()} programs of every run, and a run with a fixed seed
     * generates the same programs again.
     */
    private Arbitrary<Program> programs(Function<Arbitrary<Kind<?, ?, ?>>, Arbitrary<Step>> steps, int maxSteps) {
        List<Kind<?, ?, ?>> parents = ModelData.PARENT_KINDS;
        // A fixed value per generated program: Arbitraries.create would call the supplier again each time jqwik reads it.
        Arbitrary<Integer> turns = Arbitraries.fromGenerator(random -> Shrinkable.unshrinkable(turn.getAndIncrement()));
        return turns.withoutEdgeCases().flatMap(t -> {
            List<Kind<?, ?, ?>> others = ModelData.othersOf(t);
            List<Kind<?, ?, ?>> first = new ArrayList<>(parents);
            first.addAll(others);
            List<Tuple.Tuple2<Integer, Kind<?, ?, ?>>> weighted = new ArrayList<>();
            parents.forEach(k -> weighted.add(Tuple.of(1, k)));
            others.forEach(k -> weighted.add(Tuple.of(parents.size(), k)));
            return Combinators.combine(Arbitraries.longs(), Arbitraries.longs().list().ofSize(2 * first.size()),
                    // Without edge cases: jqwik would mix the steps' many edge cases (one-operation transactions, the last
                    // mode) into every other element, and the programs would be mostly those.
                    steps.apply(Arbitraries.frequency(weighted)).withoutEdgeCases().list().ofMinSize(1).ofMaxSize(maxSteps)
                            .withSizeDistribution(RandomDistribution.uniform()))
                    .as((seed, firsts, rest) -> {
                        List<Op> inserts = new ArrayList<>();
                        for (int i = 0; i < firsts.size(); i++) {
                            inserts.add(new Insert(first.get(i / 2), firsts.get(i)));
                        }
                        // One transaction: a commit costs a SQL store more than anything else a step does.
                        List<Step> all = new ArrayList<>(List.of(new Transaction(inserts, false, false)));
                        all.addAll(rest);
                        return new Program(seed, all);
                    });
        });
    }

    private static Arbitrary<Step> inserts(Arbitrary<Kind<?, ?, ?>> kinds) {
        return Combinators.combine(kinds, Arbitraries.longs()).as(Insert::new);
    }

    private static Arbitrary<Step> updates(Arbitrary<Kind<?, ?, ?>> kinds) {
        return Combinators.combine(kinds, picks(), Arbitraries.longs(), modes()).as(Update::new);
    }

    private static Arbitrary<Step> deletes(Arbitrary<Kind<?, ?, ?>> kinds) {
        return Combinators.combine(kinds, picks(), modes()).as(Delete::new);
    }

    private static Arbitrary<Step> finds(Arbitrary<Kind<?, ?, ?>> kinds) {
        return Combinators.combine(kinds, picks()).as(Find::new);
    }

    private static Arbitrary<Step> queries(Arbitrary<Kind<?, ?, ?>> kinds) {
        return Combinators.combine(kinds, Arbitraries.longs(), pageSizes()).as(Query::new);
    }

    private static Arbitrary<Step> searches(Arbitrary<Kind<?, ?, ?>> kinds) {
        // Readers 0..2 are the model's staff users, 3 is EVERYONE.
        return Combinators.combine(kinds, Arbitraries.longs(), Arbitraries.integers().between(0, 3), pageSizes()).as(Search::new);
    }

    private static Arbitrary<Step> reports() {
        // The model's engagements fall on ten days; ranges start a day before them and reach past them.
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 10)).as(Report::new);
    }

    /** Any operation, as a transaction's: writes (deletes included) and reads, which must see the writes before them. */
    private static Arbitrary<Op> ops(Arbitrary<Kind<?, ?, ?>> kinds) {
        return Arbitraries.frequencyOf(Tuple.of(3, inserts(kinds)), Tuple.of(2, updates(kinds)), Tuple.of(2, deletes(kinds)), Tuple.of(1, finds(kinds)),
                Tuple.of(1, queries(kinds)), Tuple.of(2, searches(kinds)), Tuple.of(1, reports())).map(Op.class::cast).withoutEdgeCases();
    }

    /** Transactions of one to six operations, failed at the end by their work {@code failing} times in {@code failing + 1}. */
    private static Arbitrary<Step> transactions(Arbitrary<Kind<?, ?, ?>> kinds, int failing) {
        return Combinators.combine(ops(kinds).list().ofMinSize(1).ofMaxSize(6), Arbitraries.frequency(Tuple.of(failing, true), Tuple.of(1, false)),
                Arbitraries.of(true, false)).as(Transaction::new);
    }

    /** A transaction with a nested unit between its own operations; the unit mostly fails, and the outer work catches it. */
    private static Arbitrary<Step> nested(Arbitrary<Kind<?, ?, ?>> kinds) {
        return Combinators.combine(ops(kinds).list().ofMaxSize(2), ops(kinds).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)), ops(kinds).list().ofMaxSize(2)).as(Nested::new);
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
