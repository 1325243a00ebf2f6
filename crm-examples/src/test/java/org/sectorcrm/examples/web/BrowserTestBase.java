package org.sectorcrm.examples.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every browser test class shares: one {@link WebFixture} server and one headless Chromium per class (built only
 * when a browser is there: {@link Browser#unavailableReason} fails or skips first), both closed afterwards, and each
 * test starting signed out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    private final String fixtureName;
    private final String screenshots;
    protected WebFixture fixture;
    protected Browser browser;

    /**
     * @param fixtureName the fixture's database name
     * @param screenshots the folder of this class's screenshots under {@code target/browser-screenshots/}
     */
    BrowserTestBase(String fixtureName, String screenshots) {
        this.fixtureName = fixtureName;
        this.screenshots = screenshots;
    }

    @BeforeAll
    void startServerAndBrowser() {
        Browser.unavailableReason(); // fail or skip before building a server for nothing
        fixture = new WebFixture(fixtureName, this::beforeStart);
        browser = Browser.start(fixture.base(), screenshots);
    }

    /** Configures the application before its server starts; nothing by default. */
    protected void beforeStart(org.sectorcrm.examples.CrmApplication app) {
    }

    @AfterAll
    void stopServerAndBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.open("/login");
        browser.driver().manage().deleteAllCookies();
    }
}
