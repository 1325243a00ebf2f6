package org.sectorcrm.tck.internal.kinds;

import java.util.List;

import org.sectorcrm.core.dedupe.DuplicateReview;
import org.sectorcrm.core.dedupe.DuplicateReviewFilter;
import org.sectorcrm.core.dedupe.DuplicateReviewId;
import org.sectorcrm.core.dedupe.ReviewDecision;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.DuplicateReviews;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of duplicate reviews to test them: fixtures in three variants, a change, a filter data set. */
public final class DuplicateReviewKit implements KindSpec<DuplicateReviewId, DuplicateReview, DuplicateReviewFilter> {
    @Override
    public DuplicateReview typical(Parents p) {
        return DuplicateReviews.aReview().build();
    }

    @Override
    public DuplicateReview full(Parents p) {
        return DuplicateReviews.aFullReview().build();
    }

    @Override
    public DuplicateReview minimal(Parents p) {
        return DuplicateReviews.aMinimalReview().build();
    }

    @Override
    public DuplicateReview change(DuplicateReview r) {
        return r.withDecision(r.decision() == ReviewDecision.DUPLICATE ? ReviewDecision.NOT_DUPLICATE : ReviewDecision.DUPLICATE, r.reviewer(),
                r.comment());
    }

    @Override
    public Prepared<DuplicateReview, DuplicateReviewFilter> filterData(CrmStorage storage) {
        EmployerId a = Fixtures.employerId();
        EmployerId b = Fixtures.employerId();
        EmployerId c = Fixtures.employerId();
        List<DuplicateReview> rows = Writes.insert(storage, Kinds.of(AggregateTypes.DUPLICATE_REVIEW),
                DuplicateReviews.aReview().of(a, b).decided(ReviewDecision.NOT_DUPLICATE).build(),
                DuplicateReviews.aReview().of(a, c).decided(ReviewDecision.LATER).build(),
                DuplicateReviews.aReview().of(b, c).decided(ReviewDecision.NOT_DUPLICATE).build());
        return new Prepared<>(rows, new Cases<DuplicateReviewFilter>()
                .field("first", v -> new DuplicateReviewFilter(v, null, null), rows.get(0).first(), rows.get(2).first(), Fixtures.employerId())
                .field("second", v -> new DuplicateReviewFilter(null, v, null), rows.get(0).second(), rows.get(1).second(), Fixtures.employerId())
                .field("decision", v -> new DuplicateReviewFilter(null, null, v), ReviewDecision.NOT_DUPLICATE, ReviewDecision.LATER,
                        ReviewDecision.DUPLICATE)
                .list());
    }

    @Override
    public DuplicateReview withText(DuplicateReview r, String text) {
        return r.withDecision(r.decision(), r.reviewer(), text);
    }

    @Override
    public String text(DuplicateReview r) {
        return r.comment();
    }
}
