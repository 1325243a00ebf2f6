package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.mail.MailSettings;

/**
 * The message thread between two partners in a real browser, with e-mail going to GreenMail on loopback: Ann (partner A)
 * sends a referral from the employer page and posts a message; Bo (partner B) sees one unread message in his inbox,
 * reads it (the count goes to 0), replies and attaches a file to the referral; Ann sees the reply and the file. Each new
 * message is e-mailed once to the other partner's staff, never to its author. The outbox is polled by the test
 * (the server's own poller is set to a day), so no test waits on a timer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageThreadBrowserTest extends BrowserTestBase {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private GreenMail smtp;

    MessageThreadBrowserTest() {
        super("message-thread", "message-thread");
    }

    @Override
    protected void beforeStart(CrmApplication app) {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app.mail(new MailSettings("127.0.0.1", port, false, null, null, "crm@board.example", "https://crm.region.example"))
                .pollInterval(Duration.ofDays(1));
    }

    @AfterAll
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** The messages' e-mails so far, as "recipient subject". */
    private List<String> messageMails() {
        fixture.app.integrations().pollNow();
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> to(m) + " " + subject(m)).filter(s -> s.contains("New message")).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSendsAndWritesBReadsRepliesWithAFileAndEachMessageIsMailedOnce(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("intake-form.pdf"), PDF);
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers/" + fixture.employer.id().asString() + "/referrals/new");
        browser.choose("f-toPartner", fixture.partnerB.id().asString());
        browser.type("f-requestedService", "Incumbent worker training for welders");
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        String page = browser.path();
        browser.type("f-body", "Their HR lead expects your call this week.");
        browser.find("form[action$='/messages'] button[type=submit]").click();
        browser.waitFor("#message-list");
        assertThat(browser.text("#message-list")).contains("Their HR lead expects your call this week.");
        assertThat(messageMails()).containsExactly("bo@college.example [SectorCRM] New message from Regional Workforce Board: Gearworks Precision Manufacturing");
        browser.signOut();

        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.open("/referrals");
        assertThat(browser.text("#unread")).contains("(1)");
        browser.shot("b-one-unread");
        browser.checkAccessibility("inbox with an unread message");
        browser.find("section[aria-labelledby=unread] a[href^='" + page + "']").click();
        browser.waitFor("#message-list");
        assertThat(browser.text("#message-list")).contains("Their HR lead expects your call this week.").contains("new");
        browser.checkAccessibility("thread, read by B");
        browser.open("/referrals");
        assertThat(browser.text("#unread")).contains("(0)");

        browser.open(page);
        browser.type("f-body", "Called them: intake form attached below.");
        browser.find("form[action$='/messages'] button[type=submit]").click();
        browser.waitFor("#message-list");
        browser.find("#f-file").sendKeys(file.toString());
        browser.find("form[enctype='multipart/form-data'] button[type=submit]").click();
        // the message's page still shows its own flash until the upload's answer arrives: wait for the file itself
        browser.waitForTextContaining("section[aria-labelledby=attachments]", "intake-form.pdf");
        browser.signOut();

        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/referrals");
        assertThat(browser.text("#unread")).contains("(1)");
        browser.open(page);
        assertThat(browser.text("#message-list")).contains("Called them: intake form attached below.");
        assertThat(browser.text("section[aria-labelledby=attachments]")).contains("intake-form.pdf").contains("Bo College");
        browser.shot("a-sees-reply");
        browser.checkAccessibility("thread with the reply and the file");

        assertThat(messageMails()).as("each message once, to the other partner's staff only").containsExactlyInAnyOrder(
                "bo@college.example [SectorCRM] New message from Regional Workforce Board: Gearworks Precision Manufacturing",
                "ann@board.example [SectorCRM] New message from Rock Valley College: Gearworks Precision Manufacturing",
                "admin@board.example [SectorCRM] New message from Rock Valley College: Gearworks Precision Manufacturing");
        assertThat(messageMails()).as("polling again sends nothing twice").hasSize(3);
    }
}
