package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUserId;

/** Values a browser, a spreadsheet or a mail merge will later trust: web addresses, state codes, dates, visible names, partner names. */
class FieldValidationTest {

    private static List<String> fields(Supplier<?> make) {
        try {
            make.get();
        } catch (ValidationException e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void aWebsiteIsAnHttpOrHttpsAddressWithAHost() {
        for (String bad : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://files.example", "acme.com", "https://", "file:///etc/passwd")) {
            assertThat(fields(() -> Employer.named("Acme").withWebsite(bad))).as(bad).containsExactly("website");
        }
        assertThat(Employer.named("Acme").withWebsite("https://acme.example/about?x=1").website()).startsWith("https://");
        assertThat(Employer.named("Acme").withWebsite("HTTP://acme.example").website()).isNotNull();
    }

    @Test
    void aStateIsAUspsCode() {
        assertThat(fields(() -> new Address(null, null, "XX", null))).containsExactly("state");
        assertThat(fields(() -> new Address(null, null, "Il.", null))).containsExactly("state");
        for (String ok : List.of("IL", "il", "DC", "PR", "GU", "AE", "WY")) {
            assertThat(new Address(null, null, ok, null).state()).isEqualTo(ok.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void datesAreWithinASaneRange() {
        EmployerId employer = new EmployerId(java.util.UUID.randomUUID());
        PartnerId partner = new PartnerId(java.util.UUID.randomUUID());
        StaffUserId staff = new StaffUserId(java.util.UUID.randomUUID());
        assertThat(fields(() -> Engagement.of(employer, partner, staff, LocalDate.of(202, 5, 1), Channel.CALL, "typo year")))
                .containsExactly("date");
        assertThat(fields(() -> Engagement.of(employer, partner, staff, LocalDate.of(2026, 5, 1), Channel.CALL, "far follow-up")
                .withFollowUpDue(LocalDate.of(20260, 5, 1)))).containsExactly("followUpDue");
        assertThat(Engagement.of(employer, partner, staff, LocalDate.of(1900, 1, 1), Channel.CALL, "edge").date()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void aNameNeedsAVisibleCharacter() {
        for (String invisible : List.of("\u200B\u200B", "\u202E\u202C", "\u2066\u2069 ", "\uFEFF", "\u3164", "\u00A0\u2003", "\u0301")) {
            assertThat(fields(() -> Employer.named(invisible))).as("U+%04X", (int) invisible.charAt(0)).containsExactly("legalName");
            assertThat(fields(() -> Partner.named(invisible, PartnerKind.OTHER))).containsExactly("name");
        }
        // visible text around invisible characters is a name (a right-to-left mark inside Arabic or Hebrew, say)
        assertThat(Employer.named("\u200FAcme\u200B").legalName()).contains("Acme");
        assertThat(Employer.named("東京").legalName()).isEqualTo("東京");
    }

    @Test
    void aSecondPartnerOfTheSameNameIsRefused() {
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC)).build();
        var admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var partners = crm.as(admin).reference().partners();
        Partner harper = partners.create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        assertThatThrownBy(() -> partners.create(Partner.named("  harper   COLLEGE ", PartnerKind.OTHER))).isInstanceOf(ConflictException.class)
                .hasMessageContaining(harper.id().asString());
        assertThatThrownBy(() -> partners.create(Partner.named("Northeast Workforce Board", PartnerKind.OTHER))).isInstanceOf(ConflictException.class);
        Partner other = partners.create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        assertThatThrownBy(() -> partners.update(renamed(other, "Harper College"))).isInstanceOf(ConflictException.class);
        // keeping one's own name, or changing only its case, is no conflict
        assertThat(partners.update(renamed(partners.get(harper.id()), "HARPER College")).name()).isEqualTo("HARPER College");
    }

    private static Partner renamed(Partner p, String name) {
        return new Partner(p.id(), p.stamp(), name, p.kind(), p.regions(), p.services(), p.active());
    }
}
