package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.examples.server.ApiServer;

/**
 * The contract a generated client can trust: openapi-generator's Java {@code native} client is generated from the
 * document the running server serves ({@code GET /api/v1/openapi.json}), compiled unpatched together with
 * {@code GeneratedClientScenario} (src/test/resources/generated-client), and the scenario then runs against the same
 * server through the generated classes only: log in, page through every employer, create one, PATCH it, a stale
 * If-Match answers 412, and a bad body answers 400 naming each bad field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest {
    static final String PASSWORD = "correct horse battery staple";
    private TestDatabases.Database database;
    private CrmApplication app;
    private String base;
    private final Path out = Path.of("target", "generated-client");

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        app.initialise(PASSWORD.toCharArray(), "admin@board.example", false, 1);
        ApiServer server = app.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    /** The document says what the server enforces, in the places generators and linters read it. */
    @Test
    void theDocumentStatesTheRulesTheServerEnforces() throws Exception {
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + ApiServer.BASE + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(doc.at("/info/license/identifier").asText()).isEqualTo("Apache-2.0");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/cookie/in").asText()).isEqualTo("cookie");
        List<String> undocumented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(o -> {
            if (o.getValue().path("description").asText().isBlank() || o.getValue().path("tags").isEmpty()) {
                undocumented.add(o.getKey() + " " + p.getKey());
            }
        }));
        assertThat(undocumented).as("operations without a description or a tag").isEmpty();
        com.fasterxml.jackson.databind.JsonNode employer = doc.at("/components/schemas/Employer");
        assertThat(employer.get("required")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).contains("id", "stamp", "legalName", "status");
        assertThat(employer.at("/properties/id/readOnly").asBoolean()).isTrue();
        assertThat(employer.at("/properties/id/format").asText()).isEqualTo("uuid");
        assertThat(employer.at("/properties/stamp/readOnly").asBoolean()).isTrue();
        assertThat(employer.at("/properties/fein/pattern").asText()).isNotEmpty();
        assertThat(employer.at("/properties/naics/pattern").asText()).isNotEmpty();
        assertThat(employer.at("/properties/status/$ref").asText()).isEqualTo("#/components/schemas/EmployerStatus");
        assertThat(doc.at("/components/schemas/Address/properties/zip/pattern").asText()).isNotEmpty();
        assertThat(doc.at("/components/schemas/EmployerStatus/enum").size()).isPositive();
        assertThat(doc.at("/components/schemas/EmployerPatch/required").isMissingNode()).isTrue();
        String one = "/paths/~1api~1v1~1employers~1{id}";
        assertThat(doc.at(one + "/get/responses/200/headers/ETag").isObject()).isTrue();
        assertThat(doc.at(one + "/patch/requestBody/content/application~1merge-patch+json/schema/$ref").asText()).endsWith("/EmployerPatch");
        for (String status : List.of("412", "413", "415", "428")) {
            assertThat(doc.at(one + "/patch/responses/" + status + "/content/application~1problem+json").isObject()).as(status).isTrue();
        }
        assertThat(doc.at("/paths/~1api~1v1~1employers/post/responses/201/headers/Location").isObject()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1employers/get/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/EmployerPage");
        assertThat(doc.at("/paths/~1api~1v1~1session/post/responses/429/headers/Retry-After").isObject()).isTrue();
    }

    @Test
    void theGeneratedJavaClientCompilesAndRunsTheScenario() throws Exception {
        TestDatabases.deleteTree(out);
        Files.createDirectories(out);
        HttpResponse<String> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + ApiServer.BASE + "/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).isEqualTo(200);
        Path spec = Files.writeString(out.resolve("openapi.json"), doc.body());

        List<Path> sources = new ArrayList<>(GeneratedClient.generate(spec, out));
        assertThat(sources).isNotEmpty();
        Path scenario = out.resolve("scenario").resolve("GeneratedClientScenario.java");
        Files.createDirectories(scenario.getParent());
        try (var in = GeneratedClientTest.class.getResourceAsStream("/generated-client/GeneratedClientScenario.java")) {
            Files.write(scenario, in.readAllBytes());
        }
        sources.add(scenario);
        List<String> errors = GeneratedClient.compile(sources, out.resolve("classes"));
        assertThat(errors).as("javac errors in the generated client").isEmpty();

        try (var loader = GeneratedClient.loader(out.resolve("classes"))) {
            Class<?> c = loader.loadClass(GeneratedClient.PACKAGE + ".scenario.GeneratedClientScenario");
            @SuppressWarnings("unchecked")
            List<String> steps = (List<String>) c.getMethod("run", String.class, String.class, String.class)
                    .invoke(null, base, "admin@board.example", PASSWORD);
            assertThat(steps).containsExactly("login", "pages", "create", "patch", "stale 412", "problem fields", "contact round trip");
        }
    }
}
