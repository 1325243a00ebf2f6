package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (Selenium never downloads one here), with a fresh profile
 * per browser. Without Chromium the calling tests are skipped with a loud message, or fail under
 * {@code -Dcrm.requireAll=true} (as the database tests do, see crm-test-support). Every step can be kept as a screenshot
 * under {@code target/browser-screenshots/<test>/}, and {@link #checkAccessibility} runs axe-core inside the page.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("crm.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("crm.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final Path shots;
    private final String base;
    private int step;

    private Browser(ChromeDriver driver, Path profile, Path shots, String base) {
        this.driver = driver;
        this.profile = profile;
        this.shots = shots;
        this.base = base;
    }

    /** Why there is no browser here, or null. Under crm.requireAll=true an absent browser is a failure, not a skip. */
    static String unavailableReason() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString() : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing == null) {
            return null;
        }
        if (Boolean.getBoolean("crm.requireAll")) {
            throw new IllegalStateException("crm.requireAll=true and " + missing + " is not installed: apt-get install -y chromium chromium-driver");
        }
        return "!!! " + missing + " is not installed: the browser tests are SKIPPED (apt-get install -y chromium chromium-driver);"
                + " -Dcrm.requireAll=true makes this a failure.";
    }

    /** A new headless browser against {@code base} (http://127.0.0.1:port), or the test is skipped (or failed, see above). */
    static Browser start(String base, String testName) {
        String reason = unavailableReason();
        if (reason != null) {
            System.err.println(reason);
            throw new TestAbortedException(reason);
        }
        try {
            Path profile = Files.createTempDirectory("sectorcrm-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                    "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            Path shots = Path.of("target", "browser-screenshots", testName);
            Files.createDirectories(shots);
            return new Browser(driver, profile, shots, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    String source() {
        return driver.getPageSource();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Fills a field found by its label's {@code for} id. */
    void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    /** Sets a field's value directly (date inputs take typed text in the browser's locale format, which differs per machine). */
    void set(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Chooses the option with this value in the select {@code id}. */
    void choose(String id, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    /** Ticks (or unticks) the checkbox or radio button whose label reads {@code label} in the group {@code name}. */
    void tick(String name, String label, boolean on) {
        WebElement box = all("input[name='" + name + "']").stream()
                .filter(e -> driver.findElement(By.cssSelector("label[for='" + e.getAttribute("id") + "']")).getText().strip().startsWith(label))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " labelled " + label));
        if (box.isSelected() != on) {
            box.click();
        }
    }

    void signIn(String email, String password) {
        open("/login");
        type("email", email);
        type("password", password);
        find("form[action='/login'] button[type=submit]").click();
        waitUntilPathIsNot("/login");
    }

    void signOut() {
        find("form[action='/logout'] button").click();
        waitUntilPathStarts("/login");
    }

    /** A form's submit returns before the next page has loaded: wait for it (bounded), never sleep. */
    void waitUntilPathStarts(String prefix) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().startsWith(prefix));
    }

    void waitFor(String css) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !all(css).isEmpty());
    }

    /** Waits (bounded) until the element's text is {@code text}: after a form's submit the old page may still be shown. */
    void waitForText(String css, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> text.equals(text(css)));
    }

    /** Waits (bounded) until the element's text contains {@code text}: the old page's own flash may still be shown. */
    void waitForTextContaining(String css, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> text(css).contains(text));
    }

    void waitUntilPathIsNot(String prefix) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !path().startsWith(prefix));
    }

    /** WCAG 1.4.10 reflow: at 320 CSS px wide the page needs no sideways scrolling (the window is restored afterwards). */
    void assertReflowsAt320(String page) {
        size(320, 900);
        try {
            Object fits = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
            Object wide = fits.equals(true) ? "" : ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)"
                            + ".slice(-3).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')");
            assertThat(fits).as("%s fits 320 px without scrolling sideways (too wide: %s)", page, wide).isEqualTo(true);
        } finally {
            size(1280, 900);
        }
    }

    /** The text a same-origin GET returns, read by the page itself (with its session cookie), as a download link would. */
    String fetch(String path) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('FAILED ' + e));", path);
        return String.valueOf(text);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Keeps a screenshot of this step: target/browser-screenshots/<test>/<nn>-<name>.png. */
    void shot(String name) {
        File f = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), shots.resolve(String.format("%02d-%s.png", ++step, name)), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core inside the page (WCAG 2.0/2.1 A and AA rules): no serious or critical violation. */
    void checkAccessibility(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> bad = results.getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(bad).as("axe-core serious/critical violations on %s (%s): %s", page, path(),
                bad.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; "))).isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules on %s", page).isNotEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
