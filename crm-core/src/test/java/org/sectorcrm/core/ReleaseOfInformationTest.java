package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.Release;

/** A referral about an individual contact needs a valid release of information (unless the deployment says otherwise); releases are withdrawn. */
class ReleaseOfInformationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);

    private record Region(Crm crm, StaffUser bo, StaffUser di, Employer acme, Contact pat, Partner college) {
    }

    private Region region(boolean requireRelease) {
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(13)))
                .requireRelease(requireRelease).build();
        StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner college = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        StaffUser bo = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
        StaffUser di = reference.staffUsers().create(StaffUser.of(college.id(), "Di College", "di@college.example", Role.STAFF));
        Employer acme = crm.as(bo).employers().create(Employer.named("Acme Tool & Die, Inc."));
        Contact pat = crm.as(bo).contacts().create(Contact.of(acme.id(), "Pat", "Lee")).contact();
        return new Region(crm, bo, di, acme, pat, college);
    }

    private static Referral about(Region r, Release release) {
        return Referral.sent(r.bo().partner(), r.bo().id(), r.college().id(), r.acme().id(), "Vocational rehabilitation placement", TODAY,
                TODAY.plusDays(10)).aboutContact(r.pat().id(), release);
    }

    @Test
    void aReferralAboutAContactIsRefusedWithoutAValidReleaseNamingTheField() {
        Region r = region(true);
        var ops = r.crm().as(r.bo()).referrals();
        assertThatThrownBy(() -> ops.create(about(r, null))).isInstanceOf(ValidationException.class).hasMessageContaining("release")
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(FieldViolation::field).containsExactly("release"));
        Release expired = Release.obtained("VR-ROI-1", TODAY.minusYears(2), "Employment services with Harper College", TODAY.minusDays(1));
        assertThatThrownBy(() -> ops.create(about(r, expired))).isInstanceOf(ValidationException.class).hasMessageContaining("release");
        Release later = Release.obtained("VR-ROI-1", TODAY.plusDays(1), "Employment services with Harper College", null);
        assertThatThrownBy(() -> ops.create(about(r, later))).isInstanceOf(ValidationException.class).hasMessageContaining("release");
        Release valid = Release.obtained("VR-ROI-1", TODAY.minusDays(3), "Employment services with Harper College", TODAY.plusYears(1));
        Referral sent = ops.create(about(r, valid));
        assertThat(sent.release()).isEqualTo(valid);
        assertThat(sent.mayShareContactOn(TODAY)).isTrue();
        assertThat(ops.create(Referral.sent(r.bo().partner(), r.bo().id(), r.college().id(), r.acme().id(), "Hiring event", TODAY, null)).contact())
                .as("a referral about the employer only needs none").isNull();
    }

    @Test
    void theDeploymentMaySwitchTheRuleOffAndAReleaseNeedsAContactOfTheEmployer() {
        Region r = region(false);
        assertThat(r.crm().as(r.bo()).referrals().create(about(r, null)).contact()).isEqualTo(r.pat().id());
        Region strict = region(true);
        Employer other = strict.crm().as(strict.bo()).employers().create(Employer.named("Second Shift Plastics"));
        Referral elsewhere = Referral.sent(strict.bo().partner(), strict.bo().id(), strict.college().id(), other.id(), "Hiring event", TODAY, null)
                .aboutContact(strict.pat().id(), Release.obtained("F", TODAY, "all", null));
        assertThatThrownBy(() -> strict.crm().as(strict.bo()).referrals().create(elsewhere)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("contact");
        assertThatThrownBy(() -> Referral.sent(strict.bo().partner(), strict.bo().id(), strict.college().id(), other.id(), "x", TODAY, null)
                .aboutContact(null, Release.obtained("F", TODAY, "all", null))).isInstanceOf(ValidationException.class).hasMessageContaining("release");
    }

    @Test
    void eitherPartnerRecordsAWithdrawalAndItStaysWithdrawn() {
        Region r = region(true);
        Referral sent = r.crm().as(r.bo()).referrals().create(about(r, Release.obtained("VR-ROI-1", TODAY, "Employment services", null)));
        Referral withdrawn = r.crm().as(r.di()).referrals().withdrawRelease(sent.id(), sent.version(), TODAY);
        assertThat(withdrawn.release().withdrawnOn()).isEqualTo(TODAY);
        assertThat(withdrawn.mayShareContactOn(TODAY)).isFalse();
        assertThatThrownBy(() -> r.crm().as(r.di()).referrals().withdrawRelease(withdrawn.id(), withdrawn.version(), TODAY))
                .isInstanceOf(ValidationException.class);
        Referral undone = withdrawn.aboutContact(withdrawn.contact(), Release.obtained("VR-ROI-1", TODAY, "Employment services", null));
        assertThatThrownBy(() -> r.crm().as(r.bo()).referrals().update(undone)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("withdrawn");
    }
}
