package org.sectorcrm.tck.mutants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;
import org.sectorcrm.tck.CrmStorageModelProperties;
import org.sectorcrm.tck.internal.Program;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Mutation check of the kit: each mutant of the in-memory store ({@link BrokenStores}) is broken in one family of
 * the contract, and the kit, run through the JUnit Platform's {@link EngineTestKit}, must fail on it, with at least
 * one failure in the {@code @Nested} group of that family. The unbroken store, run the same way, must pass.
 * The package differs from the kit's on purpose: vendors extend the kit from their own packages.
 */
class KitCatchesBrokenStoresTest {

    /**
     * One mutant per sentence family, spread over the aggregate types, with the {@code @Nested} group that must
     * catch it (other groups may fail too).
     */
    static Stream<Arguments> mutants() {
        return Stream.of(
                mutant("IgnoresExpectedVersion(contact)", () -> new BrokenStores.IgnoresExpectedVersion<>(AggregateTypes.CONTACT), "OptimisticLocking"),
                mutant("AcceptsVersionAhead(need)", () -> new BrokenStores.AcceptsVersionAhead<>(AggregateTypes.NEED), "OptimisticLocking"),
                mutant("RepeatsRowAcrossPages(employer)", () -> new BrokenStores.RepeatsRowAcrossPages<>(AggregateTypes.EMPLOYER), "Pagination"),
                mutant("SkipsRowAcrossPages(referral)", () -> new BrokenStores.SkipsRowAcrossPages<>(AggregateTypes.REFERRAL), "Pagination"),
                mutant("LeavesPartialWrite", BrokenStores.LeavesPartialWrite::new, "Transactions"),
                mutant("IgnoresEmployerStatusFilter", BrokenStores.IgnoresEmployerStatusFilter::new, "Filters"),
                mutant("IgnoresFilter(appointment)", () -> new BrokenStores.IgnoresFilter<>(AggregateTypes.APPOINTMENT), "Filters"),
                mutant("CountIgnoresFilter(partnership)", () -> new BrokenStores.CountIgnoresFilter<>(AggregateTypes.PARTNERSHIP), "Filters"),
                mutant("DropsUiAccountNumber", BrokenStores.DropsUiAccountNumber::new, "RoundTrip"),
                mutant("TruncatesInstants(referral)", () -> new BrokenStores.TruncatesInstants<>(AggregateTypes.REFERRAL), "EveryType"),
                mutant("TrimsText(need)", () -> new BrokenStores.TrimsText<>(AggregateTypes.NEED, n -> n.withDescription(n.description().strip())),
                        "EveryType"),
                mutant("StripsDecimalScale(solution)", BrokenStores.StripsDecimalScale::new, "RoundTrip"),
                mutant("DeleteDoesNotDelete(solution)", () -> new BrokenStores.DeleteDoesNotDelete<>(AggregateTypes.SOLUTION), "Deletes"),
                mutant("DeleteIgnoresVersion(outcome)", () -> new BrokenStores.DeleteIgnoresVersion<>(AggregateTypes.OUTCOME), "EveryType"),
                mutant("InventsMissingIds(feedback)", () -> new BrokenStores.InventsMissingIds<>(AggregateTypes.FEEDBACK), "EveryType"),
                mutant("UniqueKeyIgnoresCase(engagement)", () -> new BrokenStores.UniqueKeyIgnoresCase<>(AggregateTypes.ENGAGEMENT), "EveryType"),
                mutant("IgnoresUniqueKeys(staffUser)", () -> new BrokenStores.IgnoresUniqueKeys<>(AggregateTypes.STAFF_USER), "EveryType"),
                mutant("IgnoresReferences(feedback)", () -> new BrokenStores.IgnoresReferences<>(AggregateTypes.FEEDBACK), "References"),
                mutant("SearchMissesTradeNames", BrokenStores.SearchMissesTradeNames::new, "Search"),
                mutant("SearchFindsNothing(sector)", () -> new BrokenStores.SearchFindsNothing<>(AggregateTypes.SECTOR), "EveryType"),
                mutant("SearchNotReindexed(partner)", () -> new BrokenStores.SearchNotReindexed<>(AggregateTypes.PARTNER), "EveryType"),
                mutant("SearchKeepsDeleted(contact)", () -> new BrokenStores.SearchKeepsDeleted<>(AggregateTypes.CONTACT), "EveryType"),
                mutant("SearchIgnoresNoteVisibility", BrokenStores.SearchIgnoresNoteVisibility::new, "Search"),
                mutant("NestedFailureKeepsWrites", BrokenStores.NestedFailureKeepsWrites::new, "NestedUnits"),
                mutant("ReadAllowsWrites", BrokenStores.ReadAllowsWrites::new, "Transactions"),
                mutant("NestedReadWrites", BrokenStores.NestedReadWrites::new, "NestedUnits"),
                mutant("EventsEscapeRollback", BrokenStores.EventsEscapeRollback::new, "EventLogs"),
                mutant("EventCursorInclusive", BrokenStores.EventCursorInclusive::new, "EventResume"),
                mutant("AuditOverwrites", BrokenStores.AuditOverwrites::new, "Audit"),
                mutant("ServedIgnoresStaffAssisted", BrokenStores.ServedIgnoresStaffAssisted::new, "Reports"),
                mutant("ContactsCountMassMailings", BrokenStores.ContactsCountMassMailings::new, "Reports"),
                mutant("PlacesFirstEstablishment", BrokenStores.PlacesFirstEstablishment::new, "Reports"),
                mutant("RegionCountiesCompareExactly", BrokenStores.RegionCountiesCompareExactly::new, "Reports"),
                mutant("ReferralMillisCutToSeconds", BrokenStores.ReferralMillisCutToSeconds::new, "Reports"),
                mutant("NeedFactsWithoutStartDate", BrokenStores.NeedFactsWithoutStartDate::new, "Reports"),
                mutant("OutcomeFactsLoseScale", BrokenStores.OutcomeFactsLoseScale::new, "Reports"),
                mutant("RatingsWithoutEngagementPartner", BrokenStores.RatingsWithoutEngagementPartner::new, "Reports"),
                mutant("CadenceFactsKeepInactive", BrokenStores.CadenceFactsKeepInactive::new, "Reports"),
                mutant("AnswersOnlyKit22Queries", BrokenStores.AnswersOnlyKit22Queries::new, "Reports"),
                mutant("CountsDeletedEmployers", BrokenStores.CountsDeletedEmployers::new, "ReportViews"));
    }

