package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.report.EseDrillDown;
import org.sectorcrm.core.report.EseReport;

/**
 * The ESE report page in a real browser: its counts are crm-core's report (a mass mailing with an ESE category does not
 * count), each count's link lists exactly the establishments and engagements the crm-core drill-down names, a bad period
 * is shown naming the parameter (400, no 500), and the pages pass axe-core and reflow at 320 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EseReportBrowserTest extends BrowserTestBase {
    EseReportBrowserTest() {
        super("esereport", "ese-report");
    }

    @Test
    void countsLinkToTheEstablishmentsAndEngagementsBehindThem() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        LocalDate today = WebFixture.today();
        String period = "PY" + (today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1);
        Employer lakeside = ann.employers().create(Employer.named("Lakeside Foods").withEstablishments(List.of(
                Establishment.primary("Packing hall", new Address("9 Dock St", "Rockford", "IL", "61102"), "Boone"))));
        Employer mailed = ann.employers().create(Employer.named("Mailed Only Tools").withEstablishments(List.of(
                Establishment.primary("Shop", new Address("3 Elm St", "Rockford", "IL", "61103"), "Winnebago"))));
        ann.engagements().create(Engagement.of(fixture.employer.id(), ann.actor().partner(), ann.actor().user(), today, Channel.MEETING, "Plant tour")
                .withServices(Set.of(EseCategory.TRAINING_SERVICES)));
        ann.engagements().create(Engagement.of(lakeside.id(), ann.actor().partner(), ann.actor().user(), today, Channel.CALL, "Hiring event call")
                .withServices(Set.of(EseCategory.TRAINING_SERVICES, EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE)));
        Engagement mailing = ann.engagements().create(Engagement.of(mailed.id(), ann.actor().partner(), ann.actor().user(), today,
                Channel.MASS_MAILING, "Newsletter").withServices(Set.of(EseCategory.TRAINING_SERVICES)));
        assertThat(mailing.countsForEse()).isFalse();
        EseReport report = ann.reports().ese(period, "state");

        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/dashboard");
        browser.find("#ese-report-link").click();
        browser.waitFor("#ese-table");
        assertThat(browser.path()).isEqualTo("/reports/ese?period=" + period + "&area=state");
        for (EseReport.Row row : report.rows()) {
            assertThat(browser.text("#count-row" + row.row())).as("row %s", row.row()).isEqualTo(Long.toString(row.count()));
        }
        assertThat(report.rows().get(4).count()).isEqualTo(2); // training: Gearworks and Lakeside, not the mailing
        assertThat(report.rows().get(1).count()).isEqualTo(1);
        assertThat(browser.text("#count-total")).isEqualTo("2").isEqualTo(Long.toString(report.total().count()));
        assertThat(browser.text("#rate-penetration")).contains(report.penetration().undefinedReason());
        assertThat(browser.text("#ese-lookback")).contains(report.lookBack().start().toString()).contains(report.lookBack().end().toString());
        assertThat(browser.find("#f-period").getAttribute("value")).isEqualTo(period);
        assertThat(browser.fetch("/reports/ese/csv?period=" + period + "&area=state").replace("\r", ""))
                .contains("Row,Category,Establishments\n1,").contains("\n5,Training Services,2\n").endsWith(",Total,2\n");
        browser.checkAccessibility("ESE report");
        browser.assertReflowsAt320("ESE report");
        browser.shot("report");

        browser.find("#count-row5").click();
        browser.waitFor("#h-drill");
        EseDrillDown drill = ann.reports().eseDrillDown(period, "state", "row5", null, 100);
        assertThat(browser.text("#drill-count")).isEqualTo(Long.toString(drill.count())).isEqualTo("2");
        List<String> employers = browser.all("#drill-establishments tbody th a").stream().map(e -> e.getText()).toList();
        assertThat(employers).containsExactlyElementsOf(drill.establishments().stream().map(EseDrillDown.Item::employerName).toList())
                .containsExactlyInAnyOrder("Gearworks Precision Manufacturing", "Lakeside Foods");
        List<String> engagements = browser.all("li.drill-engagement").stream().map(e -> e.getText()).toList();
        assertThat(engagements).hasSize(drill.establishments().stream().mapToInt(i -> i.engagements().size()).sum()).hasSize(2);
        assertThat(String.join("\n", engagements)).contains(today + ", ").contains("Meeting: Plant tour").contains("Call: Hiring event call")
                .doesNotContain("Newsletter");
        assertThat(browser.text("#drill-establishments")).contains("Main plant").contains("Winnebago").contains("Packing hall").contains("Boone");
        browser.checkAccessibility("ESE drill-down");
        browser.assertReflowsAt320("ESE drill-down");
        browser.shot("drill-down");

        // one establishment a page: the second page holds the other one, as the API's next
        browser.open("/reports/ese/drill-down?period=" + period + "&area=state&figure=row5&limit=1");
        assertThat(browser.text("#drill-establishments tbody th a")).isEqualTo(drill.establishments().get(0).employerName());
        browser.find("a[rel=next]").click();
        browser.waitUntilPathStarts("/reports/ese/drill-down?period=" + period + "&area=state&limit=1&figure=row5&after=");
        assertThat(browser.all("#drill-establishments tbody th a")).hasSize(1);
        assertThat(browser.text("#drill-establishments tbody th a")).isEqualTo(drill.establishments().get(1).employerName());
        assertThat(browser.all("a[rel=next]")).isEmpty();

        browser.find("#drill-establishments tbody th a").click();
        browser.waitUntilPathStarts("/employers/");

        browser.open("/reports/ese?period=PY20x&area=state");
        assertThat(browser.text("#problems")).contains("period");
        assertThat(browser.all("#ese-table")).isEmpty();
        assertThat(status("/reports/ese?period=PY20x&area=nowhere")).isEqualTo(400L);
        assertThat(status("/reports/ese/csv?period=PY20x&area=state")).isEqualTo(400L);
        browser.open("/reports/ese/drill-down?period=" + period + "&area=state&figure=row9");
        assertThat(browser.text("#problems")).contains("figure").contains("row1..row8");
        assertThat(browser.source()).doesNotContain("Something went wrong");
        browser.checkAccessibility("ESE report, refused");
    }

    /** The HTTP status of a same-origin GET with the page's session cookie. */
    private long status(String path) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status), e => done(-1));", path);
    }
}
