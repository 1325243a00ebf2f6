package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.sectorcrm.examples.server.ApiServer;

/**
 * Attachments in a real browser: staff of partner A attach a PDF shared with every partner to the employer page (the
 * multipart form with its CSRF field), a program disguised as a PDF is refused with a 415 page, the download link gives
 * the same bytes to the signed-in session, partner B sees the shared file, and a VIEWER sees the list without links.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentBrowserTest extends BrowserTestBase {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    AttachmentBrowserTest() {
        super("attachments", "attachments");
    }

    @Test
    void staffAttachAPdfOthersSeeItAndADisguisedProgramIsRefused(@TempDir Path dir) throws Exception {
        Path pdf = Files.write(dir.resolve("job-description.pdf"), PDF);
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        Path disguised = Files.write(dir.resolve("signed-release.pdf"), exe);
        String page = "/employers/" + fixture.employer.id().asString();

        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open(page);
        browser.waitFor("#attachments");
        browser.find("#f-file").sendKeys(pdf.toString());
        browser.type("f-description", "Job description: CNC machinist");
        browser.choose("f-visibility", "SHARED");
        browser.find("form[enctype='multipart/form-data'] button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.path()).isEqualTo(page);
        assertThat(browser.text("section[aria-labelledby=attachments]")).contains("job-description.pdf").contains("application/pdf")
                .contains("Job description: CNC machinist").contains("Shared");
        browser.checkAccessibility("employer page with an attachment");
        browser.shot("attached");
        String href = browser.find("section[aria-labelledby=attachments] a[download]").getAttribute("href");
        assertThat(href).contains(ApiServer.BASE + "/attachments/");
        String cookie = browser.driver().manage().getCookieNamed(ApiServer.SESSION_COOKIE).getValue();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", ApiServer.SESSION_COOKIE + "=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment;"));

        browser.open(page);
        browser.find("#f-file").sendKeys(disguised.toString());
        browser.find("form[enctype='multipart/form-data'] button[type=submit]").click();
        browser.waitFor("h1");
        assertThat(browser.source()).contains("not allowed");
        browser.shot("refused");
        browser.open(page);
        assertThat(browser.text("section[aria-labelledby=attachments]")).doesNotContain("signed-release.pdf");
        browser.signOut();

        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.open(page);
        assertThat(browser.text("section[aria-labelledby=attachments]")).contains("job-description.pdf");
        assertThat(browser.all("section[aria-labelledby=attachments] form[action$='/delete']")).isEmpty(); // another partner's file
        browser.signOut();

        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open(page);
        assertThat(browser.text("section[aria-labelledby=attachments]")).contains("job-description.pdf");
        assertThat(browser.all("section[aria-labelledby=attachments] a[download]")).isEmpty();
        assertThat(browser.all("form[enctype='multipart/form-data']")).isEmpty();
    }

    @Test
    void aReleaseForPartnerStaffOnAReferralIsReadByBothItsPartners(@TempDir Path dir) throws Exception {
        Path release = Files.write(dir.resolve("signed-release.pdf"), PDF);
        var ann = fixture.app.crm().as(WebFixture.STAFF_A);
        var referral = ann.referrals().create(org.sectorcrm.core.referral.Referral.sent(ann.actor().partner(), ann.actor().user(),
                fixture.partnerB.id(), fixture.employer.id(), "Apprenticeship intake", WebFixture.today(), WebFixture.today().plusDays(5)));
        String page = "/referrals/" + referral.id().asString();

        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open(page);
        browser.find("#f-file").sendKeys(release.toString());
        assertThat(browser.find("#f-visibility option[selected]").getAttribute("value")).isEqualTo("PARTNER");
        browser.find("form[enctype='multipart/form-data'] button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.text("section[aria-labelledby=attachments]")).contains("signed-release.pdf").contains("Partner");
        browser.checkAccessibility("referral page with an attachment");
        browser.signOut();

        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.open(page);
        assertThat(browser.all("section[aria-labelledby=attachments] a[download]")).singleElement()
                .satisfies(a -> assertThat(a.getText()).isEqualTo("signed-release.pdf"));
        browser.shot("referral-receiver");
    }
}