    private static Arguments mutant(String name, Supplier<CrmStorage> store, String group) {
        return Arguments.of(Named.of(name, store), group);
    }

    @ParameterizedTest(name = "{0} fails the kit in @Nested {1}")
    @MethodSource({"mutants", "org.sectorcrm.tck.mutants.RedTeamMutants#mutants"})
    void kitCatchesTheMutant(Supplier<CrmStorage> store, String expectedGroup) {
        EngineExecutionResults results = runJupiter(store);
        List<Event> failures = results.testEvents().failed().list();
        assertThat(failures).as("failed kit tests over the mutant").isNotEmpty();
        assertThat(failures.stream().map(e -> nestedGroupOf(e.getTestDescriptor().getUniqueId())))
                .as("the @Nested groups of the failed tests (%s)", names(failures))
                .contains(expectedGroup);
    }

    @Test
    void theUnbrokenStorePassesTheSameRun() {
        EngineExecutionResults results = runJupiter(InMemoryCrmStorage::new);
        assertThat(results.testEvents().failed().list()).as("failures over the unbroken store").isEmpty();
        assertThat(results.testEvents().skipped().count()).as("skipped over the unbroken store").isZero();
        assertThat(results.testEvents().succeeded().count()).as("tests run").isGreaterThan(700);
    }

