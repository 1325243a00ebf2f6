package org.sectorcrm.examples.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.integrations.EventNames;
import org.sectorcrm.examples.integrations.ServerTables;
import org.sectorcrm.examples.records.SessionRecords;
import org.sectorcrm.jdbc.outbox.EventHandler;
import org.sectorcrm.jdbc.outbox.OutboxDispatcher;
import org.sectorcrm.jdbc.outbox.PollResult;
import org.sectorcrm.json.CrmJson;

/**
 * Webhooks: endpoints an admin registers, each an outbox consumer ({@code webhook:<id>}) of the
 * {@link OutboxDispatcher}, so each gets its events in commit order, at least once, retried with the dispatcher's
 * back-off, from one node at a time, with its own cursor: a receiver that is down holds up only itself. Every attempt is
 * written to the endpoint's delivery log; after {@link #disableAfter} failures in a row the endpoint is disabled and
 * its owner is told ({@code onDisabled}). See {@code docs/integrations.md#webhooks}.
 */
public final class Webhooks {
    private static final System.Logger LOG = System.getLogger(Webhooks.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Crm crm;
    private final ServerTables tables;
    private final OutboxDispatcher outbox;
    private final Clock clock;
    private final int disableAfter;
    private final HttpClient http;
    private final Consumer<WebhookEndpoint> onDisabled;

    /** A new endpoint with its secret, the only time the secret is shown. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    /**
     * @param disableAfter failures in a row (of one event, retried) after which the endpoint is disabled
     * @param onDisabled   told of each endpoint disabled (the server e-mails its owner), after the log entry
     */
    public Webhooks(Crm crm, ServerTables tables, OutboxDispatcher outbox, Clock clock, int disableAfter, Consumer<WebhookEndpoint> onDisabled) {
        if (disableAfter < 1) {
            throw new IllegalArgumentException("disableAfter must be at least 1 but was " + disableAfter);
        }
        this.crm = crm;
        this.tables = tables;
        this.outbox = outbox;
        this.clock = clock;
        this.disableAfter = disableAfter;
        this.onDisabled = onDisabled;
        // Redirects are not followed: a receiver that moved is re-registered by an admin, not followed blindly.
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        String key = tables.key(64);
        tables.ddl(List.of(
                "CREATE TABLE IF NOT EXISTS webhook_endpoints (id " + tables.key(36) + " PRIMARY KEY, url " + tables.text() + " NOT NULL,"
                        + " events " + tables.text() + " NOT NULL, secret " + key + " NOT NULL, owner_id " + tables.key(36) + " NOT NULL,"
                        + " active INTEGER NOT NULL, created_at BIGINT NOT NULL, disabled_at BIGINT, disabled_reason " + tables.text() + ")",
                "CREATE TABLE IF NOT EXISTS webhook_deliveries (endpoint_id " + tables.key(36) + " NOT NULL, event_id " + tables.key(36) + " NOT NULL,"
                        + " event_type " + key + " NOT NULL, seq BIGINT NOT NULL, attempt INTEGER NOT NULL, at BIGINT NOT NULL, status INTEGER NOT NULL,"
                        + " outcome " + tables.key(16) + " NOT NULL, error " + tables.text() + ", millis BIGINT NOT NULL)",
                "CREATE INDEX " + (tables.kind() == ServerTables.Kind.MARIADB ? "" : "IF NOT EXISTS ")
                        + "webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, at)"));
    }

    public int disableAfter() {
        return disableAfter;
    }

    /** Registers an endpoint for {@code events}; it gets the events committed from now on. */
    public Registered register(StaffUserId owner, String url, List<String> events) {
        List<ValidationException> problems = new ArrayList<>();
        URI uri = null;
        try {
            uri = checkUrl(url);
        } catch (ValidationException e) {
            problems.add(e);
        }
        List<String> subscriptions = null;
        try {
            subscriptions = EventNames.checkSubscriptions("webhook", events);
        } catch (ValidationException e) {
            problems.add(e);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().flatMap(p -> p.violations().stream()).toList());
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        outbox.registerFromNow(consumer(id)); // first the cursor, so no event between the two is lost
        tables.update("INSERT INTO webhook_endpoints (id, url, events, secret, owner_id, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)", id,
                uri.toString(), String.join(" ", subscriptions), secret, owner.asString(), now.toEpochMilli());
        return new Registered(find(id).orElseThrow(), secret);
    }

    public List<WebhookEndpoint> list() {
        return tables.query("SELECT id, url, events, owner_id, active, created_at, disabled_at, disabled_reason FROM webhook_endpoints ORDER BY created_at, id",
                Webhooks::endpoint);
    }

    public Optional<WebhookEndpoint> find(String id) {
        return tables.query("SELECT id, url, events, owner_id, active, created_at, disabled_at, disabled_reason FROM webhook_endpoints WHERE id = ?",
                Webhooks::endpoint, id).stream().findFirst();
    }

    public WebhookEndpoint get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    /** Removes the endpoint, its cursor and its delivery log. */
    public void delete(String id) {
        get(id);
        tables.update("DELETE FROM webhook_endpoints WHERE id = ?", id);
        tables.update("DELETE FROM webhook_deliveries WHERE endpoint_id = ?", id);
        outbox.remove(consumer(id));
    }

    /** Switches a disabled endpoint on again; it goes on with the event it stopped at, at once. */
    public WebhookEndpoint enable(String id) {
        get(id);
        tables.update("UPDATE webhook_endpoints SET active = 1, disabled_at = NULL, disabled_reason = NULL WHERE id = ?", id);
        outbox.retryNow(consumer(id));
        return get(id);
    }

    /** The endpoint's delivery log, newest first. */
    public List<WebhookDelivery> deliveries(String id, int limit) {
        get(id);
        return tables.query("SELECT endpoint_id, event_id, event_type, seq, attempt, at, status, outcome, error, millis FROM webhook_deliveries"
                + " WHERE endpoint_id = ? ORDER BY at DESC, CASE WHEN outcome = 'DISABLED' THEN 1 ELSE 0 END DESC, seq DESC, attempt DESC LIMIT " + Math.max(1, Math.min(limit, 1000)), rs -> new WebhookDelivery(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getInt(7),
                        rs.getString(8), rs.getString(9), rs.getLong(10)), id);
    }

    /** One round over every active endpoint: delivers what is due, disables those that failed too often. */
    public void pollAll() {
        for (WebhookEndpoint e : list()) {
            if (e.active()) {
                poll(e);
            }
        }
    }

    PollResult poll(WebhookEndpoint endpoint) {
        PollResult r = outbox.drain(consumer(endpoint.id()), deliverTo(endpoint));
        if (r.outcome() == PollResult.Outcome.FAILED && r.failures() >= disableAfter) {
            disable(endpoint, "disabled after " + r.failures() + " failed attempts in a row; the last: " + r.error());
        }
        return r;
    }

    private EventHandler deliverTo(WebhookEndpoint endpoint) {
        String secret = tables.query("SELECT secret FROM webhook_endpoints WHERE id = ?", rs -> rs.getString(1), endpoint.id()).get(0);
        return stored -> {
            String type = EventNames.of(stored.event());
            if (!endpoint.wants(type)) {
                return;
            }
            byte[] body = payload(endpoint, stored, type);
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .header("User-Agent", "SectorCRM-Webhooks/1").header(WebhookSignature.EVENT_ID, stored.event().eventId().toString())
                    .header(WebhookSignature.EVENT_TYPE, type).header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int attempt = attempts(endpoint.id(), stored.event().eventId().toString()) + 1;
            long started = System.nanoTime();
            int status = 0;
            String error = null;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status < 200 || status > 299) {
                    error = "the receiver answered HTTP " + status;
                }
            } catch (java.io.IOException e) {
                error = "no answer: " + e.getClass().getSimpleName() + (e.getMessage() != null ? " " + e.getMessage() : "");
            }
            log(endpoint.id(), stored, type, attempt, status, error == null ? "DELIVERED" : "FAILED", error, (System.nanoTime() - started) / 1_000_000);
            if (error != null) {
                throw new DeliveryFailed(error);
            }
        };
    }

    /**
     * The body: the event as crm-json writes it, and the record as the endpoint's owner may read it now (notes they may
     * not read are absent, exactly as in the REST API; none for a deletion or a record gone since).
     */
    private byte[] payload(WebhookEndpoint endpoint, StoredEvent stored, String type) throws JsonProcessingException {
        DomainEvent event = stored.event();
        ObjectNode body = CrmJson.mapper().createObjectNode();
        body.put("id", event.eventId().toString());
        body.put("type", type);
        body.put("sequence", stored.sequence());
        body.set("event", CrmJson.mapper().valueToTree(event));
        CrmSession owner;
        try {
            owner = crm.as(StaffUserId.of(endpoint.ownerId()));
        } catch (AccessDeniedException e) {
            throw new DeliveryFailed("the endpoint's owner can no longer read records (" + e.getMessage() + ")");
        }
        if (!(event instanceof DomainEvent.Deleted)) {
            recordFor(owner, event).ifPresent(r -> body.set("record", CrmJson.mapper().valueToTree(r)));
        }
        return CrmJson.mapper().writeValueAsBytes(body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Object> recordFor(CrmSession session, DomainEvent event) {
        var type = (org.sectorcrm.core.type.AggregateType) event.recordType();
        try {
            return (Optional<Object>) SessionRecords.of(session, type).find(type.parseId(event.recordId()));
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
    }

    private void disable(WebhookEndpoint endpoint, String reason) {
        long now = clock.millis();
        tables.update("UPDATE webhook_endpoints SET active = 0, disabled_at = ?, disabled_reason = ? WHERE id = ?", now, reason, endpoint.id());
        tables.update("INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, seq, attempt, at, status, outcome, error, millis)"
                + " VALUES (?, '-', '-', 0, 0, ?, 0, 'DISABLED', ?, 0)", endpoint.id(), now, reason);
        LOG.log(System.Logger.Level.WARNING, "webhook " + endpoint.id() + " (" + endpoint.url() + ") " + reason);
        WebhookEndpoint disabled = get(endpoint.id());
        try {
            onDisabled.accept(disabled);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "telling the owner of webhook " + endpoint.id() + " that it was disabled failed", e);
        }
    }

    private int attempts(String endpointId, String eventId) {
        return tables.query("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ? AND event_id = ?", rs -> rs.getInt(1), endpointId, eventId).get(0);
    }

    private void log(String endpointId, StoredEvent stored, String type, int attempt, int status, String outcome, String error, long millis) {
        tables.update("INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, seq, attempt, at, status, outcome, error, millis)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", endpointId, stored.event().eventId().toString(), type, stored.sequence(), attempt,
                clock.millis(), status, outcome, error, millis);
    }

    static String consumer(String endpointId) {
        return "webhook:" + endpointId;
    }

    private static URI checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ValidationException.of("webhook", "url", "is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw ValidationException.of("webhook", "url", "is not a URL: " + e.getMessage());
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw ValidationException.of("webhook", "url", "must be an absolute http:// or https:// URL, but was '" + url + "'");
        }
        return uri;
    }

    private static WebhookEndpoint endpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        long disabled = rs.getLong(7);
        boolean wasNull = rs.wasNull();
        return new WebhookEndpoint(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split(" ")), rs.getString(4), rs.getInt(5) == 1,
                Instant.ofEpochMilli(rs.getLong(6)), wasNull ? null : Instant.ofEpochMilli(disabled), rs.getString(8));
    }

    /** A delivery that did not reach the receiver, or was not accepted: the dispatcher retries it after its back-off. */
    static final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailed(String message) {
            super(message);
        }
    }
}
