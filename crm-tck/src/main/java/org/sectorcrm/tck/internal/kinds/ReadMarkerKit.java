package org.sectorcrm.tck.internal.kinds;

import java.time.Instant;
import java.util.List;

import org.sectorcrm.core.message.ReadMarker;
import org.sectorcrm.core.message.ReadMarkerFilter;
import org.sectorcrm.core.message.ReadMarkerId;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.ReadMarkers;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of read markers to test them: fixtures in three variants, a change, a filter data set. */
public final class ReadMarkerKit implements KindSpec<ReadMarkerId, ReadMarker, ReadMarkerFilter> {
    @Override
    public ReadMarker typical(Parents p) {
        return ReadMarkers.aMarker().build();
    }

    @Override
    public ReadMarker full(Parents p) {
        return ReadMarkers.aFullMarker().build();
    }

    @Override
    public ReadMarker minimal(Parents p) {
        return ReadMarkers.aMinimalMarker().build();
    }

    @Override
    public ReadMarker change(ReadMarker m) {
        return new ReadMarker(m.id(), m.stamp(), m.referral(), m.reader(), m.upToSentAt().plusSeconds(1), new ReferralMessageId(Fixtures.nextUuid()),
                m.via());
    }

    @Override
    public Prepared<ReadMarker, ReadMarkerFilter> filterData(CrmStorage storage) {
        ReferralId r1 = Fixtures.referralId();
        ReferralId r2 = Fixtures.referralId();
        StaffUserId ada = Fixtures.staffUserId();
        StaffUserId bo = Fixtures.staffUserId();
        Instant t = Instant.parse("2026-04-01T15:00:00Z");
        List<ReadMarker> rows = Writes.insert(storage, Kinds.of(AggregateTypes.READ_MARKER),
                ReadMarkers.aMarker().on(r1).by(ada).upTo(t, new ReferralMessageId(Fixtures.nextUuid())).build(),
                ReadMarkers.aMarker().on(r1).by(bo).upTo(t, new ReferralMessageId(Fixtures.nextUuid())).build(),
                ReadMarkers.aMarker().on(r2).by(bo).upTo(t, new ReferralMessageId(Fixtures.nextUuid())).build());
        return new Prepared<>(rows, new Cases<ReadMarkerFilter>()
                .field("referral", v -> new ReadMarkerFilter(v, null), r1, r2, Fixtures.referralId())
                .field("reader", v -> new ReadMarkerFilter(null, v), ada, bo, Fixtures.staffUserId())
                .list());
    }

    @Override
    public ReadMarker withText(ReadMarker m, String text) {
        return m.withVia(text);
    }

    @Override
    public String text(ReadMarker m) {
        return m.via();
    }
}