    /** The mutants the model-based properties must catch on their own, spread over the aggregate types as the kit's are. */
    static Stream<Arguments> modelMutants() {
        return Stream.of(
                Arguments.of(IgnoresExpectedVersionModel.class),
                Arguments.of(SkipsRowAcrossPagesModel.class),
                Arguments.of(LeavesPartialWriteModel.class),
                Arguments.of(DeleteDoesNotDeleteModel.class),
                Arguments.of(NestedFailureKeepsWritesModel.class),
                Arguments.of(SearchNotReindexedModel.class),
                Arguments.of(CountsDeletedEmployersModel.class),
                Arguments.of(ServedIgnoresStaffAssistedModel.class),
                Arguments.of(SearchIgnoresNoteVisibilityModel.class),
                Arguments.of(SearchKeepsDeletedModel.class),
                Arguments.of(IgnoresFilterModel.class),
                Arguments.of(IgnoresUniqueKeysModel.class));
    }

    @ParameterizedTest(name = "{0} fails the model-based property")
    @MethodSource("modelMutants")
    void modelPropertiesCatchTheMutant(Class<? extends CrmStorageModelProperties> properties, @TempDir Path dir) {
        EngineExecutionResults results = runJqwik(properties, dir);
        assertThat(results.testEvents().failed().count()).as("failed properties over %s", properties.getSimpleName()).isPositive();
    }

    @Test
    void theUnbrokenStorePassesTheModelBasedProperty(@TempDir Path dir) {
        EngineExecutionResults results = runJqwik(UnbrokenModel.class, dir);
        assertThat(results.testEvents().failed().count()).isZero();
        assertThat(results.testEvents().succeeded().count()).as("properties passed (operations, failed transactions, merge and unmerge)").isEqualTo(3);
    }

    private static EngineExecutionResults runJupiter(Supplier<CrmStorage> store) {
        MutantKit.store = store;
        try {
            return EngineTestKit.engine("junit-jupiter").configurationParameter(RunOnlyThroughEngineTestKit.SWITCH, "true")
                    .selectors(selectClass(MutantKit.class)).execute();
        } finally {
            MutantKit.store = null;
        }
    }

    private static EngineExecutionResults runJqwik(Class<?> properties, Path dir) {
        System.setProperty(RunOnlyThroughEngineTestKit.SWITCH, "true");
        try {
            return EngineTestKit.engine("jqwik")
                    // The first failure is enough here; shrinking it would only cost time.
                    .configurationParameter("jqwik.shrinking.default", "OFF")
                    // Reports go to the platform's reporting entries, not to the build's console.
                    .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                    .configurationParameter("jqwik.database", dir.resolve("jqwik-database").toString())
                    .selectors(selectClass(properties)).execute();
        } finally {
            System.clearProperty(RunOnlyThroughEngineTestKit.SWITCH);
        }
    }

    /** The simple name of the innermost {@code @Nested} class in a test's unique id, or "(none)". */
    private static String nestedGroupOf(UniqueId id) {
        return id.getSegments().stream().filter(s -> s.getType().equals("nested-class")).reduce((a, b) -> b)
                .map(UniqueId.Segment::getValue).orElse("(none)");
    }

    private static String names(List<Event> failures) {
        return failures.stream().limit(5).map(e -> e.getTestDescriptor().getDisplayName()).toList() + (failures.size() > 5 ? "..." : "");
    }

    // --- one tiny kit subclass per store: what a vendor writes, over a broken store ------------------------------

    /** What a vendor writes, over the store under test (set by {@link #runJupiter}; the engine runs on this thread). */
    @ExtendWith(RunOnlyThroughEngineTestKit.class)
    static final class MutantKit extends CrmStorageCompatibilityKit {
        static volatile Supplier<CrmStorage> store;

        @Override
        protected CrmStorage createStorage() {
            return store.get();
        }
    }

    // --- the same for the model-based properties -----------------------------------------------------------------

