package org.sectorcrm.tck.mutants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.tck.CrmStorageCompatibilityKit;

/**
 * A storage that declares no optional capability passes the kit, and the tests of what it lacks are skipped
 * explicitly, each with a reason naming the capability, never silently.
 */
class CapabilitiesAreSkippedLoudlyTest {

    @Test
    void testsOfMissingCapabilitiesAreSkippedWithAReasonNamingTheCapability() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").configurationParameter(RunOnlyThroughEngineTestKit.SWITCH, "true")
                .selectors(selectClass(NoCapabilitiesKit.class)).execute();
        assertThat(results.testEvents().failed().list()).as("failures").isEmpty();
        List<String> reasons = results.allEvents().aborted().stream().map(CapabilitiesAreSkippedLoudlyTest::reason).toList();
        assertThat(reasons).anyMatch(r -> r.contains("does not declare Capability.REFERENTIAL_INTEGRITY"))
                .anyMatch(r -> r.contains("does not declare Capability.EVENT_LOG"));
        assertThat(reasons).allMatch(r -> r.contains("Capability."), "every skip names a capability");
        assertThat(results.testEvents().succeeded().list()).as("the test that a storage without an event log refuses events()")
                .anyMatch(e -> e.getTestDescriptor().getDisplayName().contains("throws UnsupportedOperationException without it"));
    }

    @Test
    void theDocShowsTheSkipReasonTheKitGives() throws IOException {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").configurationParameter(RunOnlyThroughEngineTestKit.SWITCH, "true")
                .selectors(selectNestedMethod(List.of(NoCapabilitiesKit.class.getName()), CrmStorageCompatibilityKit.class.getName() + "$EventLogs",
                        "committedEventsInOrder"))
                .execute();
        String reason = results.allEvents().aborted().stream().map(CapabilitiesAreSkippedLoudlyTest::reason).findFirst().orElseThrow();
        String storage = WithoutOptionalCapabilities.class.getName();
        assertThat(reason).as("the reason names the storage").contains(storage);
        Path doc = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("implementing-a-store.md");
        assertThat(Files.readString(doc)).contains("`<your class>" + reason.substring(reason.indexOf(storage) + storage.length()) + "`");
    }

    private static String reason(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    }

    /** The in-memory store, declaring no optional capability and keeping no event log. */
    static final class WithoutOptionalCapabilities extends ForwardingCrmStorage {
        WithoutOptionalCapabilities() {
            super(new InMemoryCrmStorage());
        }

        // tag::capabilities[]
        @Override
        public Set<Capability> capabilities() {
            return EnumSet.noneOf(Capability.class);
        }
        // end::capabilities[]

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            return new org.sectorcrm.core.spi.ForwardingStorageTransaction(super.wrap(tx)) {
                @Override
                public EventLog events() {
                    throw new UnsupportedOperationException("this storage keeps no event log (it lacks Capability.EVENT_LOG)");
                }
            };
        }
    }

    @ExtendWith(RunOnlyThroughEngineTestKit.class)
    static final class NoCapabilitiesKit extends CrmStorageCompatibilityKit {
        @Override
        protected CrmStorage createStorage() {
            return new WithoutOptionalCapabilities();
        }
    }
}
