package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralStatus;

/**
 * The main scenario with the keyboard alone: every control is reached with Tab in the page's focus order (never clicked),
 * typed into, and activated with Enter or Space. Signing in, finding the employer, recording an engagement, sending a
 * referral; then the other partner accepting it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardBrowserTest extends BrowserTestBase {
    KeyboardBrowserTest() {
        super("keyboard", "keyboard");
    }

    /** More Tab presses than any page has stops: reaching none means the control is not in the focus order. */
    static final int MAX_TABS = 150;

    @Test
    void theMainScenarioWithTheKeyboardOnly() {
        browser.open("/login");
        keys(Keys.TAB);
        assertThat(active().getAttribute("class")).contains("skip-link"); // the first stop of every page
        keys(Keys.ENTER);
        assertThat(active().getAttribute("id")).isEqualTo("main");
        signIn(WebFixture.STAFF_A);

        tabTo("nav a[href='/employers']");
        keys(Keys.ENTER);
        browser.waitUntilPathStarts("/employers");
        tabTo("#f-q");
        keys("gearworks", Keys.ENTER);
        browser.waitUntilPathStarts("/employers?q=");
        tabTo("table a[href^='/employers/']");
        keys(Keys.ENTER);
        browser.waitFor("a[href$='/engagements/new']");
        String employerPath = browser.path();

        tabTo("a[href$='/engagements/new']");
        keys(Keys.ENTER);
        browser.waitFor("#f-summary");
        tabTo("#f-summary");
        keys("Keyboard-only visit: talked apprenticeships");
        tabTo("input[name=services]");
        keys(Keys.SPACE);
        tabTo("#f-noteText");
        keys("Only our partner reads this");
        tabTo("form.form button[type=submit]");
        keys(Keys.ENTER);
        browser.waitFor(".flash");
        assertThat(browser.text("#main")).contains("Keyboard-only visit");
        browser.shot("engagement-recorded");

        tabTo("a[href$='/referrals/new']");
        keys(Keys.ENTER);
        browser.waitFor("#f-toPartner");
        tabTo("#f-toPartner");
        keys(Keys.ARROW_DOWN); // the first partner after "Choose a partner": the college, the only other one
        tabTo("#f-requestedService");
        keys("Registered apprenticeship design");
        tabTo("form.form button[type=submit]");
        keys(Keys.ENTER);
        browser.waitFor(".flash");
        assertThat(browser.text("#f-status")).isEqualTo("Sent");
        browser.shot("referral-sent");

        tabTo("form[action='/logout'] button");
        keys(Keys.ENTER);
        browser.waitUntilPathStarts("/login");
        signIn(WebFixture.STAFF_B);
        tabTo("nav a[href='/referrals']");
        keys(Keys.ENTER);
        browser.waitFor("#incoming");
        tabTo("section[aria-labelledby=incoming] a[href^='/referrals/']");
        keys(Keys.ENTER);
        browser.waitFor("form[action$='/accept']");
        tabTo("form[action$='/accept'] button");
        keys(Keys.ENTER);
        browser.waitFor(".flash");
        assertThat(browser.text("#f-status")).isEqualTo("Accepted");
        browser.shot("accepted");

        assertThat(fixture.admin.engagements().list(EngagementFilter.between(WebFixture.today(), WebFixture.today()), PageRequest.first(5)).items())
                .singleElement().satisfies(e -> assertThat(e.services()).hasSize(1));
        assertThat(fixture.admin.referrals().list(ReferralFilter.ALL, PageRequest.first(5)).items()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReferralStatus.ACCEPTED));
        assertThat(employerPath).startsWith("/employers/");
    }

    private void signIn(String email) {
        tabTo("#email");
        keys(email);
        keys(Keys.TAB);
        assertThat(active().getAttribute("id")).isEqualTo("password");
        keys(WebFixture.PASSWORD, Keys.ENTER);
        browser.waitUntilPathIsNot("/login");
    }

    /** Presses Tab until the focused element is the first one matching {@code css}; fails if the focus order never reaches it. */
    private void tabTo(String css) {
        WebElement target = browser.find(css);
        for (int i = 0; i < MAX_TABS; i++) {
            keys(Keys.TAB);
            if (active().equals(target)) {
                return;
            }
        }
        throw new AssertionError(css + " was not reached with " + MAX_TABS + " Tab presses on " + browser.path());
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    private void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(keys).perform();
    }
}
