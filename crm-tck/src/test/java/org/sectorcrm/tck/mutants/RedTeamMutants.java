package org.sectorcrm.tck.mutants;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The red-team set: mutants written from the SPI's Javadoc sentence by sentence (docs/kit-red-team.md lists the
 * sentences), before the kit was looked at, each with the {@code @Nested} group of the kit that must catch it.
 * {@link KitCatchesBrokenStoresTest} runs them with the first set.
 */
final class RedTeamMutants {
    private RedTeamMutants() {
    }

    static Stream<Arguments> mutants() {
        return Stream.of(
                // AggregateStore.save, saveAll, delete; unique keys; references; round trips
                m("UpsertsOnInsert(region)", () -> new RedTeamWrites.UpsertsOnInsert<>(AggregateTypes.REGION), "Inserts"),
                m("ConflictWithoutVersion(partner)", () -> new RedTeamWrites.ConflictWithoutVersion<>(AggregateTypes.PARTNER), "OptimisticLocking"),
                m("UpdateOfMissingInserts(sector)", () -> new RedTeamWrites.UpdateOfMissingInserts<>(AggregateTypes.SECTOR), "OptimisticLocking"),
                m("RestoreRestartsAtOne(referral)", () -> new RedTeamWrites.RestoreRestartsAtOne<>(AggregateTypes.REFERRAL), "RoundTrip"),
                m("CorrectsVersionArithmetic(appointment)", () -> new RedTeamWrites.CorrectsVersionArithmetic<>(AggregateTypes.APPOINTMENT),
                        "OptimisticLocking"),
                m("KeyKeptAfterChange(engagement)", () -> new RedTeamWrites.KeyKeptAfterChange<>(AggregateTypes.ENGAGEMENT), "EveryType"),
                m("NullKeysCollide(engagement)", () -> new RedTeamWrites.NullKeysCollide<>(AggregateTypes.ENGAGEMENT), "UniqueKeys"),
                m("BatchSkipsTakenKeys(staffUser)", () -> new RedTeamWrites.BatchSkipsTakenKeys<>(AggregateTypes.STAFF_USER), "BatchKeys"),
                m("BatchInsertsFirst(employer)", () -> new RedTeamWrites.BatchInsertsFirst<>(AggregateTypes.EMPLOYER), "BatchKeys"),
                m("BatchIgnoresVersions(feedback)", () -> new RedTeamWrites.BatchIgnoresVersions<>(AggregateTypes.FEEDBACK), "BatchSaves"),
                m("DeleteOfMissingIsSilent(partnership)", () -> new RedTeamWrites.DeleteOfMissingIsSilent<>(AggregateTypes.PARTNERSHIP), "Deletes"),
                m("DeleteAtZeroDeletes(appointment)", () -> new RedTeamWrites.DeleteAtZeroDeletes<>(AggregateTypes.APPOINTMENT), "EveryType"),
                m("ReferencedDeleteReportsSuccess(partner)", () -> new RedTeamWrites.ReferencedDeleteReportsSuccess<>(AggregateTypes.PARTNER),
                        "References"),
                m("ReferencesCheckedOnInsertOnly(need)", () -> new RedTeamWrites.ReferencesCheckedOnInsertOnly<>(AggregateTypes.NEED), "References"),
                m("ZoneBecomesOffset(appointment)", RedTeamWrites.ZoneBecomesOffset::new, "RoundTrip"),
                m("DropsLastNote(engagement)", RedTeamWrites.DropsLastNote::new, "RoundTrip"),
                // query order and cursors, count, search, report queries
                m("OrdersIdsAsUuids(contact)", () -> new RedTeamReads.OrdersIdsAsUuids<>(AggregateTypes.CONTACT), "Pagination"),
                m("CodesOrderIgnoringCase(sector)", () -> new RedTeamReads.CodesOrderIgnoringCase<>(AggregateTypes.SECTOR), "Pagination"),
                m("CursorOnShortLastPage(outcome)", () -> new RedTeamReads.CursorOnShortLastPage<>(AggregateTypes.OUTCOME), "Pagination"),
                m("NoCursorOnFullPage(need)", () -> new RedTeamReads.NoCursorOnFullPage<>(AggregateTypes.NEED), "Pagination"),
                m("FilterSeesFirstVersion(referral)", () -> new RedTeamReads.FilterSeesFirstVersion<>(AggregateTypes.REFERRAL), "FilterUpdates"),
                m("CountIncludesDeleted(feedback)", () -> new RedTeamReads.CountIncludesDeleted<>(AggregateTypes.FEEDBACK), "Deletes"),
                m("SearchFirstPartOnly(solution)", () -> new RedTeamReads.SearchFirstPartOnly<>(AggregateTypes.SOLUTION), "SearchEveryField"),
                m("SearchAnyWord(referral)", () -> new RedTeamReads.SearchAnyWord<>(AggregateTypes.REFERRAL), "EveryType"),
                m("SearchDropsShortWords(appointment)", () -> new RedTeamReads.SearchDropsShortWords<>(AggregateTypes.APPOINTMENT), "EveryType"),
                m("SearchDropsNumbers(partner)", () -> new RedTeamReads.SearchDropsNumbers<>(AggregateTypes.PARTNER), "EveryType"),
                m("PrivateNotesForColleagues", RedTeamReads.PrivateNotesForColleagues::new, "Search"),
                m("BatchNotIndexed(contact)", () -> new RedTeamReads.BatchNotIndexed<>(AggregateTypes.CONTACT), "BatchSaves"),
                m("CountableKeepsDeleted", RedTeamReads.CountableKeepsDeleted::new, "ReportViews"),
                m("CountableAcceptsOpenPeriod", RedTeamReads.CountableAcceptsOpenPeriod::new, "Reports"),
                m("ServedDropsNoEstablishment", RedTeamReads.ServedDropsNoEstablishment::new, "Reports"),
                // transactions, nested units, read-only work, logs, accessors, decorators
                m("AuditDropsChanges", RedTeamUnits.AuditDropsChanges::new, "Audit"),
                m("AuditBatchSkipsTakenIds", RedTeamUnits.AuditBatchSkipsTakenIds::new, "LogBatches"),
                m("EventBatchReversed", RedTeamUnits.EventBatchReversed::new, "LogBatches"),
                m("EventLimitPlusOne", RedTeamUnits.EventLimitPlusOne::new, "EventLogs"),
                m("ReadOnlySaveAllWrites", RedTeamUnits.ReadOnlySaveAllWrites::new, "Transactions"),
                m("ReadOnlyAuditBatchWrites", RedTeamUnits.ReadOnlyAuditBatchWrites::new, "Transactions"),
                m("TypedAccessorBypassesView(outcome)", RedTeamUnits.TypedAccessorBypassesView::new, "Accessors"),
                m("NestedCrmFailureDooms", RedTeamUnits.NestedCrmFailureDooms::new, "NestedConflicts"),
                m("NestedFailureKeepsDeletes", RedTeamUnits.NestedFailureKeepsDeletes::new, "NestedUnits"),
                m("WrapsCrmExceptions", RedTeamUnits.WrapsCrmExceptions::new, "Transactions"),
                m("CacheKeepsRolledBackWrites(sector)", () -> new RedTeamUnits.CacheKeepsRolledBackWrites<>(AggregateTypes.SECTOR), "EveryType"),
                m("CacheMissesBatches(need)", () -> new RedTeamUnits.CacheMissesBatches<>(AggregateTypes.NEED), "BatchSaves"),
                // CrmStorage.find(type, id), the read a cache answers (kit 2.2)
                m("FindCachesForever(solution)", () -> new RedTeamFinds.FindCachesForever<>(AggregateTypes.SOLUTION), "StorageFind"),
                m("FindKeepsUncommittedReads(readMarker)", () -> new RedTeamFinds.FindKeepsUncommittedReads<>(AggregateTypes.READ_MARKER),
                        "StorageFind"),
                // sentences the earlier sets did not break (kit 2.2)
                m("StoreNamesAnotherType(feedback)", () -> new RedTeamSentences.StoreNamesAnotherType<>(AggregateTypes.FEEDBACK), "Accessors"),
                m("NegativeVersionInserts(contact)", () -> new RedTeamSentences.NegativeVersionInserts<>(AggregateTypes.CONTACT), "Inserts"),
                m("BatchKeepsLastOfRepeatedId(region)", () -> new RedTeamSentences.BatchKeepsLastOfRepeatedId<>(AggregateTypes.REGION), "BatchSaves"),
                m("SearchMissesOwnWrites(need)", () -> new RedTeamSentences.SearchMissesOwnWrites<>(AggregateTypes.NEED), "EveryType"),
                m("CloseTwiceThrows", RedTeamSentences.CloseTwiceThrows::new, "Versioning"));
    }

    private static Arguments m(String name, Supplier<CrmStorage> store, String group) {
        return Arguments.of(Named.of(name, store), group);
    }
}
