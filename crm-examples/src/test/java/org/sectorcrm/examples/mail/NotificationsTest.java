package org.sectorcrm.examples.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
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
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.examples.integrations.ServerTables;
import org.sectorcrm.examples.integrations.TwoPartners;

/**
 * E-mail notifications against a real SMTP server (GreenMail on loopback): who gets which referral mail, preferences,
 * no mail to the actor, a restart on another node sends nothing twice, and a server that is down and then back gets
 * every message exactly once after the back-off.
 */
class NotificationsTest {
    private TwoPartners region;
    private ServerTables tables;
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        region = new TwoPartners("jdbc:sqlite:" + dir.resolve("crm.db"));
        tables = new ServerTables(region.jdbcUrl);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        tables.close();
        region.close();
    }

    private Notifications notifications(String node) {
        Mailer mailer = new Mailer(new MailSettings("127.0.0.1", port, false, null, null, "crm@board.example", "https://crm.region.example/"));
        return new Notifications(region.crm, tables, region.dispatcher(node), mailer, region.clock);
    }

    private List<String> recipients() throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).map(NotificationsTest::to).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReferralReachesTheReceivingStaffAndItsAnswersReachTheSenderNeverTheActor() throws Exception {
        Notifications mail = notifications("node-1");
        Referral r = region.referral("Acme Tool & Die");
        mail.poll();

        assertThat(recipients()).containsExactlyInAnyOrder("cy@college.example", "meg@college.example");
        MimeMessage first = smtp.getReceivedMessages()[0];
        assertThat(first.getSubject()).isEqualTo("[SectorCRM] Referral sent: Acme Tool & Die (Northeast Workforce Board to Prairie Community College)");
        String body = GreenMailUtil.getBody(first);
        assertThat(body).contains("customized training for welders", "https://crm.region.example/employers/" + r.employer().asString());
        assertThat(first.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        mail.setPreference(region.collegeManager.id(), Notifications.Preference.NONE);
        assertThat(mail.preference(region.collegeManager.id())).isEqualTo(Notifications.Preference.NONE);
        smtp.purgeEmailFromAllMailboxes();
        r = region.as(region.collegeStaff).referrals().decline(r.id(), r.version(), "we have no welding instructor this term");
        region.referral("Second Shift Plastics");
        mail.poll();

        assertThat(recipients()).as("the decline goes to Bo, who sent it; the new referral only to Cy, as Meg chose none")
                .containsExactlyInAnyOrder("bo@board.example", "cy@college.example");
        MimeMessage declined = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals("bo@board.example")).findFirst().orElseThrow();
        assertThat(declined.getSubject()).startsWith("[SectorCRM] Referral declined: Acme Tool & Die");
        assertThat(GreenMailUtil.getBody(declined)).contains("Reason given: we have no welding instructor this term");
    }

    @Test
    void anotherNodeAfterARestartSendsNothingTwiceAndGoesOnWithNewEvents() throws Exception {
        notifications("node-1").poll(); // registers the consumer before the first event
        region.referral("Acme Tool & Die");
        notifications("node-1").poll();
        assertThat(recipients()).hasSize(2);

        Notifications restarted = notifications("node-2");
        restarted.poll();
        assertThat(recipients()).as("nothing again after the restart").hasSize(2);

        region.referral("Second Shift Plastics");
        restarted.poll();
        assertThat(recipients()).hasSize(4);
    }

    @Test
    void anSmtpServerThatIsDownAndThenBackGetsEveryMessageOnceAfterTheBackOff() throws Exception {
        Notifications mail = notifications("node-1");
        smtp.stop();
        region.referral("Acme Tool & Die");
        mail.poll(); // refused: nothing sent, the event stays
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mail.poll();
        assertThat(recipients()).as("still waiting for the back-off").isEmpty();

        region.clock.advance(Duration.ofSeconds(10));
        mail.poll();
        mail.poll();
        assertThat(recipients()).containsExactlyInAnyOrder("cy@college.example", "meg@college.example");
    }

    @Test
    void anOverdueReferralIsAnnouncedOnceToBothSides() throws Exception {
        Notifications mail = notifications("node-1");
        region.referral("Acme Tool & Die"); // due in 5 days
        mail.poll();
        smtp.purgeEmailFromAllMailboxes();

        region.clock.advance(Duration.ofDays(7));
        mail.poll();
        assertThat(recipients()).containsExactlyInAnyOrder("cy@college.example", "meg@college.example", "bo@board.example");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("[SectorCRM] Referral overdue: Acme Tool & Die");

        region.clock.advance(Duration.ofHours(1));
        mail.poll();
        assertThat(recipients()).as("once per response date").hasSize(3);
    }

    @Test
    void aDigestUserGetsOneMailADayListingEverythingSinceTheLast() throws Exception {
        Notifications mail = notifications("node-1").digestAt(java.time.LocalTime.of(18, 0), java.time.ZoneOffset.UTC); // the clock says 09:00 UTC
        mail.setPreference(region.collegeStaff.id(), Notifications.Preference.DIGEST);
        region.referral("Acme Tool & Die");
        region.referral("Second Shift Plastics");
        mail.poll();
        assertThat(recipients()).as("Meg gets each; Cy waits for the digest").containsExactly("meg@college.example", "meg@college.example");

        region.clock.advance(Duration.ofHours(9).plusMinutes(1)); // 18:01
        mail.poll();
        mail.poll();
        List<MimeMessage> digests = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals("cy@college.example")).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).getSubject()).isEqualTo("[SectorCRM] Your daily digest: 2 updates");
        assertThat(GreenMailUtil.getBody(digests.get(0))).contains("Referral sent: Acme Tool & Die", "Referral sent: Second Shift Plastics");

        region.referral("Third Coast Foods");
        mail.poll();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals("cy@college.example"))).as("one digest a day").hasSize(1);
        region.clock.advance(Duration.ofDays(1));
        mail.poll();
        List<MimeMessage> next = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals("cy@college.example")).toList();
        assertThat(next).hasSize(2);
        assertThat(next.get(1).getSubject()).isEqualTo("[SectorCRM] Your daily digest: 1 update");
    }
}
