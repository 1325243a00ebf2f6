package org.sectorcrm.examples.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.reference.DoNotContact;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.Release;
import org.sectorcrm.examples.integrations.ServerTables;
import org.sectorcrm.examples.integrations.TwoPartners;

/**
 * Do-not-contact and a withdrawn release of information in the e-mails, against GreenMail on loopback. SectorCRM e-mails
 * staff only: no mail ever goes to a contact's address. A mail about a flagged employer or contact says so in a line of
 * its own, a follow-up reminder to reach a flagged employer is not sent, and after a release is withdrawn every mail on
 * that referral says so while the contact's details cannot be sent across partners again.
 */
class DoNotContactMailTest {
    private TwoPartners region;
    private ServerTables tables;
    private GreenMail smtp;
    private Notifications mail;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        region = new TwoPartners("jdbc:sqlite:" + dir.resolve("crm.db"));
        tables = new ServerTables(region.jdbcUrl);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Mailer mailer = new Mailer(new MailSettings("127.0.0.1", port, false, null, null, "crm@board.example", "https://crm.region.example"));
        mail = new Notifications(region.crm, tables, region.dispatcher("node-1"), mailer, region.clock).digestAt(LocalTime.of(7, 0), ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        smtp.stop();
        tables.close();
        region.close();
    }

    private List<String> recipients() {
        return Arrays.stream(smtp.getReceivedMessages()).map(DoNotContactMailTest::to).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String bodyTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(address)).map(GreenMailUtil::getBody).findFirst().orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(region.clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void aMailAboutAFlaggedEmployerSaysSoAndNoFollowUpReminderIsSent() throws Exception {
        CrmSession bo = region.as(region.boardStaff);
        Employer acme = bo.employers().create(Employer.named("Acme Tool & Die")
                .withDoNotContact(DoNotContact.since(today().minusDays(3), "Asked by letter not to be approached")));
        Employer gear = bo.employers().create(Employer.named("Loves Park Gear"));
        bo.referrals().create(Referral.sent(region.board.id(), region.boardStaff.id(), region.college.id(), acme.id(), "customized training",
                today(), today().plusDays(5)));
        bo.engagements().create(Engagement.of(acme.id(), region.board.id(), region.boardStaff.id(), today(), Channel.CALL, "Spoke to HR")
                .withFollowUpDue(today().plusDays(1)));
        bo.engagements().create(Engagement.of(gear.id(), region.board.id(), region.boardStaff.id(), today(), Channel.CALL, "Spoke to HR")
                .withFollowUpDue(today().plusDays(1)));
        mail.poll();
        assertThat(recipients()).containsExactlyInAnyOrder("cy@college.example", "meg@college.example");
        assertThat(bodyTo("cy@college.example")).contains("DO NOT CONTACT the employer: flagged since " + today().minusDays(3)
                + ": Asked by letter not to be approached");

        smtp.purgeEmailFromAllMailboxes();
        region.clock.advance(Duration.ofDays(1));
        mail.poll();
        assertThat(recipients()).as("only the unflagged employer's reminder").containsExactly("bo@board.example");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).endsWith(": Loves Park Gear");
    }

    @Test
    void aWithdrawnReleaseIsSaidInEveryMailAndTheContactsDetailsAreNotSentAgain() throws Exception {
        CrmSession bo = region.as(region.boardStaff);
        Employer acme = bo.employers().create(Employer.named("Acme Tool & Die"));
        Contact pat = bo.contacts().create(Contact.of(acme.id(), "Pat", "Nguyen").withEmail(EmailAddress.parse("pat.nguyen@acme.example"))
                .withDoNotContact(DoNotContact.since(today(), "Prefers to be reached through the college only"))).contact();
        Release release = Release.obtained("VR-ROI-1", today(), "Employment services with the college", today().plusYears(1));
        Referral r = bo.referrals().create(Referral.sent(region.board.id(), region.boardStaff.id(), region.college.id(), acme.id(),
                "apprenticeship intake", today(), today().plusDays(5)).aboutContact(pat.id(), release));
        mail.poll();
        String sent = bodyTo("cy@college.example");
        assertThat(sent).contains("DO NOT CONTACT the person this referral is about: flagged since " + today())
                .doesNotContain("Pat").doesNotContain("Nguyen").doesNotContain("RELEASE WITHDRAWN");

        smtp.purgeEmailFromAllMailboxes();
        r = bo.referrals().withdrawRelease(r.id(), r.version(), today());
        region.as(region.collegeStaff).messages().post(r.id(), "We will wait for a new form.", null);
        mail.poll();
        assertThat(recipients()).containsExactlyInAnyOrder("bo@board.example", "ada@board.example");
        assertThat(bodyTo("bo@board.example")).contains("RELEASE WITHDRAWN on " + today()).doesNotContain("Nguyen");

        Referral again = Referral.sent(region.board.id(), region.boardStaff.id(), region.college.id(), acme.id(), "apprenticeship intake",
                today(), today().plusDays(5)).aboutContact(pat.id(), r.release());
        assertThatThrownBy(() -> bo.referrals().create(again)).as("the withdrawn release sends the details nowhere again")
                .isInstanceOf(ValidationException.class).hasMessageContaining("release");
        Referral current = bo.referrals().get(r.id());
        assertThatThrownBy(() -> bo.referrals().update(current.id(), current.version(), current.aboutContact(pat.id(), release)))
                .as("nor does undoing the withdrawal").isInstanceOf(ValidationException.class).hasMessageContaining("stays withdrawn");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(DoNotContactMailTest::to)).as("never a mail to the contact")
                .doesNotContain("pat.nguyen@acme.example");
    }
}