    /**
     * Runs only the main property, with a fixed seed so that whether a mutant is caught never depends on the run.
     * A random run catches these mutants too, but not with certainty: each program works on three aggregate types
     * besides the parents, taken in turn, so a mutant of one type meets about eight programs in 50 tries. Measured over
     * 8 random runs each (kit 2.2, every type drawn): the per-type mutants were caught in 3 to 8 runs of 8 (search
     * re-indexing and paging the weakest), the others in every run; each is caught with this seed.
     */
    @AddLifecycleHook(RunOnlyThroughEngineTestKit.class)
    abstract static class MutantModel extends CrmStorageModelProperties {
        private final Supplier<CrmStorage> storage;

        MutantModel(Supplier<CrmStorage> storage) {
            this.storage = storage;
        }

        @Override
        protected CrmStorage createStorage() {
            return storage.get();
        }

        @Override
        @Property(tries = 50, seed = "20260302")
        public void behavesLikeTheReference(@ForAll("programs") Program program) {
            super.behavesLikeTheReference(program);
        }

        @Override
        @Property(tries = 1, seed = "20260302")
        public void failedTransactionsLeaveNothing(@ForAll("transactionHeavyPrograms") Program program) {
            // Covered by the main property here; one try keeps the mutation check fast.
            super.failedTransactionsLeaveNothing(program);
        }
    }

    static final class UnbrokenModel extends MutantModel {
        UnbrokenModel() {
            super(InMemoryCrmStorage::new);
        }
    }

    static final class IgnoresExpectedVersionModel extends MutantModel {
        IgnoresExpectedVersionModel() {
            super(() -> new BrokenStores.IgnoresExpectedVersion<>(AggregateTypes.REFERRAL));
        }
    }

    static final class SkipsRowAcrossPagesModel extends MutantModel {
        SkipsRowAcrossPagesModel() {
            super(() -> new BrokenStores.SkipsRowAcrossPages<>(AggregateTypes.APPOINTMENT));
        }
    }

    static final class LeavesPartialWriteModel extends MutantModel {
        LeavesPartialWriteModel() {
            super(BrokenStores.LeavesPartialWrite::new);
        }
    }

    static final class DeleteDoesNotDeleteModel extends MutantModel {
        DeleteDoesNotDeleteModel() {
            super(() -> new BrokenStores.DeleteDoesNotDelete<>(AggregateTypes.OUTCOME));
        }
    }

    static final class NestedFailureKeepsWritesModel extends MutantModel {
        NestedFailureKeepsWritesModel() {
            super(BrokenStores.NestedFailureKeepsWrites::new);
        }
    }

    static final class SearchNotReindexedModel extends MutantModel {
        SearchNotReindexedModel() {
            super(() -> new BrokenStores.SearchNotReindexed<>(AggregateTypes.NEED));
        }
    }

    static final class CountsDeletedEmployersModel extends MutantModel {
        CountsDeletedEmployersModel() {
            super(BrokenStores.CountsDeletedEmployers::new);
        }
    }

    static final class ServedIgnoresStaffAssistedModel extends MutantModel {
        ServedIgnoresStaffAssistedModel() {
            super(BrokenStores.ServedIgnoresStaffAssisted::new);
        }
    }

    static final class SearchIgnoresNoteVisibilityModel extends MutantModel {
        SearchIgnoresNoteVisibilityModel() {
            super(BrokenStores.SearchIgnoresNoteVisibility::new);
        }
    }

    static final class SearchKeepsDeletedModel extends MutantModel {
        SearchKeepsDeletedModel() {
            super(() -> new BrokenStores.SearchKeepsDeleted<>(AggregateTypes.CONTACT));
        }
    }

    static final class IgnoresFilterModel extends MutantModel {
        IgnoresFilterModel() {
            super(() -> new BrokenStores.IgnoresFilter<>(AggregateTypes.PARTNERSHIP));
        }
    }

    static final class IgnoresUniqueKeysModel extends MutantModel {
        IgnoresUniqueKeysModel() {
            super(() -> new BrokenStores.IgnoresUniqueKeys<>(AggregateTypes.STAFF_USER));
        }
    }
}
