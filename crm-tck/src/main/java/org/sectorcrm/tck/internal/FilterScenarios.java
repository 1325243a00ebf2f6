package org.sectorcrm.tck.internal;

import java.time.LocalDate;
import java.util.List;

import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
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
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.OutcomeFilter;
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
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
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

/**
 * One scenario per filter record of the SPI. Each data set is small but varied enough that every filter
 * field, alone, selects a non-empty proper subset for some value (the kit checks that, so a filter a store
 * ignores cannot pass by accident), and it holds the edge cases of each {@code matches}: inclusive date
 * bounds, ZIP+4 against a five-digit ZIP, NAICS prefixes of several lengths, normalised names, nulls.
 */
public final class FilterScenarios {
    private FilterScenarios() {
    }

    public static List<FilterScenario<?, ?, ?>> all() {
        return List.of(regions(), sectors(), partners(), staffUsers(), employers(), contacts(), engagements(), needs(), solutions(),
                partnerships(), referrals(), outcomes(), feedback());
    }

    public static FilterScenario<RegionCode, Region, RegionFilter> regions() {
        return new FilterScenario<>("RegionFilter", Kinds.REGION, RegionFilter::matches, storage -> {
            List<Region> rows = Writes.insert(storage, Kinds.REGION, Regions.aRegion().ofKind(RegionKind.ECONOMIC_DEVELOPMENT_REGION).build(),
                    Regions.aRegion().ofKind(RegionKind.LOCAL_WORKFORCE_AREA).build(),
                    Regions.aRegion().ofKind(RegionKind.ECONOMIC_DEVELOPMENT_REGION).build());
            return new Prepared<>(rows, new Cases<RegionFilter>().field("kind", RegionFilter::new, RegionKind.values()).list());
        });
    }

    public static FilterScenario<SectorCode, Sector, SectorFilter> sectors() {
        return new FilterScenario<>("SectorFilter", Kinds.SECTOR, SectorFilter::matches, storage -> {
            List<Sector> rows = Writes.insert(storage, Kinds.SECTOR, Sectors.aSector().withNaicsPrefixes("31", "32", "33").build(),
                    Sectors.aSector().withNaicsPrefixes("62").build(), Sectors.aSector().withNaicsPrefixes("3361", "33").build(),
                    Sectors.aSector().withNaicsPrefixes().build());
            return new Prepared<>(rows, new Cases<SectorFilter>().field("naicsPrefix", SectorFilter::new, "33", "3361", "3", "62", "99").list());
        });
    }

    public static FilterScenario<PartnerId, Partner, PartnerFilter> partners() {
        return new FilterScenario<>("PartnerFilter", Kinds.PARTNER, PartnerFilter::matches, storage -> {
            List<Partner> rows = Writes.insert(storage, Kinds.PARTNER,
                    Partners.aPartner().ofKind(PartnerKind.WIOA_TITLE_I_ADULT).serving("IL-EDR-1", "IL-EDR-2").active().build(),
                    Partners.aPartner().ofKind(PartnerKind.COMMUNITY_COLLEGE).serving("IL-EDR-2").inactive().build(),
                    Partners.aPartner().ofKind(PartnerKind.WIOA_TITLE_I_ADULT).serving().active().build());
            return new Prepared<>(rows, new Cases<PartnerFilter>()
                    .field("kind", v -> new PartnerFilter(v, null, null), PartnerKind.WIOA_TITLE_I_ADULT, PartnerKind.COMMUNITY_COLLEGE, PartnerKind.TANF)
                    .field("region", v -> new PartnerFilter(null, new RegionCode(v), null), "IL-EDR-1", "IL-EDR-2", "IL-EDR-9")
                    .field("active", v -> new PartnerFilter(null, null, v), true, false)
                    .add("kind+region+active", "WIOA_TITLE_I_ADULT, IL-EDR-2, true", new PartnerFilter(PartnerKind.WIOA_TITLE_I_ADULT, new RegionCode("IL-EDR-2"), true))
                    .list());
        });
    }

