package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.reference.EseCategory;

/**
 * The dashboard in a real browser: every chart is an SVG image with a text alternative, a table of its figures and a CSV
 * of the same figures; the figures follow the records (an engagement, a need, a referral answered); an employer's name
 * with markup is shown as text; axe-core finds nothing serious and the page reflows at 320 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest extends BrowserTestBase {
    DashboardBrowserTest() {
        super("dashboard", "dashboard");
    }

    @Test
    void chartsTablesAndCsvFollowTheRecords() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        ann.employers().create(Employer.named("<img src=x onerror=alert(1)> Quiet Mills"));
        java.time.LocalDate old = WebFixture.today().minusMonths(18);
        ann.engagements().create(Engagement.of(fixture.employer.id(), ann.actor().partner(), ann.actor().user(), old, Channel.CALL, "Old call"));
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.find("nav a[href='/dashboard']").click();
        browser.waitFor("#h-by-sector");
        assertThat(browser.all("svg.chart[role=img]")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(browser.text("#d-by-sector")).startsWith("0 engagements");
        String quiet = browser.text("section[aria-labelledby=h-quiet]");
        assertThat(quiet).contains("Gearworks Precision Manufacturing").contains("<img src=x onerror=alert(1)> Quiet Mills");
        assertThat(browser.all("main img")).isEmpty(); // the name's markup is text
        browser.shot("empty");
        browser.checkAccessibility("dashboard, empty");
        // nothing in the twelve months: the page offers the months of the newest engagement, and the ESE year with them
        assertThat(browser.text("#latest")).contains(java.time.YearMonth.from(old).toString());
        browser.find("#latest a").click();
        browser.waitFor("#h-by-sector");
        assertThat(browser.path()).startsWith("/dashboard?until=" + java.time.YearMonth.from(old));
        assertThat(browser.text("#d-by-sector")).startsWith("1 engagement from");
        assertThat(browser.find("#f-until").getAttribute("value")).isEqualTo(java.time.YearMonth.from(old).toString());
        assertThat(browser.all("#latest")).isEmpty();

        ann.engagements().create(Engagement.of(fixture.employer.id(), ann.actor().partner(), ann.actor().user(), WebFixture.today(), Channel.MEETING,
                "Plant tour").withServices(Set.of(EseCategory.TRAINING_SERVICES)));
        ann.needs().create(BusinessNeed.raised(fixture.employer.id(), NeedCategory.HIRING, "Twelve CNC operators", Urgency.HIGH, WebFixture.today()));
        Referral sent = ann.referrals().create(Referral.sent(ann.actor().partner(), ann.actor().user(), fixture.partnerB.id(), fixture.employer.id(),
                "Customised training", WebFixture.today(), null));
        browser.open("/dashboard");
        assertThat(browser.text("#d-by-sector")).startsWith("1 engagement from");
        assertThat(browser.all("section[aria-labelledby=h-by-partner] svg.chart rect")).hasSize(1);
        assertThat(browser.find("section[aria-labelledby=h-by-partner] svg.chart rect title").getAttribute("textContent"))
                .isEqualTo(WebFixture.today().toString().substring(0, 7) + ": 1");
        assertThat(browser.text("#d-needs")).isEqualTo("1 need: 1 open or in progress, 0 met.");
        assertThat(browser.text("#d-responses")).contains("1 waiting for an answer");
        assertThat(browser.text("#h-ese")).contains("Establishments served");
        assertThat(browser.text("section[aria-labelledby=h-quiet]")).doesNotContain("Gearworks").contains("Quiet Mills");
        browser.find("section[aria-labelledby=h-needs] details summary").click();
        assertThat(browser.text("section[aria-labelledby=h-needs] table")).contains("Hiring 1 0 0 0 0 1");
        String csv = browser.fetch("/dashboard/csv/needs").replace("\r", ""); // the CRLF of RFC 4180, as the driver hands it back
        assertThat(csv).isEqualTo("Need category,Open,In progress,Met,Unmet,Withdrawn,Total\nHiring,1,0,0,0,0,1\n");
        assertThat(browser.fetch("/dashboard/csv/by-partner")).contains("Month,");
        browser.shot("with-records");
        browser.checkAccessibility("dashboard");
        browser.assertReflowsAt320("dashboard");
        browser.signOut();

        // the receiver answers: how fast is the referral's own answer time, so a STAFF reader sees it as an ADMIN does
        CrmSession bo = fixture.app.crm().as(WebFixture.STAFF_B);
        bo.referrals().accept(sent.id(), sent.version());
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/dashboard");
        assertThat(browser.text("#d-responses")).isEqualTo("1 referral answered, 0 waiting for an answer.");
        browser.find("section[aria-labelledby=h-responses] details summary").click();
        assertThat(browser.text("section[aria-labelledby=h-responses] table")).contains("Same day 1 0");
        browser.signOut();
        browser.signIn(WebFixture.ADMIN, WebFixture.PASSWORD);
        browser.open("/dashboard");
        assertThat(browser.text("#d-responses")).isEqualTo("1 referral answered, 0 waiting for an answer.");
        browser.open("/dashboard?cadence=abc&until=2999-01&py=PY");
        assertThat(browser.text("main")).contains("cadence").contains("1 to 365").contains("until: must be a month").contains("py: must be a program year");
        assertThat(browser.source()).doesNotContain("Twelve CNC operators"); // need text is never on the dashboard, only counts
        List<String> ids = browser.all("section.chart-card h2").stream().map(e -> e.getAttribute("id")).toList();
        assertThat(ids).isEmpty(); // the refused page shows no charts
    }
}
