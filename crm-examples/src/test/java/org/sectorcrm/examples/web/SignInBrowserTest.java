package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Signing in and out in a real browser; the layout every page shares (who, for which partner; skip link; axe-core). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest extends BrowserTestBase {
    SignInBrowserTest() {
        super("signin", "sign-in");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensMyWorkWithWhoAndWhichPartner() {
        browser.open("/employers?q=gear");
        assertThat(browser.path()).startsWith("/login?next=");
        browser.shot("sign-in-form");
        browser.checkAccessibility("sign in");
        browser.type("email", WebFixture.STAFF_A);
        browser.type("password", "not the password at all");
        browser.find("form[action='/login'] button").click();
        browser.waitFor("[role=alert]");
        assertThat(browser.text("[role=alert]")).contains("Wrong e-mail or password");
        browser.shot("wrong-password");
        browser.checkAccessibility("sign in refused");

        browser.type("email", WebFixture.STAFF_A);
        browser.type("password", WebFixture.PASSWORD);
        browser.find("form[action='/login'] button").click();
        browser.waitUntilPathIsNot("/login");
        assertThat(browser.path()).isEqualTo("/employers?q=gear"); // back where the user was going
        browser.open("/");
        assertThat(browser.text("#whoami")).contains("Ann Board").contains("STAFF").contains("Regional Workforce Board");
        assertThat(browser.find("a.skip-link").getAttribute("href")).endsWith("#main");
        assertThat(browser.all("main#main")).hasSize(1);
        assertThat(browser.all("nav[aria-label=Main] a[aria-current=page]")).hasSize(1);
        browser.shot("my-work");
        browser.checkAccessibility("my work");

        browser.signOut();
        assertThat(browser.path()).startsWith("/login");
        browser.open("/");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        // a forged sign-out from a page that cannot know the token: the session survives
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var f=document.createElement('form');f.method='post';f.action='/logout';document.body.appendChild(f);f.submit();");
        assertThat(browser.text("[role=alert]")).contains("You are still signed in");
        browser.open("/");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("#whoami")).contains("Ann Board");
    }
}
