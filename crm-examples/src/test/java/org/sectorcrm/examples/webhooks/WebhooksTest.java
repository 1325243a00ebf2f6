package org.sectorcrm.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.examples.integrations.ServerTables;
import org.sectorcrm.examples.integrations.TwoPartners;
import org.sectorcrm.json.CrmJson;

/**
 * Webhooks against a real HTTP receiver on loopback (the JDK's HttpServer): signatures the documented check accepts and
 * a tampered one it refuses, retries with back-off until the receiver recovers with each event accepted exactly once,
 * and an endpoint disabled after repeated failure, with a notice and a delivery log.
 */
class WebhooksTest {
    /** One request as the receiver got it. */
    record Received(String eventId, String timestamp, String signature, byte[] body, int answered) {
    }

    private TwoPartners region;
    private ServerTables tables;
    private HttpServer receiver;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private final List<WebhookEndpoint> disabled = new ArrayList<>();

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        region = new TwoPartners("jdbc:sqlite:" + dir.resolve("crm.db"));
        tables = new ServerTables(region.jdbcUrl);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP), exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE),
                    body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        tables.close();
        region.close();
    }

    private Webhooks webhooks(int disableAfter) {
        return new Webhooks(region.crm, tables, region.dispatcher("node-1"), region.clock, disableAfter, disabled::add);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private List<Received> accepted() {
        return received.stream().filter(r -> r.answered() == 204).toList();
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsEachEventExactlyOnceAfterTheRetries() throws Exception {
        Webhooks hooks = webhooks(15);
        Webhooks.Registered reg = hooks.register(region.admin.id(), url(), List.of("referral.*"));
        assertThat(reg.secret()).startsWith("whsec_");
        Referral r = region.referral("Acme Tool & Die");
        r = region.as(region.collegeStaff).referrals().accept(r.id(), r.version());
        failuresToGive.set(3);

        hooks.pollAll();
        for (int i = 1; i <= 3; i++) {
            assertThat(received).hasSize(i);
            region.clock.advance(Duration.ofSeconds(10L << (i - 1))); // the dispatcher's back-off: 10 s, 20 s, 40 s
            hooks.pollAll();
        }
        hooks.pollAll();

        assertThat(received).hasSize(5).extracting(Received::answered).containsExactly(503, 503, 503, 204, 204);
        assertThat(accepted()).extracting(Received::eventId).doesNotHaveDuplicates().hasSize(2);
        for (Received got : received) {
            assertThat(WebhookSignature.verify(reg.secret(), got.timestamp(), got.signature(), got.body(), region.clock.instant(),
                    WebhookSignature.REPLAY_WINDOW)).as("signature of %s", got.eventId()).isTrue();
        }
        JsonNode created = CrmJson.mapper().readTree(accepted().get(0).body());
        assertThat(created.get("type").asText()).isEqualTo("referral.created");
        assertThat(created.get("id").asText()).isEqualTo(accepted().get(0).eventId());
        assertThat(created.at("/record/id").asText()).isEqualTo(r.id().asString());
        assertThat(CrmJson.mapper().readTree(accepted().get(1).body()).at("/event/to").asText()).isEqualTo("ACCEPTED");

        List<WebhookDelivery> log = hooks.deliveries(reg.endpoint().id(), 50);
        assertThat(log).extracting(WebhookDelivery::outcome).containsExactly("DELIVERED", "DELIVERED", "FAILED", "FAILED", "FAILED");
        assertThat(log.get(1).attempt()).as("the created event's fourth attempt").isEqualTo(4);
        assertThat(log.get(2).status()).isEqualTo(503);
        assertThat(hooks.get(reg.endpoint().id()).active()).isTrue();
        assertThat(disabled).isEmpty();
    }

    @Test
    void aTamperedBodyOrTimestampOrAReplayFailsTheDocumentedCheck() {
        Webhooks hooks = webhooks(15);
        Webhooks.Registered reg = hooks.register(region.admin.id(), url(), List.of("*"));
        region.referral("Beta Plastics");
        hooks.pollAll();
        Received got = received.get(0);
        var now = region.clock.instant();
        var window = WebhookSignature.REPLAY_WINDOW;
        assertThat(WebhookSignature.verify(reg.secret(), got.timestamp(), got.signature(), got.body(), now, window)).isTrue();

        byte[] tampered = got.body().clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(WebhookSignature.verify(reg.secret(), got.timestamp(), got.signature(), tampered, now, window)).as("body changed").isFalse();
        String later = Long.toString(Long.parseLong(got.timestamp()) + 60);
        assertThat(WebhookSignature.verify(reg.secret(), later, got.signature(), got.body(), now, window)).as("timestamp changed").isFalse();
        assertThat(WebhookSignature.verify("whsec_someone-else", got.timestamp(), got.signature(), got.body(), now, window)).as("other secret")
                .isFalse();
        assertThat(WebhookSignature.verify(reg.secret(), got.timestamp(), got.signature(), got.body(), now.plus(Duration.ofMinutes(6)), window))
                .as("replayed after the window").isFalse();
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledWithANoticeAndCanBeEnabledAgain() {
        Webhooks hooks = webhooks(3);
        Webhooks.Registered reg = hooks.register(region.admin.id(), url(), List.of("referral.created"));
        region.referral("Gamma Foods");
        failuresToGive.set(1000);
        for (int i = 0; i < 3; i++) {
            hooks.pollAll();
            region.clock.advance(Duration.ofMinutes(10));
        }
        WebhookEndpoint e = hooks.get(reg.endpoint().id());
        assertThat(e.active()).isFalse();
        assertThat(e.disabledReason()).contains("3 failed attempts").contains("HTTP 503");
        assertThat(disabled).extracting(WebhookEndpoint::id).containsExactly(e.id());
        assertThat(hooks.deliveries(e.id(), 10).get(0).outcome()).isEqualTo("DISABLED");
        hooks.pollAll();
        assertThat(received).as("a disabled endpoint gets nothing").hasSize(3);

        failuresToGive.set(0);
        hooks.enable(e.id());
        hooks.pollAll();
        assertThat(accepted()).hasSize(1);
    }

    @Test
    void registrationNamesEveryBadFieldAtOnce() {
        Webhooks hooks = webhooks(15);
        assertThatThrownBy(() -> hooks.register(region.admin.id(), "ftp://example.org/x", List.of("referral.sent", "nothing.*")))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.violations())
                        .extracting(f -> f.field()).containsExactly("url", "events[0]", "events[1]"));
    }
}