    public static FilterScenario<org.sectorcrm.core.reference.StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
        return new FilterScenario<>("StaffUserFilter", Kinds.STAFF_USER, StaffUserFilter::matches, storage -> {
            Partner p1 = Partners.aPartner().build();
            Partner p2 = Partners.aPartner().build();
            Writes.insert(storage, Kinds.PARTNER, p1, p2);
            List<StaffUser> rows = Writes.insert(storage, Kinds.STAFF_USER,
                    StaffUsers.aStaffUser().of(p1.id()).withEmail("ada@board.example").active().build(),
                    StaffUsers.aStaffUser().of(p1.id()).withEmail("bob@board.example").inactive().build(),
                    StaffUsers.aStaffUser().of(p2.id()).withEmail("cy@college.example").active().build());
            return new Prepared<>(rows, new Cases<StaffUserFilter>()
                    .field("partner", v -> new StaffUserFilter(v, null, null), p1.id(), p2.id(), Fixtures.partnerId())
                    .field("email", v -> new StaffUserFilter(null, EmailAddress.parse(v), null), "ada@board.example", "cy@college.example",
                            "nobody@board.example")
                    .field("active", v -> new StaffUserFilter(null, null, v), true, false)
                    .list());
        });
    }

    public static FilterScenario<EmployerId, Employer, EmployerFilter> employers() {
        return new FilterScenario<>("EmployerFilter", Kinds.EMPLOYER, EmployerFilter::matches, storage -> {
            PartnerId p1 = Fixtures.partnerId();
            PartnerId p2 = Fixtures.partnerId();
            Fein f1 = Feins.next();
            Fein f3 = Feins.next();
            Fein f5 = Feins.next();
            List<Employer> rows = Writes.insert(storage, Kinds.EMPLOYER,
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
                    .add("status+region+tag", "ACTIVE, IL-EDR-2, manufacturing",
                            all.withStatus(EmployerStatus.ACTIVE).withRegion(new RegionCode("IL-EDR-2")).withTag("manufacturing"))
                    .list());
        });
    }

    public static FilterScenario<org.sectorcrm.core.contact.ContactId, Contact, ContactFilter> contacts() {
        return new FilterScenario<>("ContactFilter", Kinds.CONTACT, ContactFilter::matches, storage -> {
            List<Employer> employers = Writes.employers(storage, 2);
            EmployerId e1 = employers.get(0).id();
            EmployerId e2 = employers.get(1).id();
            List<Contact> rows = Writes.insert(storage, Kinds.CONTACT,
                    Contacts.aContact().at(e1).withRoles(ContactRole.HR, ContactRole.CHAMPION).withEmail("ana@acme.example").active().build(),
                    Contacts.aContact().at(e1).withRoles().withEmail((EmailAddress) null).inactive().build(),
                    Contacts.aContact().at(e2).withRoles(ContactRole.CHAMPION).withEmail("bo@rmh.example").active().build(),
                    Contacts.aContact().at(e2).withRoles(ContactRole.DECISION_MAKER).withEmail("ana@acme.example").inactive().build());
            return new Prepared<>(rows, new Cases<ContactFilter>()
                    .field("employer", v -> new ContactFilter(v, null, null, null), e1, e2, Fixtures.employerId())
                    .field("email", v -> new ContactFilter(null, EmailAddress.parse(v), null, null), "ana@acme.example", "bo@rmh.example",
                            "nobody@acme.example")
                    .field("role", v -> new ContactFilter(null, null, v, null), ContactRole.HR, ContactRole.CHAMPION, ContactRole.DECISION_MAKER,
                            ContactRole.EXECUTIVE)
                    .field("active", v -> new ContactFilter(null, null, null, v), true, false)
                    .add("employer+role+active", "e1, CHAMPION, true", new ContactFilter(e1, null, ContactRole.CHAMPION, true))
                    .list());
        });
    }

    public static FilterScenario<EngagementId, Engagement, EngagementFilter> engagements() {
        return new FilterScenario<>("EngagementFilter", Kinds.ENGAGEMENT, EngagementFilter::matches, storage -> {
            List<Employer> employers = Writes.employers(storage, 2);
            EmployerId e1 = employers.get(0).id();
            EmployerId e2 = employers.get(1).id();
            PartnerId pa = Fixtures.partnerId();
            PartnerId pb = Fixtures.partnerId();
            PartnershipId x = Fixtures.partnershipId();
            PartnershipId y = Fixtures.partnershipId();
            List<Engagement> rows = Writes.insert(storage, Kinds.ENGAGEMENT,
                    Engagements.anEngagement().forEmployer(e1).by(Fixtures.staffUserId(), pa).inPartnership(x).on(LocalDate.of(2026, 1, 10))
                            .via(Channel.MEETING).staffAssisted(true)
                            .withServices(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES).withExternalId("EXT-1").build(),
                    Engagements.anEngagement().forEmployer(e1).by(Fixtures.staffUserId(), pb).on(LocalDate.of(2026, 1, 31))
                            .via(Channel.MASS_MAILING).staffAssisted(false).withServices().build(),
                    Engagements.anEngagement().forEmployer(e2).by(Fixtures.staffUserId(), pa).inPartnership(y).on(LocalDate.of(2026, 2, 1))
                            .via(Channel.CALL).staffAssisted(true).withServices(EseCategory.TRAINING_SERVICES).withExternalId("EXT-3").build(),
                    Engagements.anEngagement().forEmployer(e2).by(Fixtures.staffUserId(), pb).inPartnership(x).on(LocalDate.of(2025, 12, 31))
                            .via(Channel.SITE_VISIT).staffAssisted(false).withServices(EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT).build(),
                    Engagements.anEngagement().forEmployer(e1).by(Fixtures.staffUserId(), pa).on(LocalDate.of(2026, 1, 31))
                            .via(Channel.EVENT).staffAssisted(true).withServices(EseCategory.RAPID_RESPONSE_DOWNSIZING).withExternalId("EXT-5").build());
            return new Prepared<>(rows, new Cases<EngagementFilter>()
                    .field("employer", v -> new EngagementFilter(v, null, null, null, null, null, null, null, null), e1, e2, Fixtures.employerId())
                    .field("partner", v -> new EngagementFilter(null, v, null, null, null, null, null, null, null), pa, pb, Fixtures.partnerId())
                    .field("partnership", v -> new EngagementFilter(null, null, v, null, null, null, null, null, null), x, y, Fixtures.partnershipId())
                    .field("from", v -> new EngagementFilter(null, null, null, v, null, null, null, null, null),
                            LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 2))
                    .field("to", v -> new EngagementFilter(null, null, null, null, v, null, null, null, null),
                            LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 31))
                    .field("staffAssisted", v -> new EngagementFilter(null, null, null, null, null, v, null, null, null), true, false)
                    .field("channel", v -> new EngagementFilter(null, null, null, null, null, null, v, null, null), Channel.MEETING,
                            Channel.MASS_MAILING, Channel.CALL, Channel.COLD_CALL)
                    .field("service", v -> new EngagementFilter(null, null, null, null, null, null, null, v, null),
                            EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES, EseCategory.PLANNING_LAYOFF_RESPONSE)
                    .field("externalId", v -> new EngagementFilter(null, null, null, null, null, null, null, null, v), "EXT-1", "EXT-3", "EXT-404")
                    .add("from+to", "2026-01-10..2026-01-31", EngagementFilter.between(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 31)))
                    .add("employer+staffAssisted+service", "e1, true, TRAINING_SERVICES",
                            new EngagementFilter(e1, null, null, null, null, true, null, EseCategory.TRAINING_SERVICES, null))
                    .list());
        });
    }

    public static FilterScenario<org.sectorcrm.core.need.NeedId, BusinessNeed, NeedFilter> needs() {
        return new FilterScenario<>("NeedFilter", Kinds.NEED, NeedFilter::matches, storage -> {
            List<Employer> employers = Writes.employers(storage, 2);
            EmployerId e1 = employers.get(0).id();
            EmployerId e2 = employers.get(1).id();
            PartnershipId x = Fixtures.partnershipId();
            LocalDate raised = LocalDate.of(2026, 1, 5);
            List<BusinessNeed> rows = Writes.insert(storage, Kinds.NEED,
                    Needs.aNeed().of(e1).inPartnership(x).inStatus(NeedStatus.OPEN).inCategory(NeedCategory.HIRING).build(),
                    Needs.aNeed().of(e1).inStatus(NeedStatus.IN_PROGRESS).inCategory(NeedCategory.SKILLS_TRAINING).build(),
                    Needs.aNeed().of(e2).inPartnership(x).closed(NeedStatus.MET, raised, raised.plusDays(30)).inCategory(NeedCategory.HIRING).build(),
                    Needs.aNeed().of(e2).closed(NeedStatus.WITHDRAWN, raised, raised).inCategory(NeedCategory.POLICY).build());
            return new Prepared<>(rows, new Cases<NeedFilter>()
                    .field("employer", v -> new NeedFilter(v, null, null, null), e1, e2, Fixtures.employerId())
                    .field("partnership", v -> new NeedFilter(null, v, null, null), x, Fixtures.partnershipId())
                    .field("status", v -> new NeedFilter(null, null, v, null), NeedStatus.values())
                    .field("category", v -> new NeedFilter(null, null, null, v), NeedCategory.HIRING, NeedCategory.POLICY, NeedCategory.OTHER)
                    .list());
        });
    }

    public static FilterScenario<SolutionId, Solution, SolutionFilter> solutions() {
        return new FilterScenario<>("SolutionFilter", Kinds.SOLUTION, SolutionFilter::matches, storage -> {
            List<Employer> employers = Writes.employers(storage, 2);
            EmployerId e1 = employers.get(0).id();
            EmployerId e2 = employers.get(1).id();
            PartnershipId x = Fixtures.partnershipId();
            PartnerId pa = Fixtures.partnerId();
            PartnerId pb = Fixtures.partnerId();
            List<Solution> rows = Writes.insert(storage, Kinds.SOLUTION,
                    Solutions.aSolution().forEmployer(e1).inStatus(SolutionStatus.PROPOSED).ofType(SolutionType.REGISTERED_APPRENTICESHIP).ledBy(pa).build(),
                    Solutions.aSolution().forEmployer(e1).inPartnership(x).inStatus(SolutionStatus.AGREED).ofType(SolutionType.RECRUITMENT).ledBy(pb).build(),
                    Solutions.aSolution().forEmployer(e2).inStatus(SolutionStatus.COMPLETED).ofType(SolutionType.REGISTERED_APPRENTICESHIP).ledBy(pa).build(),
                    Solutions.aSolution().forEmployer(null).inPartnership(x).inStatus(SolutionStatus.CANCELLED).ofType(SolutionType.CUSTOM).ledBy(pb).build());
            return new Prepared<>(rows, new Cases<SolutionFilter>()
                    .field("employer", v -> new SolutionFilter(v, null, null, null, null), e1, e2, Fixtures.employerId())
                    .field("partnership", v -> new SolutionFilter(null, v, null, null, null), x, Fixtures.partnershipId())
                    .field("status", v -> new SolutionFilter(null, null, v, null, null), SolutionStatus.PROPOSED, SolutionStatus.AGREED,
                            SolutionStatus.COMPLETED, SolutionStatus.DECLINED)
                    .field("type", v -> new SolutionFilter(null, null, null, v, null), SolutionType.REGISTERED_APPRENTICESHIP, SolutionType.RECRUITMENT,
                            SolutionType.CUSTOM, SolutionType.RAPID_RESPONSE)
                    .field("leadPartner", v -> new SolutionFilter(null, null, null, null, v), pa, pb, Fixtures.partnerId())
                    .list());
        });
    }

    public static FilterScenario<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
        return new FilterScenario<>("PartnershipFilter", Kinds.PARTNERSHIP, PartnershipFilter::matches, storage -> {
            EmployerId e1 = Fixtures.employerId();
            EmployerId e2 = Fixtures.employerId();
            PartnerId pa = Fixtures.partnerId();
            PartnerId pb = Fixtures.partnerId();
            List<SectorPartnership> rows = Writes.insert(storage, Kinds.PARTNERSHIP,
                    Partnerships.aPartnership().inRegion("IL-EDR-1").inSector("MFG").atStage(PartnershipStage.LAUNCHED).convenedBy(pa)
                            .withMember(e1, MemberRole.CHAIR).withMember(e2, MemberRole.MEMBER).build(),
                    Partnerships.aPartnership().inRegion("IL-EDR-1").inSector("HEALTH").atStage(PartnershipStage.DORMANT).convenedBy(pb)
                            .withMember(e2, MemberRole.CHAMPION).build(),
                    Partnerships.aPartnership().inRegion("IL-EDR-2").inSector("MFG").atStage(PartnershipStage.BUILDING_CONSENSUS).convenedBy(pa).build());
            return new Prepared<>(rows, new Cases<PartnershipFilter>()
                    .field("region", v -> new PartnershipFilter(new RegionCode(v), null, null, null, null), "IL-EDR-1", "IL-EDR-2", "IL-EDR-9")
                    .field("sector", v -> new PartnershipFilter(null, new SectorCode(v), null, null, null), "MFG", "HEALTH", "IT")
                    .field("stage", v -> new PartnershipFilter(null, null, v, null, null), PartnershipStage.LAUNCHED, PartnershipStage.DORMANT,
                            PartnershipStage.SUSTAINING)
                    .field("convener", v -> new PartnershipFilter(null, null, null, v, null), pa, pb, Fixtures.partnerId())
                    .field("member", v -> new PartnershipFilter(null, null, null, null, v), e1, e2, Fixtures.employerId())
                    .list());
        });
    }

    public static FilterScenario<org.sectorcrm.core.referral.ReferralId, Referral, ReferralFilter> referrals() {
        return new FilterScenario<>("ReferralFilter", Kinds.REFERRAL, ReferralFilter::matches, storage -> {
            List<Employer> employers = Writes.employers(storage, 2);
            EmployerId e1 = employers.get(0).id();
            EmployerId e2 = employers.get(1).id();
            PartnerId pa = Fixtures.partnerId();
            PartnerId pb = Fixtures.partnerId();
            PartnerId pc = Fixtures.partnerId();
            LocalDate sent = LocalDate.of(2026, 2, 1);
            List<Referral> rows = Writes.insert(storage, Kinds.REFERRAL,
                    Referrals.aReferral().from(pa, Fixtures.staffUserId()).to(pb).about(e1).sentOn(sent, LocalDate.of(2026, 2, 10)).build(),
                    Referrals.aReferral().from(pb, Fixtures.staffUserId()).to(pa).about(e1).sentOn(sent, LocalDate.of(2026, 2, 10))
                            .inStatus(ReferralStatus.ACCEPTED).build(),
                    Referrals.aReferral().from(pa, Fixtures.staffUserId()).to(pc).about(e2).sentOn(sent, LocalDate.of(2026, 3, 1)).build(),
                    Referrals.aReferral().from(pc, Fixtures.staffUserId()).to(pb).about(e2).sentOn(sent, null).build(),
                    Referrals.aReferral().from(pa, Fixtures.staffUserId()).to(pb).about(e2).sentOn(sent, LocalDate.of(2026, 2, 5))
                            .declined("We do not serve this county").build());
            return new Prepared<>(rows, new Cases<ReferralFilter>()
                    .field("fromPartner", v -> new ReferralFilter(v, null, null, null, null), pa, pb, pc, Fixtures.partnerId())
                    .field("toPartner", v -> new ReferralFilter(null, v, null, null, null), pa, pb, pc, Fixtures.partnerId())
                    .field("employer", v -> new ReferralFilter(null, null, v, null, null), e1, e2, Fixtures.employerId())
                    .field("status", v -> new ReferralFilter(null, null, null, v, null), ReferralStatus.SENT, ReferralStatus.ACCEPTED,
                            ReferralStatus.DECLINED, ReferralStatus.COMPLETED)
                    .field("overdueOn", v -> new ReferralFilter(null, null, null, null, v), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 10),
                            LocalDate.of(2026, 2, 11), LocalDate.of(2026, 3, 2))
                    .list());
        });
    }

    public static FilterScenario<org.sectorcrm.core.outcome.OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
        return new FilterScenario<>("OutcomeFilter", Kinds.OUTCOME, OutcomeFilter::matches, storage -> {
            List<Employer> employers = Writes.employers(storage, 2);
            EmployerId e1 = employers.get(0).id();
            EmployerId e2 = employers.get(1).id();
            SolutionId s1 = Fixtures.solutionId();
            SolutionId s2 = Fixtures.solutionId();
            Metric scrap = new Metric("SCRAP_RATE", "Scrap rate", "percent", Direction.LOWER_IS_BETTER);
            List<OutcomeMeasure> rows = Writes.insert(storage, Kinds.OUTCOME,
                    Outcomes.anOutcome().at(e1).forSolution(s1).measuring(Metric.TURNOVER_RATE).build(),
                    Outcomes.anOutcome().at(e1).measuring(Metric.RETENTION_RATE).build(),
                    Outcomes.anOutcome().at(e2).forSolution(s2).measuring(Metric.TURNOVER_RATE).build(),
                    Outcomes.anOutcome().at(e2).measuring(scrap).build());
            return new Prepared<>(rows, new Cases<OutcomeFilter>()
                    .field("employer", v -> new OutcomeFilter(v, null, null), e1, e2, Fixtures.employerId())
                    .field("solution", v -> new OutcomeFilter(null, v, null), s1, s2, Fixtures.solutionId())
                    .field("metricCode", v -> new OutcomeFilter(null, null, v), "TURNOVER_RATE", "SCRAP_RATE", "PRODUCTIVITY")
                    .list());
        });
    }

    public static FilterScenario<org.sectorcrm.core.feedback.FeedbackId, Feedback, FeedbackFilter> feedback() {
        return new FilterScenario<>("FeedbackFilter", Kinds.FEEDBACK, FeedbackFilter::matches, storage -> {
            List<Employer> employers = Writes.employers(storage, 2);
            EmployerId e1 = employers.get(0).id();
            EmployerId e2 = employers.get(1).id();
            EngagementId g1 = Fixtures.engagementId();
            EngagementId g2 = Fixtures.engagementId();
            SolutionId s1 = Fixtures.solutionId();
            List<Feedback> rows = Writes.insert(storage, Kinds.FEEDBACK, Feedbacks.aFeedback().from(e1).about(g1, null).build(),
                    Feedbacks.aFeedback().from(e1).about(g2, s1).build(), Feedbacks.aFeedback().from(e2).about(null, s1).build(),
                    Feedbacks.aFeedback().from(e2).about(g1, null).build());
            return new Prepared<>(rows, new Cases<FeedbackFilter>()
                    .field("employer", v -> new FeedbackFilter(v, null, null), e1, e2, Fixtures.employerId())
                    .field("engagement", v -> new FeedbackFilter(null, v, null), g1, g2, Fixtures.engagementId())
                    .field("solution", v -> new FeedbackFilter(null, null, v), s1, Fixtures.solutionId())
                    .list());
        });
    }
}
