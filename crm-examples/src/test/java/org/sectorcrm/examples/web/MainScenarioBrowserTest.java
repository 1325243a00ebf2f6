package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The main scenario, end to end in one browser: STAFF of partner A finds the employer by search, records an
 * engagement with a PARTNER-only note and a follow-up, sends a referral to partner B; B finds it in the inbox, and the
 * note's text is in the source of no page B reaches (every page linked from B's pages on the way, the dashboard and the
 * exports included); B accepts and completes it; A's inbox shows the outcome; the dashboard's counts changed. A VIEWER
 * of A sees the contact masked and no edit controls. axe-core runs on every page of the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainScenarioBrowserTest extends BrowserTestBase {
    static final String NOTE = "Owner plans to sell the plant <i>quietly</i> in 2027";

    MainScenarioBrowserTest() {
        super("mainscenario", "main-scenario");
    }

    @Test
    void staffOfAReferToBWhoNeverSeesAsPartnerNote() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/dashboard");
        String engagementsBefore = browser.text("#d-by-partner");
        String cadenceBefore = browser.text("#d-cadence");
        assertThat(engagementsBefore).startsWith("0 engagements");

        browser.find("nav a[href='/employers']").click();
        browser.type("f-q", "gearworks");
        browser.find("form[action='/employers'] button[type=submit]").click();
        browser.waitUntilPathStarts("/employers?");
        browser.checkAccessibility("employer search");
        browser.find("table a[href^='/employers/']").click();
        browser.waitFor("a[href$='/engagements/new']");
        String employerPath = browser.path();
        browser.checkAccessibility("employer page");
        browser.find("a[href$='/engagements/new']").click();
        browser.waitFor("#f-channel");
        browser.choose("f-channel", "SITE_VISIT");
        browser.set("f-date", WebFixture.today().toString());
        browser.type("f-summary", "Walked the floor with the plant manager");
        browser.set("f-followUpDue", WebFixture.today().plusDays(7).toString());
        browser.tick("services", org.sectorcrm.core.reference.EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE.label(), true);
        browser.type("f-noteText", NOTE);
        browser.tick("noteVisibility", "Partner:", true);
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.text("#main")).contains(NOTE);
        browser.shot("a-engagement");

        browser.find("a[href$='/referrals/new']").click();
        browser.waitFor("#f-toPartner");
        browser.choose("f-toPartner", fixture.partnerB.id().asString());
        browser.type("f-requestedService", "Apprenticeship design for maintenance techs");
        browser.set("f-responseDue", WebFixture.today().plusDays(5).toString());
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        String referralPath = browser.path();
        browser.open("/");
        assertThat(browser.text("main")).contains("Gearworks"); // the follow-up is on My work
        browser.checkAccessibility("my work");
        browser.signOut();

        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        List<String> visited = new ArrayList<>();
        visit("/", visited);
        browser.find("nav a[href='/referrals']").click();
        browser.waitFor("#incoming");
        visited.add(browser.path());
        assertNoteAbsent();
        assertThat(browser.text("section[aria-labelledby=incoming]")).contains("Apprenticeship design for maintenance techs");
        browser.find("section[aria-labelledby=incoming] a[href='" + referralPath + "']").click();
        browser.waitFor("form[action$='/accept']");
        assertNoteAbsent();
        browser.find("form[action$='/accept'] button").click();
        browser.waitFor(".flash");
        browser.find("form[action$='/start'] button").click();
        browser.waitFor(".flash");
        browser.type("f-outcome", "Two-year apprenticeship approved; four techs enrolled");
        browser.find("form[action$='/complete'] button").click();
        browser.waitFor(".flash");
        browser.waitForText("#f-status", "Completed"); // the flash of the previous move may still be on screen
        assertNoteAbsent();
        browser.shot("b-completed");
        for (String path : List.of(employerPath, "/employers", "/employers?q=gearworks", "/dashboard", "/dashboard/csv/by-partner", "/admin",
                "/admin/reference", "/admin/tokens", "/transfer", employerPath + "/referrals/new", employerPath + "/engagements/new")) {
            visit(path, visited);
        }
        for (String export : List.of("engagements", "employers", "contacts")) {
            assertThat(browser.fetch("/transfer/export?records=" + export + "&format=csv")).doesNotContain("quietly");
            assertThat(browser.fetch("/transfer/export?records=" + export + "&format=ndjson")).doesNotContain("quietly");
        }
        // and every link on B's employer page (history, timeline entries, partners) leads to no page with the note
        browser.open(employerPath);
        List<String> links = browser.all("main a[href^='/']").stream().map(a -> a.getAttribute("pathname") + a.getAttribute("search")).distinct().toList();
        for (String link : links) {
            visit(link, visited);
        }
        assertThat(visited).hasSizeGreaterThan(12);
        browser.signOut();

        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/referrals");
        assertThat(browser.text("section[aria-labelledby=closed-sent]")).contains("Outcome: Two-year apprenticeship approved; four techs enrolled");
        browser.checkAccessibility("a's inbox");
        browser.open("/dashboard");
        assertThat(browser.text("#d-by-partner")).startsWith("1 engagement from").isNotEqualTo(engagementsBefore);
        assertThat(browser.text("#d-cadence")).isNotEqualTo(cadenceBefore); // Gearworks was contacted
        browser.shot("a-dashboard");
        browser.signOut();

        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open(employerPath);
        assertThat(browser.source()).doesNotContain(WebFixture.CONTACT_EMAIL).doesNotContain("5550142");
        assertThat(browser.text("main")).contains("Maria");
        assertThat(browser.all("main a[href$='/edit'], main a[href$='/engagements/new'], main a[href$='/referrals/new'], main form[method=post]")).isEmpty();
        browser.checkAccessibility("employer page, viewer");
        browser.open(referralPath);
        assertThat(browser.all("main form")).isEmpty();
        browser.open("/transfer");
        assertThat(browser.all("form[method=post]")).hasSize(1); // sign-out only
        browser.shot("viewer");
    }

    /** Reads {@code path} as B (downloads too), and opens and checks it with axe-core when it is a page. */
    private void visit(String path, List<String> visited) {
        visited.add(path);
        Object answer = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text().then(t => done((r.headers.get('content-type') || '')"
                        + " + '\\n' + t)), e => done('FAILED ' + e));", path);
        String text = String.valueOf(answer);
        assertThat(text).as("%s as B", path).doesNotContain("quietly").doesNotContain("sell the plant").doesNotStartWith("FAILED");
        if (text.startsWith("text/html")) {
            browser.open(path);
            assertNoteAbsent();
            browser.checkAccessibility("B at " + path);
        }
    }

    private void assertNoteAbsent() {
        assertThat(browser.source()).as("source of %s", browser.path()).doesNotContain("quietly").doesNotContain("sell the plant");
    }
}
