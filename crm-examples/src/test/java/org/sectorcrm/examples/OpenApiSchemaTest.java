package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.javalin.http.HandlerType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.json.exchange.ExchangeWriter;
import org.sectorcrm.examples.exchange.ExchangeExport;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.server.Route;

/**
 * What the API writes matches the schemas of its own OpenAPI document: every GET endpoint is called on the demo region
 * (every kind of record, contacts in the clear and masked) and each body is validated against the schema the document
 * gives for that endpoint and status. The record schemas allow no undeclared property, so a field the mapping writes
 * but the document omits fails here, as does a wrong type or a required field left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSchemaTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private DemoApi demo;
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiServer server;
    private String base;
    private String admin;
    private String viewer;
    private JsonNode document;
    private String searchWord;
    private String messagesReferral;
    private String webhookId;

    @BeforeAll
    void start() throws Exception {
        demo = new DemoApi();
        database = demo.database;
        app = demo.app;
        server = demo.server;
        base = demo.base;
        admin = demo.admin;
        viewer = demo.viewer;
        searchWord = demo.searchWord;
        messagesReferral = demo.messagesReferral;
        webhookId = demo.webhookId;
        document = json.readTree(get(ApiServer.BASE + "/openapi.json", null).body());
    }

    @AfterAll
    void stop() throws Exception {
        demo.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    /** The schema the document gives for this route, status and media type, resolvable against the document's components. */
    private Schema responseSchema(String path, String method, int status, String mediaType) {
        JsonNode s = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses").path(Integer.toString(status))
                .path("content").path(mediaType).path("schema");
        assertThat(s.isMissingNode()).as("the document describes %s %s %d %s", method, path, status, mediaType).isFalse();
        ObjectNode root = ((ObjectNode) s).deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", document.get("components").get("schemas"));
        // The document's references point into components/schemas; in a plain JSON Schema they live under $defs.
        try {
            return REGISTRY.getSchema(json.readTree(json.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode assertMatches(HttpResponse<String> r, String routePath, String method, int status) throws Exception {
        assertThat(r.statusCode()).as(method + " " + r.uri() + ": " + r.body()).isEqualTo(status);
        String mediaType = status >= 400 ? "application/problem+json" : "application/json";
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
        JsonNode body = json.readTree(r.body());
        List<Error> errors = responseSchema(routePath, method, status, mediaType).validate(body);
        assertThat(errors).as("%s %s answered %s", method, r.uri(), abbreviate(r.body())).isEmpty();
        return body;
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    @Test
    void everyGetEndpointAnswersWhatItsSchemaSays() throws Exception {
        Map<String, String> firstIds = new HashMap<>();
        List<Route> byId = new ArrayList<>();
        TreeSet<String> checked = new TreeSet<>();
        for (Route route : server.routes()) {
            if (route.method() != HandlerType.GET || !route.mediaType().equals(Route.JSON)) {
                continue; // calendars are iCalendar, checked by AppointmentCalendarTest and the HTTP tests
            }
            String path = route.path();
            if (path.contains("{id}")) {
                byId.add(route);
                continue;
            }
            boolean search = path.contains("/search");
            String query = search ? "?q=" + searchWord : route.paged() ? "?limit=1000" : "";
            for (String token : new String[] {admin, viewer}) {
                if ((path.endsWith("/audit") || path.contains("/webhooks")) && token.equals(viewer)) {
                    continue; // MANAGER (ADMIN for webhooks) and above: the viewer's 403 is checked below
                }
                JsonNode body = assertMatches(get(path + query, token), path, "GET", 200);
                if (path.endsWith("/webhooks")) {
                    firstIds.put(path, body.get(0).get("id").asText());
                }
                if (route.paged() && !search) {
                    assertThat(body.get("items")).as(path + " has records to check").isNotEmpty();
                    JsonNode first = body.get("items").get(0);
                    // a dedupe candidate pair holds its two employers
                    JsonNode record = first.has("id") ? first : first.get("first");
                    firstIds.put(path, record.get("id").asText());
                }
            }
            checked.add(path);
        }
        for (Route route : byId) {
            String list = route.path().substring(0, route.path().indexOf("/{id}"));
            String id = route.path().endsWith("/{id}/messages") ? messagesReferral : firstIds.get(list);
            assertThat(id).as("a record to read from " + route.path()).isNotNull();
            for (String token : new String[] {admin, viewer}) {
                if (route.path().equals(ApiServer.BASE + "/read-markers/{id}") && token.equals(admin)) {
                    // the id is the viewer's marker (read last): nobody else finds it
                    assertMatches(get(route.path().replace("{id}", id), token), route.path(), "GET", 404);
                    continue;
                }
                if (route.path().contains("/webhooks") && token.equals(viewer)) {
                    assertMatches(get(route.path().replace("{id}", id), token), route.path(), "GET", 403);
                    continue;
                }
                assertMatches(get(route.path().replace("{id}", id), token), route.path(), "GET", 200);
            }
            checked.add(route.path());
        }
        long getRoutes = server.routes().stream().filter(r -> r.method() == HandlerType.GET && r.mediaType().equals(Route.JSON)).count();
        assertThat(checked).hasSize((int) getRoutes);
        assertThat(firstIds).containsKeys(ApiServer.BASE + "/outcomes", ApiServer.BASE + "/feedback", ApiServer.BASE + "/contacts",
                ApiServer.BASE + "/appointments");
        assertThat(checked).contains(ApiServer.BASE + "/appointments/{id}/history", ApiServer.BASE + "/search/appointments");
    }

    @Test
    void writesAndProblemsAnswerWhatTheirSchemasSay() throws Exception {
        String employers = ApiServer.BASE + "/employers";
        JsonNode created = assertMatches(send("POST", employers, admin,
                "{\"legalName\":\"Schema Check Foundry\",\"status\":\"ACTIVE\",\"naics\":\"331511\",\"fein\":\"36-7654321\","
                        + "\"tags\":[\"schema\"],\"establishments\":[{\"name\":\"Main plant\",\"address\":{\"street\":\"1 Foundry Rd\","
                        + "\"city\":\"Rockford\",\"state\":\"IL\",\"zip\":\"61101\"},\"primary\":true}]}"),
                employers, "POST", 201);
        String one = employers + "/{id}";
        String path = employers + "/" + created.get("id").asText();
        ObjectNode renamed = ((ObjectNode) created.deepCopy()).put("legalName", "Schema Check Foundry LLC");
        assertMatches(send("PUT", path, admin, json.writeValueAsString(renamed), "If-Match", "\"1\""), one, "PUT", 200);
        assertMatches(send("PUT", path, admin, json.writeValueAsString(renamed), "If-Match", "\"1\""), one, "PUT", 412);
        assertMatches(send("PUT", path, admin, json.writeValueAsString(renamed)), one, "PUT", 428);
        assertMatches(send("POST", employers, admin, "{\"legalName\":\"X\",\"status\":\"ACTIVE\",\"employees\":\"many\"}"), employers, "POST", 400);
        assertMatches(send("POST", employers, viewer, "{\"legalName\":\"Viewer Corp\",\"status\":\"ACTIVE\"}"), employers, "POST", 403);
        assertMatches(get(employers, null), employers, "GET", 401);
        assertMatches(get(employers + "/0190a6b0-0000-7000-8000-000000000000", admin), one, "GET", 404);
        assertMatches(get(ApiServer.BASE + "/audit", viewer), ApiServer.BASE + "/audit", "GET", 403);
    }

    /** The list endpoint of each aggregate type. */
    private static String pathOf(AggregateType<?, ?, ?> type) {
        return ApiServer.BASE + "/" + type.plural();
    }

    @Test
    void theApiWritesEveryRecordExactlyAsTheExchangeFormatDoes() throws Exception {
        StringWriter file = new StringWriter();
        try (ExchangeWriter out = ExchangeWriter.open(file, Instant.EPOCH)) {
            new ExchangeExport(app.crm().as("admin@board.example"), "schema test").writeAll(out);
        }
        Map<String, List<JsonNode>> exchanged = new HashMap<>();
        file.toString().lines().skip(1).map(this::tree).forEach(line -> exchanged.computeIfAbsent(line.get("type").asText(), k -> new ArrayList<>())
                .add(line.get("data")));
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            List<JsonNode> api = new ArrayList<>();
            String after = null;
            do {
                JsonNode page = json.readTree(get(pathOf(type) + "?limit=1000" + (after == null ? "" : "&after=" + after), admin).body());
                // a contact in the clear is the record itself, in the shape a write takes (no masking marker)
                page.get("items").forEach(api::add);
                after = page.get("next").isNull() ? null : page.get("next").asText();
            } while (after != null);
            assertThat(api).as(type.key()).isNotEmpty().isEqualTo(exchanged.get(type.key()));
        }
    }

    private static String searchWord(Engagement engagement) {
        return engagement.summary().split("\\W+")[0];
    }

    private JsonNode tree(String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyPathParameterIsDeclaredAndCalendarsAreICalendar() {
        for (Route route : server.routes()) {
            JsonNode op = document.path("paths").path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(route.path());
            while (m.find()) {
                String name = m.group(1);
                assertThat(op.path("parameters")).as(route.path()).anySatisfy(p -> {
                    assertThat(p.path("name").asText()).isEqualTo(name);
                    assertThat(p.path("in").asText()).isEqualTo("path");
                });
            }
            if (route.path().endsWith(".ics")) {
                assertThat(op.path("responses").path("200").path("content").has("text/calendar")).as(route.path()).isTrue();
            }
        }
        JsonNode feedSecurity = document.path("paths").path(ApiServer.BASE + "/calendar/{feedToken}.ics").path("get").path("security");
        assertThat(feedSecurity.isArray() && feedSecurity.isEmpty()).as("a feed is opened by its token, not by the API's credentials").isTrue();
    }

    @Test
    void recordSchemasAreClosedAndNameEveryWrittenField() {
        JsonNode employer = document.path("components").path("schemas").path("Employer");
        assertThat(employer.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(employer.path("properties").path("fein").path("type").asText()).isEqualTo("string");
        assertThat(employer.path("properties").path("id").path("type").asText()).isEqualTo("string");
        // crm-json writes a phone number as an object with its parts, not as text
        assertThat(document.path("components").path("schemas").path("PhoneNumber").path("properties").has("e164")).isTrue();
        // only record components are written: derived methods (isDraft, version, nameKey) are not properties
        assertThat(employer.path("properties").has("version")).isFalse();
        assertThat(employer.path("properties").has("draft")).isFalse();
        assertThat(document.path("components").path("schemas").path("StaffUser").path("required")).extracting(JsonNode::asText).contains("active");
    }
}
