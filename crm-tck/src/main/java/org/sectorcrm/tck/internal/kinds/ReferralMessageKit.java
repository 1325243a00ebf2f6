package org.sectorcrm.tck.internal.kinds;

import java.time.Instant;
import java.util.List;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageFilter;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.ReferralMessages;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of referral messages to test them: fixtures in three variants, a change, a filter data set. */
public final class ReferralMessageKit implements KindSpec<ReferralMessageId, ReferralMessage, ReferralMessageFilter> {
    @Override
    public ReferralMessage typical(Parents p) {
        return ReferralMessages.aMessage().with(p.employer()).build();
    }

    @Override
    public ReferralMessage full(Parents p) {
        return ReferralMessages.aFullMessage().with(p.employer()).build();
    }

    @Override
    public ReferralMessage minimal(Parents p) {
        return ReferralMessages.aMinimalMessage().with(p.employer()).build();
    }

    @Override
    public ReferralMessage change(ReferralMessage m) {
        return m.withBody(KindSpec.renamed(m.body()));
    }

    /**
     * Two threads: messages are selected by a partner on either side (author's or other), and {@code sentAfter} is
     * strict, with two messages in the same second that differ only below the microsecond.
     */
    @Override
    public Prepared<ReferralMessage, ReferralMessageFilter> filterData(CrmStorage storage) {
        List<Employer> employers = Writes.employers(storage, 2);
        EmployerId e = employers.get(0).id();
        EmployerId e2 = employers.get(1).id();
        PartnerId college = Fixtures.partnerId();
        PartnerId board = Fixtures.partnerId();
        PartnerId chamber = Fixtures.partnerId();
        StaffUserId ada = Fixtures.staffUserId();
        StaffUserId bo = Fixtures.staffUserId();
        ReferralId r1 = Fixtures.referralId();
        ReferralId r2 = Fixtures.referralId();
        Instant t = Instant.parse("2026-04-01T15:00:00.000001Z");
        List<ReferralMessage> rows = Writes.insert(storage, Kinds.of(AggregateTypes.REFERRAL_MESSAGE),
                ReferralMessages.aMessage().with(e).on(r1).from(college, ada).to(board).sentAt(t).build(),
                ReferralMessages.aMessage().with(e).on(r1).from(board, bo).to(college).sentAt(t.plusNanos(1)).build(),
                ReferralMessages.aMessage().with(e2).on(r2).from(chamber, bo).to(board).sentAt(t.plusSeconds(60)).build());
        return new Prepared<>(rows, new Cases<ReferralMessageFilter>()
                .field("referral", v -> new ReferralMessageFilter(v, null, null, null, null), r1, r2, Fixtures.referralId())
                .field("partner", v -> new ReferralMessageFilter(null, v, null, null, null), college, board, chamber, Fixtures.partnerId())
                .field("author", v -> new ReferralMessageFilter(null, null, v, null, null), ada, bo, Fixtures.staffUserId())
                .field("sentAfter", v -> new ReferralMessageFilter(null, null, null, v, null), t, t.plusNanos(1), t.minusNanos(1),
                        t.plusSeconds(60))
                .field("employer", v -> new ReferralMessageFilter(null, null, null, null, v), e, e2, Fixtures.employerId())
                .list());
    }

    @Override
    public ReferralMessage withText(ReferralMessage m, String text) {
        return m.withBody(text);
    }

    @Override
    public String text(ReferralMessage m) {
        return m.body();
    }
}
