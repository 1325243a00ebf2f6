package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.webhooks.WebhookSignature;

/**
 * The webhook routes of the running server: ADMIN only, each partner's admins see only their partner's endpoints, bad
 * input named field by field, and an endpoint registered over HTTP gets a signed delivery from the server's poller.
 */
class WebhookApiTest {
    private static final String PASSWORD = "correct horse battery staple 7";

    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private HttpServer receiver;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private String admin;
    private String staff;
    private String otherAdmin;
    private CrmSession root;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC()).pollInterval(Duration.ofHours(1)); // the test polls
        StaffUser first = app.initialise(PASSWORD.toCharArray(), "admin@board.example", false, 0);
        root = app.crm().as(first);
        Partner college = root.reference().partners().create(Partner.named("Prairie Community College", PartnerKind.COMMUNITY_COLLEGE));
        StaffUser s = root.reference().staffUsers().create(StaffUser.of(first.partner(), "Sam Staff", "sam@board.example", Role.STAFF));
        StaffUser other = root.reference().staffUsers().create(StaffUser.of(college.id(), "Col Admin", "col@college.example", Role.ADMIN));
        admin = app.accounts().issueToken(first.id(), "webhook test");
        staff = app.accounts().issueToken(s.id(), "webhook test");
        otherAdmin = app.accounts().issueToken(other.id(), "webhook test");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_TYPE));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        ApiServer server = app.start("127.0.0.1", 0);
        api = new ApiClient("http://127.0.0.1:" + server.port() + ApiServer.BASE);
    }

    @AfterEach
    void stop() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (app != null) {
            app.close();
        }
        database.drop();
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void anAdminRegistersAnEndpointThatGetsSignedDeliveriesFromTheServersPoller() throws Exception {
        JsonNode reg = api.ok(api.send("POST", "/webhooks", admin, api.text(Map.of("url", hook(), "events", List.of("employer.*")))), 201);
        String id = reg.at("/endpoint/id").asText();
        assertThat(reg.get("secret").asText()).startsWith("whsec_");
        assertThat(api.ok(api.get("/webhooks/" + id, admin), 200).has("secret")).as("the secret is shown once").isFalse();

        root.employers().create(Employer.named("Acme Tool & Die"));
        app.integrations().pollNow();

        assertThat(received).containsExactly("employer.created");
        JsonNode log = api.ok(api.get("/webhooks/" + id + "/deliveries?limit=10", admin), 200);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(log.get(0).get("status").asInt()).isEqualTo(204);

        api.ok(api.send("DELETE", "/webhooks/" + id, admin, null), 204);
        api.problem(api.get("/webhooks/" + id, admin), 404);
        root.employers().create(Employer.named("Second Shift Plastics"));
        app.integrations().pollNow();
        assertThat(received).as("a removed endpoint gets nothing more").hasSize(1);
    }

    @Test
    void onlyAdminsOfTheOwnersPartnerSeeOrChangeAnEndpoint() throws Exception {
        String id = api.ok(api.send("POST", "/webhooks", admin, api.text(Map.of("url", hook(), "events", List.of("*")))), 201)
                .at("/endpoint/id").asText();

        api.problem(api.send("POST", "/webhooks", staff, api.text(Map.of("url", hook(), "events", List.of("*")))), 403);
        api.problem(api.get("/webhooks", staff), 403);
        api.problem(api.get("/webhooks/" + id, staff), 403);
        assertThat(api.ok(api.get("/webhooks", otherAdmin), 200)).as("another partner's admin lists none of ours").isEmpty();
        api.problem(api.get("/webhooks/" + id, otherAdmin), 404);
        api.problem(api.send("DELETE", "/webhooks/" + id, otherAdmin, null), 404);
        api.problem(api.send("POST", "/webhooks/" + id + "/enable", otherAdmin, null), 404);
        api.problem(api.get("/webhooks/" + id + "/deliveries", otherAdmin), 404);
        assertThat(api.ok(api.get("/webhooks", admin), 200)).extracting(n -> n.get("id").asText()).containsExactly(id);
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsRegistered() throws Exception {
        JsonNode p = api.problem(api.send("POST", "/webhooks", admin, api.text(Map.of("url", "ftp://files.example/x", "events",
                List.of("no.such_event")))), 400);
        assertThat(p.get("errors")).extracting(e -> e.get("field").asText()).contains("webhook.url").anySatisfy(f -> assertThat(f).startsWith("webhook.events"));
        assertThat(api.ok(api.get("/webhooks", admin), 200)).isEmpty();

        String id = api.ok(api.send("POST", "/webhooks", admin, api.text(Map.of("url", hook(), "events", List.of("*")))), 201)
                .at("/endpoint/id").asText();
        JsonNode limit = api.problem(api.get("/webhooks/" + id + "/deliveries?limit=0", admin), 400);
        assertThat(limit.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("query.limit");
    }
}
