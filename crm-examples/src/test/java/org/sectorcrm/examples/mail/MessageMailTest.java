package org.sectorcrm.examples.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.examples.integrations.ServerTables;
import org.sectorcrm.examples.integrations.TwoPartners;

/**
 * The e-mails of issue 12 beyond the referral's moves, against real SMTP servers on loopback: a new message reaches the
 * other partner's staff (never its author, as each one's preference says), a follow-up coming due reaches the staff user
 * who logged it once per due date, and an SMTP server that refuses with 5xx and then accepts gets each mail once.
 */
class MessageMailTest {
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
        if (smtp != null) {
            smtp.stop();
        }
        tables.close();
        region.close();
    }

    private Notifications notifications() {
        Mailer mailer = new Mailer(new MailSettings("127.0.0.1", port, false, null, null, "crm@board.example", "https://crm.region.example"));
        return new Notifications(region.crm, tables, region.dispatcher("node-1"), mailer, region.clock).digestAt(LocalTime.of(7, 0), ZoneOffset.UTC);
    }

    private List<String> recipients() {
        return Arrays.stream(smtp.getReceivedMessages()).map(MessageMailTest::to).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNewMessageReachesTheOtherPartnersStaffWithItsBodyNeverItsAuthor() throws Exception {
        Notifications mail = notifications();
        Referral r = region.referral("Acme Tool & Die");
        mail.setPreference(region.collegeManager.id(), Notifications.Preference.DIGEST);
        mail.poll();
        smtp.purgeEmailFromAllMailboxes();

        ReferralMessage m = region.as(region.boardStaff).messages().post(r.id(), "Their HR lead is Pat; call after 2 pm.", null);
        mail.poll();
        assertThat(recipients()).as("Cy gets it now, Meg in her digest, Bo wrote it, the board's admin is on the writing side")
                .containsExactly("cy@college.example");
        MimeMessage got = smtp.getReceivedMessages()[0];
        assertThat(got.getSubject()).isEqualTo("[SectorCRM] New message from Northeast Workforce Board: Acme Tool & Die");
        assertThat(GreenMailUtil.getBody(got)).contains("Their HR lead is Pat; call after 2 pm.",
                "https://crm.region.example/referrals/" + r.id().asString() + "#messages");

        smtp.purgeEmailFromAllMailboxes();
        region.as(region.collegeStaff).messages().post(r.id(), "Will do.", m.id());
        mail.poll();
        assertThat(recipients()).containsExactlyInAnyOrder("bo@board.example", "ada@board.example");
        mail.poll();
        assertThat(recipients()).as("once each").hasSize(2);

        smtp.purgeEmailFromAllMailboxes();
        region.clock.advance(Duration.ofDays(1));
        mail.poll();
        assertThat(recipients()).containsExactly("meg@college.example");
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("Their HR lead is Pat");
    }

    @Test
    void aFollowUpComingDueReachesItsAuthorOncePerDueDate() throws Exception {
        Notifications mail = notifications();
        var bo = region.as(region.boardStaff);
        Employer acme = bo.employers().create(Employer.named("Acme Tool & Die"));
        LocalDate today = LocalDate.ofInstant(region.clock.instant(), ZoneOffset.UTC);
        Engagement e = bo.engagements().create(Engagement.of(acme.id(), region.board.id(), region.boardStaff.id(), today, Channel.SITE_VISIT,
                "Walked the line with the plant manager").withFollowUpDue(today.plusDays(2)));
        e = bo.engagements().addNote(e.id(), e.version(), Visibility.PRIVATE, "They may close the second plant");
        mail.poll();
        assertThat(recipients()).isEmpty();

        region.clock.advance(Duration.ofDays(2));
        mail.poll();
        assertThat(recipients()).containsExactly("bo@board.example");
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("[SectorCRM] Follow-up due " + today.plusDays(2) + ": Acme Tool & Die");
        assertThat(body).contains("Walked the line with the plant manager").doesNotContain("second plant");

        region.clock.advance(Duration.ofHours(1));
        mail.poll();
        assertThat(recipients()).as("once per due date").hasSize(1);
        e = bo.engagements().get(e.id());
        bo.engagements().update(e.id(), e.version(), e.withFollowUpDue(today.plusDays(3)));
        region.clock.advance(Duration.ofDays(1));
        mail.poll();
        assertThat(recipients()).as("a new due date is announced again").hasSize(2);
    }

    @Test
    void anSmtpServerThatRefusesWith5xxAndThenAcceptsGetsEachMailOnce() throws Exception {
        smtp.stop();
        smtp = null;
        Notifications mail = notifications();
        Referral r = region.referral("Acme Tool & Die");
        try (Refusing refusing = new Refusing(port)) {
            mail.poll(); // the server answers 554 to every transaction: nothing sent, the event stays
            assertThat(refusing.refused.get()).isPositive();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mail.poll();
        assertThat(recipients()).as("still waiting for the back-off").isEmpty();
        region.clock.advance(Duration.ofSeconds(10));
        mail.poll();
        mail.poll();
        assertThat(recipients()).containsExactlyInAnyOrder("cy@college.example", "meg@college.example");
        assertThat(r.id()).isNotNull();
    }

    /** A minimal SMTP server on loopback that greets, then refuses every MAIL FROM with 554 (permanent failure). */
    static final class Refusing implements AutoCloseable {
        final AtomicInteger refused = new AtomicInteger();
        private final ServerSocket socket;
        private final Thread thread;

        Refusing(int port) throws Exception {
            socket = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = c.getOutputStream();
                    write(out, "220 refusing.example ESMTP");
                    for (String line; (line = in.readLine()) != null; ) {
                        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                        switch (verb) {
                        case "EHLO", "HELO" -> write(out, "250 refusing.example");
                        case "MAIL" -> {
                            refused.incrementAndGet();
                            write(out, "554 5.7.1 Service unavailable; try later");
                        }
                        case "QUIT" -> {
                            write(out, "221 bye");
                            c.close();
                        }
                        default -> write(out, "503 5.5.1 bad sequence");
                        }
                        if (c.isClosed()) {
                            break;
                        }
                    }
                } catch (java.io.IOException e) {
                    // closed by the test, or the client hung up
                }
            }
        }

        private static void write(OutputStream out, String line) throws java.io.IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(10_000); // a guard only: the loop ends when the socket closes
        }
    }
}
