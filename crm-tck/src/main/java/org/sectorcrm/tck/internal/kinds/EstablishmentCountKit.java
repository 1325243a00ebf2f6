package org.sectorcrm.tck.internal.kinds;

import java.util.List;

import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.core.report.EstablishmentCountFilter;
import org.sectorcrm.core.report.EstablishmentCountId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.EstablishmentCounts;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of establishment counts to test them: fixtures in three variants, a change, a filter data set. */
public final class EstablishmentCountKit implements KindSpec<EstablishmentCountId, EstablishmentCount, EstablishmentCountFilter> {
    @Override
    public EstablishmentCount typical(Parents p) {
        return EstablishmentCounts.aCount().build();
    }

    @Override
    public EstablishmentCount full(Parents p) {
        return EstablishmentCounts.aFullCount().build();
    }

    @Override
    public EstablishmentCount minimal(Parents p) {
        return EstablishmentCounts.aMinimalCount().build();
    }

    @Override
    public EstablishmentCount change(EstablishmentCount c) {
        return c.withEstablishments(c.establishments() == 7 ? 8 : 7);
    }

    @Override
    public Prepared<EstablishmentCount, EstablishmentCountFilter> filterData(CrmStorage storage) {
        EstablishmentCount a1 = EstablishmentCounts.aCount().at("2026-Q1").build();
        String area = a1.area();
        List<EstablishmentCount> rows = Writes.insert(storage, Kinds.of(AggregateTypes.ESTABLISHMENT_COUNT), a1,
                EstablishmentCounts.aCount().in(area).at("2026-Q2").build(), EstablishmentCounts.aCount().at("2026-Q1").build(),
                EstablishmentCounts.aCount().at("2025-Q4").build());
        return new Prepared<>(rows, new Cases<EstablishmentCountFilter>()
                .field("area", v -> new EstablishmentCountFilter(v, null), area, rows.get(2).area(), "NOWHERE")
                .field("quarter", v -> new EstablishmentCountFilter(null, v), new CalendarQuarter(2026, 1), new CalendarQuarter(2025, 4),
                        new CalendarQuarter(1999, 1))
                .list());
    }

    @Override
    public EstablishmentCountId freshCode(java.util.UUID uuid) {
        return EstablishmentCountId.of("M-" + uuid, new CalendarQuarter(2026, 2));
    }

    @Override
    public EstablishmentCount withText(EstablishmentCount c, String text) {
        return c.withSource(text);
    }

    @Override
    public String text(EstablishmentCount c) {
        return c.source();
    }
}
