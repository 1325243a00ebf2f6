package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralStatus;

/**
 * Referrals in a real browser: partner A sends one from the employer page; partner B finds it in its inbox, is refused a
 * decline without a reason, accepts, starts and completes it with an outcome and writes in the thread; A's inbox shows
 * the outcome. A move on a referral the other partner changed meanwhile is shown as such, with the typed text kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralBrowserTest extends BrowserTestBase {
    ReferralBrowserTest() {
        super("referrals", "referrals");
    }

    @Test
    void sentByAAnsweredByBAndTheOutcomeBackInAsInbox() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers/" + fixture.employer.id().asString());
        browser.find("a[href$='/referrals/new']").click();
        browser.waitFor("#f-toPartner");
        browser.checkAccessibility("send a referral");
        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#error-summary");
        List<String> problems = browser.all("#error-summary li a").stream().map(WebElement::getText).toList();
        assertThat(problems).hasSize(2).anyMatch(s -> s.startsWith("Refer to:")).anyMatch(s -> s.startsWith("Service requested:"));
        browser.shot("send-refused");

        browser.choose("f-toPartner", fixture.partnerB.id().asString());
        browser.type("f-requestedService", "Incumbent worker training for CNC operators");
        browser.set("f-responseDue", WebFixture.today().plusDays(3).toString());
        browser.type("f-message", "Maria Lopez (HR) expects your call <img src=x onerror=alert(1)>");
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.path()).startsWith("/referrals/");
        String referralPath = browser.path();
        assertThat(browser.text("#f-status")).isEqualTo("Sent");
        assertThat(browser.text("#thread + ol")).contains("expects your call <img src=x onerror=alert(1)>");
        assertThat(browser.all("form[action$='/accept']")).isEmpty(); // the sender does not answer its own referral
        assertThat(browser.all("form[action$='/cancel']")).hasSize(1);
        browser.shot("sent");
        browser.checkAccessibility("referral, sender");
        browser.signOut();

        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.find("nav a[href='/referrals']").click();
        browser.waitFor("#incoming");
        assertThat(browser.text("section[aria-labelledby=incoming]")).contains("Incumbent worker training for CNC operators").contains("Gearworks");
        browser.shot("b-inbox");
        browser.checkAccessibility("inbox");
        browser.find("section[aria-labelledby=incoming] a[href='" + referralPath + "']").click();
        browser.waitFor("form[action$='/decline']");
        browser.find("form[action$='/decline'] button").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#error-summary")).contains("Reason for declining:");
        assertThat(browser.find("#f-declineReason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(stored().status()).isEqualTo(ReferralStatus.SENT);
        browser.shot("decline-refused");
        browser.checkAccessibility("referral, decline refused");

        browser.find("form[action$='/accept'] button").click();
        browser.waitFor(".flash");
        assertThat(browser.text("#f-status")).isEqualTo("Accepted");
        browser.find("form[action$='/start'] button").click();
        browser.waitFor(".flash");
        assertThat(browser.text("#f-status")).isEqualTo("In progress");
        browser.find("form[action$='/complete'] button").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#f-outcome-error")).contains("Outcome:");
        browser.type("f-outcome", "Eight operators enrolled in the spring CNC course");
        browser.find("form[action$='/complete'] button").click();
        browser.waitFor(".flash");
        assertThat(browser.text("#f-status")).isEqualTo("Completed");
        browser.type("f-message", "Course starts January 12");
        browser.find("form[action$='/follow-up'] button").click();
        browser.waitFor(".flash");
        assertThat(browser.text("#thread + ol")).contains("expects your call").contains("Course starts January 12");
        browser.shot("completed");
        browser.checkAccessibility("referral, completed");
        browser.size(320, 900); // WCAG 1.4.10 reflow: the page and its thread fit 320 px without scrolling sideways
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isEqualTo(true);
        browser.shot("completed-320px");
        browser.size(1280, 900);
        browser.signOut();

        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/referrals");
        assertThat(browser.text("section[aria-labelledby=closed-sent]")).contains("Outcome: Eight operators enrolled in the spring CNC course");
        assertThat(browser.text("section[aria-labelledby=outgoing]")).doesNotContain("CNC operators");
        browser.shot("a-inbox");
        Referral done = stored();
        assertThat(done.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(done.followUps()).hasSize(2);
    }

    @Test
    void aMoveOnAReferralChangedMeanwhileIsShownAndTheTypedTextKept() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        Referral sent = ann.referrals().create(Referral.sent(ann.actor().partner(), ann.actor().user(), fixture.partnerB.id(), fixture.employer.id(),
                "Rapid response planning", WebFixture.today().minusDays(10), WebFixture.today().minusDays(2)));
        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.open("/referrals");
        assertThat(browser.text("section[aria-labelledby=overdue]")).contains("Rapid response planning").contains("overdue");
        browser.open("/referrals/" + sent.id().asString());
        browser.type("f-declineReason", "We do not serve Winnebago county");
        ann.referrals().cancel(sent.id(), sent.version()); // meanwhile the sender cancels it
        browser.find("form[action$='/decline'] button").click();
        browser.waitFor("#conflict");
        browser.shot("conflict");
        assertThat(browser.text("#conflict")).contains("cancelled now").contains("Nothing was saved");
        assertThat(browser.text("#f-status")).isEqualTo("Cancelled");
        assertThat(browser.all("form[action$='/decline']")).isEmpty(); // no move the referral no longer allows
        assertThat(browser.find("#f-message").getAttribute("value")).isEmpty();
        browser.checkAccessibility("referral conflict");
        assertThat(fixture.admin.referrals().get(sent.id()).status()).isEqualTo(ReferralStatus.CANCELLED);
    }

    @Test
    void aViewerSeesTheReferralButNoMoves() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        Referral sent = ann.referrals().create(Referral.sent(ann.actor().partner(), ann.actor().user(), fixture.partnerB.id(), fixture.employer.id(),
                "Recruitment fair", WebFixture.today(), null));
        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open("/referrals/" + sent.id().asString());
        assertThat(browser.text("h1")).contains("Recruitment fair");
        assertThat(browser.all("main form")).isEmpty();
    }

    @Test
    void theInboxPagesEachListByKeysetAndKeepsTheOthers() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        for (int i = 0; i < 55; i++) {
            ann.referrals().create(Referral.sent(ann.actor().partner(), ann.actor().user(), fixture.partnerB.id(), fixture.employer.id(),
                    "Paging request " + i, WebFixture.today(), null));
        }
        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.open("/referrals");
        List<String> first = browser.all("section[aria-labelledby=incoming] tbody tr a").stream().map(WebElement::getText).toList();
        assertThat(first).hasSize(50);
        browser.checkAccessibility("inbox, first page");
        browser.find("nav[aria-label='Pages of Incoming: to answer or work on'] a[rel=next]").click();
        browser.waitFor("nav[aria-label='Pages of Incoming: to answer or work on'] a:not([rel])");
        assertThat(browser.path()).startsWith("/referrals?incoming=");
        List<String> second = browser.all("section[aria-labelledby=incoming] tbody tr a").stream().map(WebElement::getText).toList();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        for (int i = 0; i < 55; i++) {
            assertThat(all).contains("Paging request " + i);
        }
        assertThat(browser.text("section[aria-labelledby=outgoing]")).contains("No open referrals sent by your partner.");
        browser.shot("inbox-page-2");
        browser.open("/referrals?incoming=not-an-id");
        assertThat(browser.text("main")).contains("Not");
    }

    private Referral stored() {
        return fixture.admin.referrals().list(ReferralFilter.ALL, PageRequest.first(50)).items().stream()
                .filter(r -> r.requestedService().equals("Incumbent worker training for CNC operators")).findFirst().orElseThrow();
    }
}
