package org.sectorcrm.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * One merge and unmerge through {@code Crm} on the store under test: two employers with a random number of contacts,
 * engagements, needs, partnership memberships and files (attachments of the merged employer), merged with random choices. After the merge every record is still
 * there exactly once and each of the merged employer's points to the survivor; after the unmerge both employers are as
 * they were (the survivor but for its stamp) and every record points where it pointed before.
 */
public final class MergeCheck {
    private MergeCheck() {
    }

    /** A merge scenario: children of each employer, and which survivorship fields take the merged value. */
    public record Scenario(long seed, int contactsA, int contactsB, int engagementsA, int engagementsB, int needsB, boolean memberA, boolean memberB,
            List<String> takeMerged, int attachmentsB) {
        /** Without attachments, as scenarios were written before employers' files moved with a merge. */
        public Scenario(long seed, int contactsA, int contactsB, int engagementsA, int engagementsB, int needsB, boolean memberA, boolean memberB,
                List<String> takeMerged) {
            this(seed, contactsA, contactsB, engagementsA, engagementsB, needsB, memberA, memberB, takeMerged, 0);
        }
    }

    public static void run(CrmStorage storage, Scenario s) {
        Crm crm = Crm.builder().storage(storage).clock(Fixtures.CLOCK).ids(IdGenerator.timeOrdered(Fixtures.CLOCK, new Random(s.seed()))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Kit Board", PartnerKind.WORKFORCE_BOARD), "Kit Admin", "kit@board.example");
        CrmSession as = crm.as(admin);
        as.reference().regions().create(Region.of("KR", "Kit Region", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        as.reference().sectors().create(Sector.of("KS", "Kit Sector", List.of("33")));
        Employer a = as.employers().create(Employer.named("Kit Tool & Die Inc").withRegion(new RegionCode("KR")).withTags(java.util.Set.of("a"))
                .withEstablishments(List.of(Establishment.primary("A", new Address("1 Main St", "Elgin", "IL", "60120"), "Kane"))));
        Employer b = as.employers().create(Employer.named("KIT TOOL AND DIE").withWebsite("https://kit.example").withTags(java.util.Set.of("b"))
                .withCustomFields(Map.of("k", "v")).withEstablishments(List.of(Establishment.primary("B", new Address("1 Main Street", "Elgin", "IL",
                        "60120"), "Kane"), new Establishment(null, "B2", null, null, null, null, false))));
        for (int i = 0; i < s.contactsA(); i++) {
            as.contacts().create(Contact.of(a.id(), "A" + i, "Contact"));
        }
        for (int i = 0; i < s.contactsB(); i++) {
            as.contacts().create(Contact.of(b.id(), "B" + i, "Contact"));
        }
        for (int i = 0; i < s.engagementsA(); i++) {
            as.engagements().create(Engagement.of(a.id(), admin.partner(), admin.id(), LocalDate.of(2026, 1, 1 + i), Channel.CALL, "a" + i));
        }
        for (int i = 0; i < s.engagementsB(); i++) {
            as.engagements().create(Engagement.of(b.id(), admin.partner(), admin.id(), LocalDate.of(2026, 2, 1 + i), Channel.MEETING, "b" + i)
                    .withEstablishment(b.establishments().get(i % 2).id()));
        }
        for (int i = 0; i < s.needsB(); i++) {
            as.needs().create(BusinessNeed.raised(b.id(), NeedCategory.HIRING, "need " + i, Urgency.MEDIUM, LocalDate.of(2026, 3, 1)));
        }
        for (int i = 0; i < s.attachmentsB(); i++) {
            as.attachments().attach(Attachment.of("employer", b.id().asString(), "file" + i + ".pdf", "application/pdf", 10 + i, "ab".repeat(32),
                    org.sectorcrm.core.engagement.Visibility.PARTNER, admin.partner(), admin.id()).withId(new AttachmentId(new java.util.UUID(s.seed(), i))));
        }
        if (s.memberA()) {
            as.partnerships().create(SectorPartnership.convened("PA", new RegionCode("KR"), new SectorCode("KS"), admin.partner())
                    .withMembers(List.of(new Member(a.id(), MemberRole.CHAIR))));
        }
        if (s.memberB()) {
            as.partnerships().create(SectorPartnership.convened("PB", new RegionCode("KR"), new SectorCode("KS"), admin.partner())
                    .withMembers(List.of(new Member(b.id(), MemberRole.CHAMPION))));
        }
        Employer aBefore = as.employers().get(a.id());
        Employer bBefore = as.employers().get(b.id());
        Map<String, Map<String, String>> before = owners(storage);

        Map<String, MergeChoices.Side> choices = new LinkedHashMap<>();
        s.takeMerged().forEach(f -> choices.put(f, MergeChoices.Side.MERGED));
        var merge = as.dedupe().merge(a.id(), b.id(), new MergeChoices(choices));
        Map<String, Map<String, String>> merged = owners(storage);
        for (var type : before.keySet()) {
            assertThat(merged.get(type).keySet()).as("%s records after the merge: none lost or duplicated", type).isEqualTo(before.get(type).keySet());
            before.get(type).forEach((id, owner) -> assertThat(merged.get(type).get(id)).as("%s %s after the merge", type, id)
                    .isEqualTo(owner.equals(b.id().asString()) ? a.id().asString() : owner));
        }
        assertThat(as.employers().find(b.id())).isEmpty();
        assertThat(as.dedupe().resolve(b.id())).contains(a.id());
        assertThat(merge.moved()).hasSize(s.contactsB() + s.engagementsB() + s.needsB() + (s.memberB() ? 1 : 0) + s.attachmentsB());

        as.dedupe().unmerge(b.id());
        assertThat(as.employers().get(b.id())).as("the merged employer after the unmerge").isEqualTo(bBefore);
        Employer aAfter = as.employers().get(a.id());
        assertThat(aAfter).as("the survivor after the unmerge").isEqualTo(aBefore.withStamp(aAfter.stamp()));
        assertThat(owners(storage)).as("every record's employer after the unmerge").isEqualTo(before);
    }

    /** For each type referring to employers: record id to the employer ids it refers to (joined), read from the store. */
    private static Map<String, Map<String, String>> owners(CrmStorage storage) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            if (type != AggregateTypes.EMPLOYER_MERGE && !type.repointersTo(AggregateTypes.EMPLOYER).isEmpty()) {
                out.put(type.key(), owners(storage, type));
            }
        }
        return out;
    }

    private static <I extends org.sectorcrm.core.Id, T extends org.sectorcrm.core.Aggregate<I>, F> Map<String, String> owners(CrmStorage storage,
            AggregateType<I, T, F> type) {
        Map<String, String> out = new java.util.TreeMap<>();
        storage.read(tx -> {
            List<T> all = new ArrayList<>();
            var page = tx.store(type).query(type.all(), org.sectorcrm.core.PageRequest.first(org.sectorcrm.core.PageRequest.MAX_LIMIT));
            all.addAll(page.items());
            while (page.hasNext()) {
                page = tx.store(type).query(type.all(), org.sectorcrm.core.PageRequest.after(page.nextCursor(), org.sectorcrm.core.PageRequest.MAX_LIMIT));
                all.addAll(page.items());
            }
            for (T t : all) {
                List<String> ids = new ArrayList<>();
                for (var ref : type.references()) {
                    if (ref.target() == AggregateTypes.EMPLOYER && ref.of(t) != null) {
                        ids.add(ref.of(t).asString());
                    }
                }
                if (t instanceof SectorPartnership p) {
                    p.members().forEach(m -> ids.add(m.employer().asString()));
                }
                if (t instanceof Attachment f && f.ownerType().equals(AggregateTypes.EMPLOYER.key())) {
                    ids.add(f.ownerId()); // an employer's file, named by owner type and id rather than a reference
                }
                out.put(t.id().asString(), String.join(";", ids));
            }
            return null;
        });
        return out;
    }
}
