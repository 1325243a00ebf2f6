package org.sectorcrm.examples.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.attachments.AttachmentSettings;
import org.sectorcrm.examples.attachments.Attachments;
import org.sectorcrm.examples.mail.MailSettings;
import org.sectorcrm.examples.mail.Mailer;
import org.sectorcrm.examples.mail.Notifications;
import org.sectorcrm.examples.webhooks.WebhookSignature;
import org.sectorcrm.examples.webhooks.Webhooks;
import org.sectorcrm.jdbc.JdbcCrmStorage;
import org.sectorcrm.json.CrmJson;
import org.sectorcrm.testing.TestDatabase;

/**
 * A referral's whole life on two server nodes sharing one PostgreSQL schema, each with its own {@link Integrations}
 * (outbox dispatcher, webhooks, e-mail notifications) and the node that polls changing at every step, one node
 * restarted in the middle: sent, a message each way, an attachment, accepted, an appointment, completed. Every expected
 * e-mail arrives at GreenMail exactly once, to exactly the right people and never to the actor; a webhook receiver on
 * loopback gets each event exactly once (by event id), every delivery with a valid signature.
 */
class ReferralLifeTwoNodesTest {
    private final TestDatabase database = TestDatabase.postgres();
    private TwoPartners region;
    private GreenMail smtp;
    private int smtpPort;
    private HttpServer receiver;
    private final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String[]> headers = Collections.synchronizedList(new ArrayList<>());
    private final List<Node> nodes = new ArrayList<>();

    /** One server node: its own storage, crm-core and integrations on the shared database. */
    private final class Node implements AutoCloseable {
        final JdbcCrmStorage storage;
        final Crm crm;
        final Integrations integrations;

        Node(String name) {
            storage = JdbcCrmStorage.builder().url(region.jdbcUrl).build();
            crm = Crm.builder().storage(storage).clock(region.clock).build();
            integrations = new Integrations(crm, storage, region.jdbcUrl, name, region.clock, e -> { });
            Mailer mailer = new Mailer(new MailSettings("127.0.0.1", smtpPort, false, null, null, "crm@board.example", "https://crm.region.example"));
            Notifications mail = new Notifications(crm, integrations.tables(), integrations.outbox(), mailer, region.clock)
                    .digestAt(java.time.LocalTime.of(7, 0), ZoneOffset.UTC);
            integrations.add(mail::poll);
        }

        void poll() {
            integrations.pollNow();
        }

        @Override
        public void close() {
            integrations.close();
            storage.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        database.start("referral-life");
        region = new TwoPartners(database.databaseUrl());
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            headers.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID),
                exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP), exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
        if (receiver != null) {
            receiver.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (region != null) {
            region.close();
        }
        database.stop();
    }

    private Node node(String name) {
        Node n = new Node(name);
        nodes.add(n);
        return n;
    }

    private List<String> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> to(m) + " " + subject(m)).toList();
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
    void everyMailOnceToTheRightPeopleAndEveryWebhookOnceSignedAcrossTwoNodesAndARestart(@TempDir Path dir) throws Exception {
        Node a = node("node-a");
        Node b = node("node-b");
        Webhooks.Registered hook = a.integrations.webhooks().register(region.admin.id(),
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", List.of("*"));
        a.poll();
        b.poll(); // both nodes' consumers exist before the first event

        Referral r = region.referral("Acme Tool & Die"); // Bo (board) sends it to the college
        b.poll();
        a.poll();
        var cy = b.crm.as(region.collegeStaff);
        var m1 = cy.messages().post(r.id(), "Can we meet their HR lead next week?", null);
        a.poll();
        b.poll();

        a.close(); // node A restarts between two steps
        nodes.remove(a);
        a = node("node-a");
        var bo = a.crm.as(region.boardStaff);
        bo.messages().post(r.id(), "Yes: Tuesday works for them.", m1.id());
        Attachments files = new Attachments(AttachmentSettings.defaults(null).inDirectory(dir.resolve("attachments")));
        files.upload(bo, AggregateTypes.REFERRAL, r.id(), new Attachments.Upload("job-description.txt", null, null),
                new ByteArrayInputStream("Welder, 2nd shift\n".getBytes(StandardCharsets.UTF_8)), -1);
        a.poll();
        b.poll();

        r = cy.referrals().accept(r.id(), cy.referrals().get(r.id()).version());
        LocalDate day = LocalDate.ofInstant(region.clock.instant(), ZoneOffset.UTC).plusDays(6);
        Appointment meeting = cy.appointments().create(Appointment.scheduled(r.employer(), region.college.id(), region.collegeStaff.id(),
                "Intake meeting with HR", LocalDateTime.of(day, java.time.LocalTime.of(10, 0)), LocalDateTime.of(day, java.time.LocalTime.of(11, 0)),
                ZoneId.of("America/Chicago")).about(r.id(), null, null).attendedBy(Set.of(), Set.of(region.boardStaff.id())));
        b.poll();
        a.poll();
        cy.referrals().complete(r.id(), r.version(), "Eight welders enrolled in the spring cohort");
        a.poll();
        b.poll();
        a.poll();
        b.poll();

        assertThat(mails()).containsExactlyInAnyOrder(
                "cy@college.example [SectorCRM] Referral sent: Acme Tool & Die (Northeast Workforce Board to Prairie Community College)",
                "meg@college.example [SectorCRM] Referral sent: Acme Tool & Die (Northeast Workforce Board to Prairie Community College)",
                "bo@board.example [SectorCRM] New message from Prairie Community College: Acme Tool & Die",
                "ada@board.example [SectorCRM] New message from Prairie Community College: Acme Tool & Die",
                "cy@college.example [SectorCRM] New message from Northeast Workforce Board: Acme Tool & Die",
                "meg@college.example [SectorCRM] New message from Northeast Workforce Board: Acme Tool & Die",
                "bo@board.example [SectorCRM] Referral accepted: Acme Tool & Die (Northeast Workforce Board to Prairie Community College)",
                "bo@board.example [SectorCRM] Appointment scheduled: Intake meeting with HR (Acme Tool & Die)",
                "bo@board.example [SectorCRM] Referral completed: Acme Tool & Die (Northeast Workforce Board to Prairie Community College)");

        List<String> ids = headers.stream().map(h -> h[0]).toList();
        assertThat(ids).as("each event once, by id").doesNotHaveDuplicates();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String[] h = headers.get(i);
            assertThat(WebhookSignature.verify(hook.secret(), h[1], h[2], bodies.get(i), region.clock.instant(), WebhookSignature.REPLAY_WINDOW))
                    .as("signature of %s", h[0]).isTrue();
            JsonNode payload = CrmJson.mapper().readTree(bodies.get(i));
            assertThat(payload.get("id").asText()).isEqualTo(h[0]);
            types.add(payload.get("type").asText());
        }
        assertThat(types).contains("referral.created", "referral.status_changed", "appointment.created");
        assertThat(types.stream().filter(t -> t.equals("referral.status_changed"))).as("accepted, completed").hasSize(2);
        assertThat(meeting.id()).isNotNull();
    }
}
