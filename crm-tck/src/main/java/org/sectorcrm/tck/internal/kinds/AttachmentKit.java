package org.sectorcrm.tck.internal.kinds;

import java.util.List;

import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentFilter;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Attachments;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/**
 * What the kit needs to know of attachment metadata to test it. The owner is named by type key and id text, so the
 * filter data set puts records of two owner types with the same id text apart (an employer and a referral sharing an
 * id text must not share attachments).
 */
public final class AttachmentKit implements KindSpec<AttachmentId, Attachment, AttachmentFilter> {
    @Override
    public Attachment typical(Parents p) {
        return Attachments.anAttachment().on(p.employer()).build();
    }

    @Override
    public Attachment full(Parents p) {
        return Attachments.aFullAttachment().on(p.employer()).build();
    }

    @Override
    public Attachment minimal(Parents p) {
        return Attachments.aMinimalAttachment().on(p.employer()).build();
    }

    @Override
    public Attachment change(Attachment a) {
        return a.describedAs(a.description() == null ? "Signed release" : KindSpec.renamed(a.description()));
    }

    @Override
    public Prepared<Attachment, AttachmentFilter> filterData(CrmStorage storage) {
        String shared = Fixtures.employerId().asString();
        String other = Fixtures.referralId().asString();
        PartnerId p1 = Fixtures.partnerId();
        PartnerId p2 = Fixtures.partnerId();
        List<Attachment> rows = Writes.insert(storage, Kinds.of(AggregateTypes.ATTACHMENT),
                Attachments.anAttachment().on("employer", shared).uploadedBy(p1, Fixtures.staffUserId()).build(),
                Attachments.anAttachment().on("referral", shared).uploadedBy(p2, Fixtures.staffUserId()).build(),
                Attachments.anAttachment().on("referral", other).uploadedBy(p1, Fixtures.staffUserId()).visibleTo(Visibility.PARTNER).build(),
                Attachments.anAttachment().on("engagement", Fixtures.engagementId().asString()).uploadedBy(p2, Fixtures.staffUserId()).build());
        return new Prepared<>(rows, new Cases<AttachmentFilter>()
                .field("ownerType", v -> new AttachmentFilter(v, null, null), "employer", "referral", "engagement", "contact")
                .field("ownerId", v -> new AttachmentFilter(null, v, null), shared, other, Fixtures.employerId().asString())
                .field("partner", v -> new AttachmentFilter(null, null, v), p1, p2, Fixtures.partnerId())
                .add("ownerType+ownerId", "referral " + shared, AttachmentFilter.of("referral", shared))
                .list());
    }

    /** Visibility SHARED too: the kit searches the text as every reader. */
    @Override
    public Attachment withText(Attachment r, String text) {
        return r.describedAs(text).visibleTo(Visibility.SHARED);
    }

    @Override
    public String text(Attachment r) {
        return r.description();
    }
}
