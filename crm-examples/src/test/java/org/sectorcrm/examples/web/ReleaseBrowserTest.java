package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;

/**
 * The release of information in a real browser. Sending a referral about a contact without a release is refused with
 * the message on the release's form field; with one it is sent and the referral page shows it. On a referral sent
 * without a contact, staff attach the signed scan, record the release naming the contact and that attachment, and
 * later withdraw it. Every state passes axe-core with no serious or critical violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseBrowserTest extends BrowserTestBase {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    ReleaseBrowserTest() {
        super("release", "release");
    }

    private String maria() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        return ann.contacts().list(ContactFilter.atEmployer(fixture.employer.id()), PageRequest.first(10)).items().get(0).contact().id().asString();
    }

    @Test
    void aReferralAboutAContactNeedsAReleaseAndShowsIt() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers/" + fixture.employer.id().asString() + "/referrals/new");
        browser.waitFor("#f-contact");
        browser.choose("f-toPartner", fixture.partnerB.id().asString());
        browser.type("f-requestedService", "Apprenticeship intake");
        browser.choose("f-contact", maria());
        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#error-summary")).contains("Release of information: form:").contains("record the release of information they signed");
        assertThat(browser.find("#f-releaseForm").getAttribute("aria-invalid")).isEqualTo("true");
        browser.shot("send-without-release");
        browser.checkAccessibility("send refused without a release");

        browser.type("f-releaseForm", "VR-ROI-1");
        browser.set("f-releaseObtainedOn", WebFixture.today().toString());
        browser.type("f-releaseScope", "Employment services with the college");
        browser.set("f-releaseExpiresOn", WebFixture.today().plusYears(1).toString());
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.text("#release-contact")).isEqualTo("Maria Lopez");
        assertThat(browser.text("#release-facts")).contains("VR-ROI-1").contains("Employment services with the college")
                .contains(WebFixture.today().plusYears(1).toString());
        assertThat(browser.text("#release-state")).isEqualTo("Valid today");
        browser.shot("sent-with-release");
        browser.checkAccessibility("referral with a release");
    }

    @Test
    void theSignedScanIsAttachedTheReleaseRecordedAndWithdrawn(@TempDir Path dir) throws Exception {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        Referral sent = ann.referrals().create(Referral.sent(ann.actor().partner(), ann.actor().user(), fixture.partnerB.id(), fixture.employer.id(),
                "Customized training", WebFixture.today(), null));
        Path scan = Files.write(dir.resolve("signed-release.pdf"), PDF);
        String page = "/referrals/" + sent.id().asString();

        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open(page);
        browser.waitFor("#attachments");
        browser.find("#f-file").sendKeys(scan.toString());
        browser.find("form[enctype='multipart/form-data'] button[type=submit]").click();
        browser.waitFor(".flash");
        browser.waitFor("#f-releaseForm");
        browser.checkAccessibility("referral, recording a release");
        browser.find("form[action$='/release'] button[type=submit]").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#error-summary")).contains("The person it is about:");
        browser.choose("f-contact", maria());
        browser.type("f-releaseForm", "VR-ROI-1");
        browser.set("f-releaseObtainedOn", WebFixture.today().toString());
        browser.type("f-releaseScope", "Employment services with the college");
        String file = fixture.app.crm().as(WebFixture.STAFF_A).attachments().of(org.sectorcrm.core.type.AggregateTypes.REFERRAL, sent.id()).get(0)
                .id().asString();
        browser.choose("f-releaseAttachment", file);
        browser.find("form[action$='/release'] button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.text("#release-facts")).contains("signed-release.pdf").contains("Does not expire");
        assertThat(browser.find("#release-facts a[download]").getAttribute("href")).contains("/attachments/" + file + "/content");
        browser.shot("release-recorded");
        browser.checkAccessibility("referral, release recorded");
        browser.signOut();

        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD); // the receiving partner records the withdrawal
        browser.open(page);
        browser.set("f-withdrawnOn", WebFixture.today().toString());
        browser.find("form[action$='/release/withdraw'] button[type=submit]").click();
        browser.driver().switchTo().alert().accept();
        browser.waitFor(".flash");
        assertThat(browser.text("#release-state")).startsWith("Withdrawn on " + WebFixture.today());
        assertThat(browser.all("form[action$='/release/withdraw']")).isEmpty();
        browser.shot("release-withdrawn");
        browser.checkAccessibility("referral, release withdrawn");
        Referral stored = fixture.app.crm().as(WebFixture.STAFF_A).referrals().get(ReferralId.of(sent.id().asString()));
        assertThat(stored.release().withdrawnOn()).isEqualTo(WebFixture.today());
        assertThat(stored.release().attachment()).isEqualTo(file);
    }
}
