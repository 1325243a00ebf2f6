package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.employer.EmployerFilter;

/**
 * Import and export in a real browser: a CSV from another system (its own column names, one bad FEIN, a script in a
 * cell) is uploaded, its columns pre-mapped from the aliases, the dry run lists the bad row by line and column and
 * stores nothing, the import runs (its page reloading itself until done) and stores the good rows, the script shown as
 * text; the next upload of that kind is pre-mapped as last time; the problems download as CSV; a contacts export is
 * audited. A VIEWER sees no import form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferBrowserTest extends BrowserTestBase {
    TransferBrowserTest() {
        super("transfer", "transfer");
    }

    @Test
    void uploadMapDryRunImportAndExport() throws Exception {
        Path csv = Files.createTempFile("employers-", ".csv");
        Files.writeString(csv, "Company Name,EIN,Town,Extra\r\n"
                + "<script>alert('csv')</script> Tooling,,Rockford,x\r\n"
                + "Bad Fein Foundry,07-1234567,Belvidere,\r\n"
                + "Stateline Plastics,,Loves Park,\r\n", StandardCharsets.UTF_8);
        try {
            browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
            browser.open("/admin");
            browser.find("a[href='/transfer']").click();
            browser.waitFor("#import");
            browser.checkAccessibility("import and export");
            browser.choose("f-kind", "employers");
            browser.find("#f-file").sendKeys(csv.toAbsolutePath().toString());
            browser.find("form[action='/transfer/upload'] button").click();
            browser.waitFor("#map");
            assertThat(browser.text(".flash")).contains("3 lines after the header");
            assertThat(selected("f-map.legalName")).isEqualTo("Company Name"); // an alias of legalName
            assertThat(selected("f-map.fein")).isEqualTo("EIN");
            browser.choose("f-map.city", "Town");
            browser.checkAccessibility("column mapping");
            long before = employers();
            browser.find("form[action$='/dry-run'] button").click();
            browser.waitFor("#preview");
            assertThat(browser.text("#preview [role=status]")).contains("dry run, nothing stored").contains("2 created").contains("1 rejected");
            assertThat(browser.text("#problems")).contains("3").contains("EIN").contains("07");
            assertThat(browser.text("#problems")).contains("Extra");
            assertThat(employers()).isEqualTo(before);
            browser.shot("dry-run");
        browser.assertReflowsAt320("dry run");
            browser.checkAccessibility("dry run");
            String problems = browser.fetch(browser.find("#preview a[href$='/errors']").getAttribute("pathname"));
            assertThat(problems).startsWith("line,column,problem").contains("3,EIN,");

            browser.find("form[action$='/run'] button").click();
            browser.waitFor("#result"); // the running page reloads itself (Refresh header) until the result is there
            assertThat(browser.text("#result [role=status]")).contains("2 created").contains("1 rejected");
            assertThat(employers()).isEqualTo(before + 2);
            browser.shot("imported");
        browser.checkAccessibility("import done");
            browser.open("/employers?q=Tooling");
            assertThat(browser.text("main")).contains("<script>alert('csv')</script> Tooling");
            assertThat(browser.all("main script")).isEmpty();

            // the next file of the same kind is pre-mapped as this one was
            browser.open("/transfer");
            browser.choose("f-kind", "employers");
            browser.find("#f-file").sendKeys(csv.toAbsolutePath().toString());
            browser.find("form[action='/transfer/upload'] button").click();
            browser.waitFor("#map");
            assertThat(selected("f-map.city")).isEqualTo("Town");

            String export = browser.fetch("/transfer/export?records=contacts&format=csv");
            assertThat(export).contains(WebFixture.CONTACT_EMAIL);
            assertThat(browser.fetch("/transfer/export?records=employers&format=ndjson")).contains("Stateline Plastics");
            assertThat(fixture.admin.audit().query(new AuditFilter(null, null, null, "EXPORT_PII", null, null), PageRequest.first(10)).items())
                    .anyMatch(a -> a.actor().equals(fixture.app.crm().as(WebFixture.STAFF_A).actor().user()));
            assertThat(oversizedUpload()).startsWith("HTTP/1.1 413");
            browser.signOut();

            browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
            browser.open("/transfer");
            assertThat(browser.all("form[action='/transfer/upload']")).isEmpty();
            assertThat(browser.fetch("/transfer/export?records=contacts&format=csv")).doesNotContain(WebFixture.CONTACT_EMAIL);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * The status line the server answers to an upload whose headers announce more than {@link WebUi#MAX_UPLOAD_BYTES}:
     * it answers from the headers alone, before any of the body is sent (so none is).
     */
    private String oversizedUpload() throws Exception {
        String cookie = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.URI base = java.net.URI.create(fixture.base());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /transfer/upload HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nCookie: " + cookie
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (WebUi.MAX_UPLOAD_BYTES + 1) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private String selected(String id) {
        return new org.openqa.selenium.support.ui.Select(browser.driver().findElement(org.openqa.selenium.By.id(id))).getFirstSelectedOption()
                .getAttribute("value");
    }

    private long employers() {
        return fixture.admin.employers().list(EmployerFilter.ALL, PageRequest.first(1000)).items().size();
    }
}
