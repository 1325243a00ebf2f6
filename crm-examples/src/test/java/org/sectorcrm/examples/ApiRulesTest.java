package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.HandlerType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.server.Route;

/**
 * The rules every route keeps because the route table declares them ({@code RouteRules}), checked over every operation of
 * the served OpenAPI document, and the one shape of every resource: what a GET answers, a PUT takes back unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRulesTest {
    private static final String SOME_ID = "0190a6b0-0000-7000-8000-000000000000";
    private DemoApi demo;
    private ApiClient api;
    private JsonNode document;

    @BeforeAll
    void start() throws Exception {
        demo = new DemoApi();
        api = new ApiClient(demo.base + ApiServer.BASE);
        document = api.ok(api.get("/openapi.json", null), 200);
    }

    @AfterAll
    void stop() throws Exception {
        demo.close();
    }

    /** Every operation of the document as {@code METHOD path}, path parameters filled with a well-formed id. */
    private List<String[]> operations() {
        List<String[]> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> ops.add(new String[] {method.toUpperCase(Locale.ROOT),
                    path.getKey().replaceAll("\\{[^}]+}", SOME_ID)}));
        }
        assertThat(ops).hasSizeGreaterThan(100);
        return ops;
    }

    @Test
    void everyOperationRefusesAnUnknownQueryParameterNamingIt() throws Exception {
        for (String[] op : operations()) {
            boolean writes = !op[0].equals("GET");
            HttpResponse<String> r = api.send(op[0], demo.base + op[1] + "?limit=5&bogus_param=1&Bogus%00=x", demo.admin, writes ? "{}" : null);
            JsonNode p = api.problem(r, 400);
            assertThat(p.toString()).as(op[0] + " " + op[1]).contains("query.bogus_param").doesNotContain("\u0000");
        }
    }

    @Test
    void noStateChangingOperationTakesABodyACrossSiteFormCanSendWithTheSessionCookie() throws Exception {
        HttpResponse<String> login = api.send("POST", "/session", null, "{\"email\":\"admin@board.example\",\"password\":\"" + DemoApi.PASSWORD + "\"}");
        api.ok(login, 200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(api.ok(api.send("GET", "/me", null, null, "Cookie", cookie), 200)).isNotNull();
        int checked = 0;
        for (String[] op : operations()) {
            if (op[0].equals("GET")) {
                continue;
            }
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz")) {
                String body = type.startsWith("multipart") ? "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xyz--\r\n" : "a=b";
                HttpResponse<String> r = api.send(op[0], demo.base + op[1], null, body, "Content-Type", type, "Cookie", cookie,
                        "Origin", "https://elsewhere.example");
                assertThat(r.statusCode()).as(op[0] + " " + op[1] + " with " + type + ": " + r.body()).isIn(403, 415);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
        // an upload is the file's bytes declared application/octet-stream: the file's own type is not enough
        String upload = "/employers/" + SOME_ID + "/attachments?filename=a.pdf";
        assertThat(api.problem(api.send("POST", upload, null, "%PDF-1.4\n", "Content-Type", "application/pdf", "Cookie", cookie), 415)
                .get("detail").asText()).contains("application/octet-stream");
        // ... and the wage records of a retention report are text/csv, as the document now says
        assertThat(document.at("/paths/" + (ApiServer.BASE + "/reports/retention").replace("/", "~1") + "/post/requestBody/content").has("text/csv"))
                .isTrue();
    }

    @Test
    void whatAGetAnswersAPutTakesBackForEveryResource() throws Exception {
        List<String> roundTripped = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Route put : demo.server.routes()) {
            if (put.method() != HandlerType.PUT || demo.server.routes().stream().noneMatch(g -> g.method() == HandlerType.GET && g.path().equals(put.path())
                    && !g.paged())) {
                // a PUT without a GET of its own (a password) has no read shape to keep; one on a list's path is a batch of
                // records (PUT /establishment-counts), whose records round-trip at /establishment-counts/{id}
                continue;
            }
            expected.add(put.path());
            List<String> paths = new ArrayList<>();
            if (put.path().endsWith("/{id}")) {
                String list = put.path().substring(0, put.path().length() - "/{id}".length());
                // engagements are their partner's to log: list the admin's own, as the demo's first page may hold none of them
                String mine = list.endsWith("/engagements") ? "&partner=" + api.ok(api.get(demo.base + ApiServer.BASE + "/me", demo.admin), 200)
                        .get("partner").asText() : "";
                JsonNode items = api.ok(api.get(demo.base + list + "?limit=100" + mine, demo.admin), 200).get("items");
                assertThat(items).as("a record at " + list).isNotEmpty();
                items.forEach(i -> paths.add(list + "/" + i.get("id").asText()));
            } else {
                paths.add(put.path());
            }
            // the first record the admin may write (another partner's engagement is theirs to log: 403)
            for (String path : paths) {
                HttpResponse<String> read = api.get(demo.base + path, demo.admin);
                JsonNode body = api.ok(read, 200);
                String etag = read.headers().firstValue("ETag").orElse(null);
                HttpResponse<String> written = etag == null ? api.send("PUT", demo.base + path, demo.admin, api.text(body))
                        : api.send("PUT", demo.base + path, demo.admin, api.text(body), "If-Match", etag);
                if (put.path().equals(ApiServer.BASE + "/" + AggregateTypes.EMPLOYER_MERGE.plural() + "/{id}")) {
                    api.problem(written, 400); // a merge record is written by merge and unmerge only (docs/matching.md)
                } else if (put.path().equals(ApiServer.BASE + "/" + AggregateTypes.REFERRAL_MESSAGE.plural() + "/{id}")) {
                    // a sent message is never edited, whatever the body: the refusal names that rule, not the shape
                    assertThat(api.problem(written, 400).get("errors").get(0).get("message").asText()).contains("not edited");
                } else if (put.path().equals(ApiServer.BASE + "/" + AggregateTypes.READ_MARKER.plural() + "/{id}")) {
                    // a read marker moves with POST /referrals/{id}/messages/read only: the refusal names that rule
                    assertThat(api.problem(written, 400).get("errors").get(0).get("message").asText()).contains("markRead");
                } else if (written.statusCode() == 403) {
                    continue;
                } else {
                    JsonNode saved = api.ok(written, 200);
                    assertThat(withoutStamp(saved)).as("PUT " + path + " of what GET answered").isEqualTo(withoutStamp(body));
                }
                roundTripped.add(put.path());
                break;
            }
        }
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThat(roundTripped).contains(ApiServer.BASE + "/" + type.plural() + "/{id}");
        }
        // and every other PUT with a GET of its own (this demo server sends no mail, so /me/notifications is MailApiTest's)
        assertThat(roundTripped).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aViewersMaskedContactIsMarkedByTheReadOnlyMemberAlone() throws Exception {
        JsonNode contact = null;
        for (JsonNode c : api.ok(api.get(demo.base + ApiServer.BASE + "/contacts?limit=200", demo.viewer), 200).get("items")) {
            contact = contact == null && c.has("masked") ? c : contact;
        }
        assertThat(contact).as("a demo contact with an e-mail, masked for the viewer").isNotNull();
        JsonNode schema = document.at("/components/schemas/Contact/properties/masked");
        assertThat(schema.path("readOnly").asBoolean()).isTrue();
        JsonNode clear = api.ok(api.get(demo.base + ApiServer.BASE + "/contacts/" + contact.get("id").asText(), demo.admin), 200);
        assertThat(clear.has("masked")).isFalse();
        assertThat(contact.get("masked").get("email").asText()).contains("***");
        assertThat(contact.hasNonNull("email")).isFalse();
        // without the marker, the viewer's answer is the record in the shape a write takes
        ObjectNode bare = ((ObjectNode) contact.deepCopy());
        bare.remove("masked");
        assertThat(Set.copyOf(iterable(bare.fieldNames()))).isSubsetOf(Set.copyOf(iterable(clear.fieldNames())));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static JsonNode withoutStamp(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        copy.remove("stamp");
        return copy;
    }
}
