package org.sectorcrm.tck.internal.kinds;

import java.util.List;

import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.EmployerMergeFilter;
import org.sectorcrm.core.dedupe.EmployerMergeId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.EmployerMerges;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of merge records to test them: fixtures in three variants, a change, a filter data set. */
public final class EmployerMergeKit implements KindSpec<EmployerMergeId, EmployerMerge, EmployerMergeFilter> {
    @Override
    public EmployerMerge typical(Parents p) {
        return EmployerMerges.aMerge().into(p.employer()).build();
    }

    @Override
    public EmployerMerge full(Parents p) {
        return EmployerMerges.aFullMerge().into(p.employer()).build();
    }

    @Override
    public EmployerMerge minimal(Parents p) {
        return EmployerMerges.aMinimalMerge().into(p.employer()).build();
    }

    @Override
    public EmployerMerge change(EmployerMerge m) {
        return new EmployerMerge(m.id(), m.stamp(), m.survivor(), m.merged(), m.survivorBefore(), m.survivorAfter(), m.moved().isEmpty()
                ? List.of(new org.sectorcrm.core.dedupe.MovedRecord("need", Fixtures.needId().asString(), "employer")) : List.of(), Fixtures.staffUserId());
    }

    @Override
    public Prepared<EmployerMerge, EmployerMergeFilter> filterData(CrmStorage storage) {
        List<Employer> employers = Writes.employers(storage, 2);
        EmployerId e1 = employers.get(0).id();
        EmployerId e2 = employers.get(1).id();
        List<EmployerMerge> rows = Writes.insert(storage, Kinds.of(AggregateTypes.EMPLOYER_MERGE), EmployerMerges.aMerge().into(e1).build(),
                EmployerMerges.aMerge().into(e1).build(), EmployerMerges.aMerge().into(e2).build());
        return new Prepared<>(rows, new Cases<EmployerMergeFilter>()
                .field("survivor", v -> new EmployerMergeFilter(v), e1, e2, Fixtures.employerId())
                .list());
    }

    @Override
    public EmployerMerge withText(EmployerMerge m, String text) {
        return new EmployerMerge(m.id(), m.stamp(), m.survivor(), m.merged().withLegalName(text), m.survivorBefore(), m.survivorAfter(), m.moved(),
                m.mergedBy());
    }

    @Override
    public String text(EmployerMerge m) {
        return m.merged().legalName();
    }
}
