package org.sectorcrm.tck.internal.kinds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Feedbacks;
import org.sectorcrm.tck.fixtures.Feins;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Partnerships;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.Sectors;
import org.sectorcrm.tck.fixtures.Solutions;
import org.sectorcrm.tck.fixtures.StaffUsers;
import org.sectorcrm.tck.internal.FilterScenario.Cases;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.internal.Kinds;
import org.sectorcrm.tck.internal.KindSpec;
import org.sectorcrm.tck.internal.Parents;
import org.sectorcrm.tck.internal.Writes;

/** What the kit needs to know of employer records to test them: fixtures in three variants, a change, a filter data set. */
public final class EmployerKit implements KindSpec<EmployerId, Employer, EmployerFilter> {
    @Override
    public Employer typical(Parents p) {
        return Employers.anEmployer().build();
    }

    @Override
    public Employer full(Parents p) {
        return Employers.aFullEmployer().build();
    }

    @Override
    public Employer minimal(Parents p) {
        return Employers.aMinimalEmployer().build();
    }

    @Override
    public Employer change(Employer e) {
        return e.withLegalName(KindSpec.renamed(e.legalName()));
    }

    @Override
    public Prepared<Employer, EmployerFilter> filterData(CrmStorage storage) {
        PartnerId p1 = Fixtures.partnerId();
        PartnerId p2 = Fixtures.partnerId();
        Fein f1 = Feins.next();
        Fein f3 = Feins.next();
        Fein f5 = Feins.next();
        List<Employer> rows = Writes.insert(storage, Kinds.of(AggregateTypes.EMPLOYER),
                Employers.anEmployer().named("The Acme Tool & Die Co., Inc.").withStatus(EmployerStatus.ACTIVE).inRegion("IL-EDR-1")
                        .inSector("MFG").withNaics("336390").withTags("automotive", "manufacturing").ledBy(p1).withFein(f1).atZip("61104").build(),
                Employers.anEmployer().named("Rockford Memorial Hospital").withStatus(EmployerStatus.PROSPECT).inRegion("IL-EDR-1")
                        .inSector("HEALTH").withNaics("622110").withTags("healthcare").ledBy(p2).withoutFein()
                        .withEstablishments(Establishments.anEstablishment().atZip("61103-1234").primary().build(),
                                Establishments.anEstablishment().atZip("61104").notPrimary().build())
                        .build(),
                Employers.anEmployer().named("ACME TOOL AND DIE").withStatus(EmployerStatus.INACTIVE).inRegion("IL-EDR-2").inSector("MFG")
                        .withNaics("336110").withTags("automotive").withLead(null).withFein(f3).atZip("60601").build(),
                Employers.anEmployer().named("Bäckerei Müller GmbH").withStatus(EmployerStatus.ACTIVE).inRegion(null).inSector(null)
                        .withNaics(null).withTags().ledBy(p1, Fixtures.staffUserId()).withoutFein().withEstablishments().build(),
                Employers.anEmployer().named("Code Works LLC").withStatus(EmployerStatus.ACTIVE).inRegion("IL-EDR-2").inSector("IT")
                        .withNaics("541511").withTags("software", "manufacturing").ledBy(p2).withFein(f5)
                        .withEstablishments(Establishments.anEstablishment().at(null).primary().build()).build(),
                Employers.anEmployer().named("Prairie Bakery").withStatus(EmployerStatus.PROSPECT).inRegion("IL-EDR-3").inSector("FOOD")
                        .withNaics("311811").withTags("food").withLead(null).withoutFein().atZip("61104-0001").build());
        EmployerFilter all = EmployerFilter.ALL;
        return new Prepared<>(rows, new Cases<EmployerFilter>()
                .field("status", all::withStatus, EmployerStatus.values())
                .field("region", v -> all.withRegion(new RegionCode(v)), "IL-EDR-1", "IL-EDR-2", "IL-EDR-3", "IL-EDR-9")
                .field("sector", v -> all.withSector(new SectorCode(v)), "MFG", "HEALTH", "IT", "FOOD", "NONE")
                .field("naicsPrefix", all::withNaicsPrefix, "3", "33", "3361", "336390", "31", "6", "99")
                .field("tag", all::withTag, "automotive", "manufacturing", "healthcare", "food", "no-such-tag")
                .field("leadPartner", all::withLeadPartner, p1, p2, Fixtures.partnerId())
                .field("fein", all::withFein, f1, f3, f5, Feins.next())
                .field("nameKey", all::withNameKey, "acme tool and die", "rockford memorial hospital", "backerei muller gmbh", "no such name")
                .field("zip", all::withZip, "61104", "61103", "60601", "99999")
                .add("feins", "f1, f5, unknown", all.withFeins(List.of(f1, f5, Feins.next())))
                .add("feins", "none", all.withFeins(List.of()))
                .add("nameKeys", "acme tool and die, backerei muller gmbh, no such name",
                        all.withNameKeys(List.of("acme tool and die", "backerei muller gmbh", "no such name")))
                .add("nameKeys", "none", all.withNameKeys(List.of()))
                .add("nameKeys+zip", "acme tool and die, rockford memorial hospital at 61104",
                        all.withNameKeys(List.of("acme tool and die", "rockford memorial hospital")).withZip("61104"))
                .add("status+region+tag", "ACTIVE, IL-EDR-2, manufacturing",
                        all.withStatus(EmployerStatus.ACTIVE).withRegion(new RegionCode("IL-EDR-2")).withTag("manufacturing"))
                .list());
    }

    @Override
    public Employer withText(Employer r, String text) {
        return r.withLegalName(text);
    }

    @Override
    public String text(Employer r) {
        return r.legalName();
    }

    /** FEINs are digits: no case. */
    @Override
    public Employer withKey(Employer e, String field, int n, boolean otherCase) {
        return e.withFein(org.sectorcrm.core.reference.Fein.parse(String.format("36-%07d", 1_000_000 + n)));
    }

    @Override
    public boolean caseSensitive(String field) {
        return false;
    }
}
