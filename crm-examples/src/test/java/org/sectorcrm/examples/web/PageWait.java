package org.sectorcrm.examples.web;

import java.time.Duration;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waiting for the page a click loads, when the page before may already show what the next one will (a message, a
 * button): wait until the clicked element has left the document, then for {@code css}. Chromium reports a node of an
 * unloaded page either as stale or as "does not belong to the document": both mean the next page is there.
 */
final class PageWait {
    private PageWait() {
    }

    static void clickAndWait(Browser browser, WebElement element, String css) {
        element.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        browser.waitFor(css);
    }
}
