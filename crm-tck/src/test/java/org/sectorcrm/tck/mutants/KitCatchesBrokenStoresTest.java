package org.sectorcrm.tck.mutants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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

    static Stream<Arguments> mutants() {
        return Stream.of(
                Arguments.of(IgnoresExpectedVersionKit.class, "OptimisticLocking"),
                Arguments.of(RepeatsRowAcrossPagesKit.class, "Pagination"),
                Arguments.of(SkipsRowAcrossPagesKit.class, "Pagination"),
                Arguments.of(LeavesPartialWriteKit.class, "Transactions"),
                Arguments.of(IgnoresStatusFilterKit.class, "Filters"),
                Arguments.of(DropsUiAccountNumberKit.class, "RoundTrip"),
                Arguments.of(DeleteDoesNotDeleteKit.class, "Deletes"),
                Arguments.of(SearchMissesTradeNamesKit.class, "Search"));
    }

    @ParameterizedTest(name = "{0} fails the kit in @Nested {1}")
    @MethodSource("mutants")
    void kitCatchesTheMutant(Class<? extends CrmStorageCompatibilityKit> kit, String expectedGroup) {
        EngineExecutionResults results = runJupiter(kit);
        List<Event> failures = results.testEvents().failed().list();
        assertThat(failures).as("failed kit tests over %s", kit.getSimpleName()).isNotEmpty();
        assertThat(failures.stream().map(e -> nestedGroupOf(e.getTestDescriptor().getUniqueId())))
                .as("the @Nested groups of the failed tests over %s (%s)", kit.getSimpleName(), names(failures))
                .contains(expectedGroup);
    }

    @Test
    void theUnbrokenStorePassesTheSameRun() {
        EngineExecutionResults results = runJupiter(UnbrokenKit.class);
        assertThat(results.testEvents().failed().list()).as("failures over the unbroken store").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("tests run").isGreaterThan(500);
    }

    static Stream<Arguments> modelMutants() {
        return Stream.of(
                Arguments.of(IgnoresExpectedVersionModel.class),
                Arguments.of(SkipsRowAcrossPagesModel.class),
                Arguments.of(LeavesPartialWriteModel.class),
                Arguments.of(DeleteDoesNotDeleteModel.class));
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
        assertThat(results.testEvents().succeeded().count()).as("properties passed").isEqualTo(2);
    }

    private static EngineExecutionResults runJupiter(Class<?> kit) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(RunOnlyThroughEngineTestKit.SWITCH, "true")
                .selectors(selectClass(kit)).execute();
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

    @ExtendWith(RunOnlyThroughEngineTestKit.class)
    abstract static class MutantKit extends CrmStorageCompatibilityKit {
        private final Supplier<CrmStorage> storage;

        MutantKit(Supplier<CrmStorage> storage) {
            this.storage = storage;
        }

        @Override
        protected CrmStorage createStorage() {
            return storage.get();
        }
    }

    static final class UnbrokenKit extends MutantKit {
        UnbrokenKit() {
            super(InMemoryCrmStorage::new);
        }
    }

    static final class IgnoresExpectedVersionKit extends MutantKit {
        IgnoresExpectedVersionKit() {
            super(BrokenStores.IgnoresExpectedVersion::new);
        }
    }

    static final class RepeatsRowAcrossPagesKit extends MutantKit {
        RepeatsRowAcrossPagesKit() {
            super(BrokenStores.RepeatsRowAcrossPages::new);
        }
    }

    static final class SkipsRowAcrossPagesKit extends MutantKit {
        SkipsRowAcrossPagesKit() {
            super(BrokenStores.SkipsRowAcrossPages::new);
        }
    }

    static final class LeavesPartialWriteKit extends MutantKit {
        LeavesPartialWriteKit() {
            super(BrokenStores.LeavesPartialWrite::new);
        }
    }

    static final class IgnoresStatusFilterKit extends MutantKit {
        IgnoresStatusFilterKit() {
            super(BrokenStores.IgnoresStatusFilter::new);
        }
    }

    static final class DropsUiAccountNumberKit extends MutantKit {
        DropsUiAccountNumberKit() {
            super(BrokenStores.DropsUiAccountNumber::new);
        }
    }

    static final class DeleteDoesNotDeleteKit extends MutantKit {
        DeleteDoesNotDeleteKit() {
            super(BrokenStores.DeleteDoesNotDelete::new);
        }
    }

    static final class SearchMissesTradeNamesKit extends MutantKit {
        SearchMissesTradeNamesKit() {
            super(BrokenStores.SearchMissesTradeNames::new);
        }
    }

    // --- the same for the model-based properties -----------------------------------------------------------------

    /**
     * Runs only the main property, with a fixed seed so that whether a mutant is caught never depends on the run
     * (a random run catches these mutants too, but not with certainty).
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
            super(BrokenStores.IgnoresExpectedVersion::new);
        }
    }

    static final class SkipsRowAcrossPagesModel extends MutantModel {
        SkipsRowAcrossPagesModel() {
            super(BrokenStores.SkipsRowAcrossPages::new);
        }
    }

    static final class LeavesPartialWriteModel extends MutantModel {
        LeavesPartialWriteModel() {
            super(BrokenStores.LeavesPartialWrite::new);
        }
    }

    static final class DeleteDoesNotDeleteModel extends MutantModel {
        DeleteDoesNotDeleteModel() {
            super(BrokenStores.DeleteDoesNotDelete::new);
        }
    }
}
