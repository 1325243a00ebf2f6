package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.reference.EseCategory;

/**
 * Recording an engagement from the employer page in one form, in a real browser: every problem at once (and nothing
 * written, not even the new need), then the engagement with its services, contact, new need, follow-up and a
 * PARTNER-only note, whose text the other partner never receives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementFormBrowserTest extends BrowserTestBase {
    EngagementFormBrowserTest() {
        super("engagementform", "engagement-form");
    }

    static final String SECRET = "Layoffs at the Belvidere line are confidential <b>until March</b>";

    @Test
    void oneFormRecordsTheEngagementAndItsNewNeedAndTheOtherPartnerNeverSeesThePartnerNote() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers?q=gearworks");
        browser.find("table a[href^='/employers/']").click();
        browser.waitFor("a[href$='/engagements/new']");
        String employerPath = browser.path();
        browser.find("a[href$='/engagements/new']").click();
        browser.waitFor("#f-channel");
        browser.shot("engagement-form");
        browser.checkAccessibility("engagement form");
        assertThat(browser.find("#f-staffAssisted").isSelected()).isTrue();
        assertThat(browser.find("#f-establishment").getAttribute("value")).isEqualTo(fixture.employer.primaryEstablishment().orElseThrow().id().asString());

        // a mass mailing marked staff-assisted, no summary, a follow-up before the date, a new need without its category
        browser.choose("f-channel", "MASS_MAILING");
        browser.set("f-date", WebFixture.today().toString());
        browser.set("f-followUpDue", WebFixture.today().minusDays(3).toString());
        browser.type("f-newNeedDescription", "Twelve CNC machinists by spring");
        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#error-summary");
        browser.shot("all-problems");
        List<String> summary = browser.all("#error-summary li a").stream().map(WebElement::getText).toList();
        assertThat(summary).hasSize(4).anyMatch(s -> s.startsWith("Staff-assisted:")).anyMatch(s -> s.startsWith("Summary:"))
                .anyMatch(s -> s.startsWith("Follow-up due:")).anyMatch(s -> s.startsWith("New need: category:"));
        assertThat(browser.find("#f-summary").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#f-newNeedDescription").getAttribute("value")).isEqualTo("Twelve CNC machinists by spring");
        browser.checkAccessibility("engagement form refused");
        browser.assertReflowsAt320("engagement form refused");
        assertThat(fixture.admin.engagements().count(EngagementFilter.between(WebFixture.today().minusYears(1), WebFixture.today()))).isZero();
        assertThat(needs()).isEmpty();

        browser.choose("f-channel", "SITE_VISIT");
        browser.tick("staffAssisted", "Staff-assisted", true);
        browser.type("f-summary", "Toured the machining floor; talked hiring and a layoff plan");
        browser.set("f-followUpDue", WebFixture.today().plusDays(5).toString());
        browser.tick("services", EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE.label(), true);
        browser.tick("services", EseCategory.PLANNING_LAYOFF_RESPONSE.label(), true);
        browser.tick("contacts", "Maria Lopez", true);
        browser.choose("f-newNeedCategory", "HIRING");
        browser.choose("f-newNeedUrgency", "HIGH");
        browser.type("f-noteText", SECRET);
        browser.tick("noteVisibility", "Partner:", true);
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        browser.shot("recorded");
        assertThat(browser.path()).startsWith(employerPath);
        assertThat(browser.text(".flash")).contains("Recorded the site visit").contains("new need");
        assertThat(browser.text("#main")).contains("Toured the machining floor").contains(SECRET).contains("Twelve CNC machinists by spring");
        browser.checkAccessibility("employer page with the engagement");

        List<Engagement> stored = fixture.app.crm().as(WebFixture.STAFF_A).engagements()
                .list(EngagementFilter.between(WebFixture.today().minusDays(1), WebFixture.today()), PageRequest.first(10)).items();
        assertThat(stored).hasSize(1);
        Engagement e = stored.get(0);
        assertThat(e.channel()).isEqualTo(Channel.SITE_VISIT);
        assertThat(e.staffAssisted()).isTrue();
        assertThat(e.services()).containsExactlyInAnyOrder(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.PLANNING_LAYOFF_RESPONSE);
        assertThat(e.contacts()).hasSize(1);
        assertThat(e.followUpDue()).isEqualTo(WebFixture.today().plusDays(5));
        assertThat(e.establishment()).isEqualTo(fixture.employer.primaryEstablishment().orElseThrow().id());
        assertThat(e.notes()).singleElement().satisfies(n -> {
            assertThat(n.visibility()).isEqualTo(Visibility.PARTNER);
            assertThat(n.text()).isEqualTo(SECRET);
        });
        List<BusinessNeed> needs = needs();
        assertThat(needs).singleElement().satisfies(n -> assertThat(n.description()).isEqualTo("Twelve CNC machinists by spring"));
        assertThat(e.needs()).containsExactly(needs.get(0).id());

        browser.open("/");
        assertThat(browser.text("#followups + ul, section[aria-labelledby=followups]")).contains("Gearworks");

        browser.signOut();
        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.open(employerPath);
        assertThat(browser.text("#main")).contains("Toured the machining floor");
        assertThat(browser.source()).doesNotContain("Belvidere").doesNotContain("until March");
        browser.shot("other-partner");
    }

    private List<BusinessNeed> needs() {
        return fixture.admin.needs().list(new NeedFilter(fixture.employer.id(), null, null, null), PageRequest.first(10)).items();
    }
}
