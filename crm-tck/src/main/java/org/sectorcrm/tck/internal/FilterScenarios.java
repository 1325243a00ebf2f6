package org.sectorcrm.tck.internal;

import java.util.List;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;

/**
 * One scenario per filter record of the SPI, from each type's {@link KindSpec#filterData}. Each data set is small
 * but varied enough that every filter field, alone, selects a non-empty proper subset for some value (the kit checks
 * that, so a filter a store ignores cannot pass by accident), and it holds the edge cases of each {@code matches}:
 * inclusive date bounds, ZIP+4 against a five-digit ZIP, NAICS prefixes of several lengths, normalised names, nulls.
 */
public final class FilterScenarios {
    private FilterScenarios() {
    }

    public static List<FilterScenario<?, ?, ?>> all() {
        return Kinds.ALL.stream().<FilterScenario<?, ?, ?>>map(FilterScenarios::of).toList();
    }

    public static <I extends Id, T extends Aggregate<I>, F> FilterScenario<I, T, F> of(Kind<I, T, F> kind) {
        return new FilterScenario<>(kind.type().filterClass().getSimpleName(), kind, kind.type()::matches, kind.spec()::filterData);
    }
}
