package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.records.SessionRecords;

/**
 * The routes every aggregate type gets, derived from its descriptor in one loop over {@link AggregateTypes#all()}: under
 * {@code /{plural}} list (filtered by the filter record's components, keyset-paged), create (the server assigns id and
 * stamp), read (ETag: the version), replace and delete (If-Match: the version read), the record's field history, and
 * {@code /search/{plural}}. A new aggregate type is in the API, the OpenAPI document and the search the day its
 * descriptor exists; only its lifecycle moves are written by hand.
 */
final class RecordRoutes {
    /** What the server does besides the operations after a write (credentials end with their staff user). */
    interface Writes {
        void saved(Object record);

        void deleted(AggregateType<?, ?, ?> type, Id id);
    }

    private final Crm crm;
    private final Writes writes;

    RecordRoutes(Crm crm, Writes writes) {
        this.crm = crm;
        this.writes = writes;
    }

    /** The routes of every type, type by type in dependency order. */
    List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            routes.addAll(of(type));
        }
        return routes;
    }

    private <I extends Id, T extends Aggregate<I>, F> List<Route> of(AggregateType<I, T, F> type) {
        String path = "/" + type.plural();
        String tag = type.plural();
        String one = type.recordClass().getSimpleName();
        Class<?> view = SessionRecords.viewClass(type);
        List<Route> routes = new ArrayList<>();
        routes.add(Route.get(path).tag(tag).id("list" + one, "List " + type.plural() + " in id order, filtered by the query parameters")
                .pages(view).query(Schemas.filterParams(type.filterClass())).handle(ctx -> {
                    F filter = Http.filter(ctx, type.filterClass(), type.all());
                    Http.sendPage(ctx, ops(ctx, type).list(filter, Http.page(ctx)));
                }));
        routes.add(Route.post(path).tag(tag).id("create" + one, "Create a " + type.key() + " (the server assigns its id)").body(type.recordClass())
                .query(type == AggregateTypes.EMPLOYER ? List.of(CREATE_ANYWAY) : List.of())
                .returns(view).status(201).headers(Route.ETAG, Route.LOCATION).handle(ctx -> {
                    ObjectNode tree = Http.objectBody(ctx);
                    readOnlyOut(type, tree); // the server stamps new records
                    if (type.hasGeneratedIds() && tree.hasNonNull("id")) {
                        // Restores keep ids; the API does not: a client-chosen id could take one another record will be given.
                        throw ValidationException.of(type.key(), "id", "is assigned by the server: leave it out");
                    }
                    T draft = Http.convert(tree, type.recordClass(), type.key());
                    Object created = draft instanceof org.sectorcrm.core.employer.Employer e ? createEmployer(ctx, e) : ops(ctx, type).create(draft);
                    T record = SessionRecords.record(type, created);
                    writes.saved(record);
                    ctx.header("ETag", Http.etag(record.version()));
                    ctx.header("Location", ctx.path() + "/" + record.id().asString());
                    Http.send(ctx, 201, created);
                }));
        routes.add(Route.get(path + "/{id}").tag(tag).id("get" + one, "Read one " + type.key() + " (ETag: its version)").returns(view)
                .pathId(type.idClass()).headers(Route.ETAG).handle(ctx -> {
                    I id = type.parseId(ctx.pathParam("id"));
                    Object v = ops(ctx, type).get(id); // one read; an employer's follows merges to the survivor
                    if (!SessionRecords.record(type, v).id().equals(id)) {
                        redirectToSurvivor(ctx, SessionRecords.record(type, v).id());
                        return;
                    }
                    ctx.header("ETag", Http.etag(SessionRecords.record(type, v).version()));
                    Http.send(ctx, 200, v);
                }));
        routes.add(Route.put(path + "/{id}").tag(tag).id("update" + one, "Replace a " + type.key() + "; If-Match must carry the version read")
                .body(type.recordClass()).returns(view).ifMatch().pathId(type.idClass()).headers(Route.ETAG).handle(ctx -> {
                    long expected = Http.ifMatch(ctx);
                    I id = type.parseId(ctx.pathParam("id"));
                    ObjectNode tree = Http.objectBody(ctx);
                    readOnlyOut(type, tree); // the stored stamp is kept; the version read comes with If-Match
                    T changed = Http.convert(tree, type.recordClass(), type.key());
                    RecordOperations<I, T, F, ?> ops = ops(ctx, type);
                    Object saved = Http.preconditioned(() -> ops.update(id, expected, changed));
                    T record = SessionRecords.record(type, saved);
                    writes.saved(record);
                    ctx.header("ETag", Http.etag(record.version()));
                    Http.send(ctx, 200, saved);
                }));
        routes.add(Route.patch(path + "/{id}").tag(tag).id("patch" + one, "Change some fields of a " + type.key() + " with a JSON Merge Patch"
                + " (RFC 7396, application/merge-patch+json: members replace, null removes, arrays replace whole); If-Match must carry the"
                + " version read").body(type.recordClass()).returns(view).ifMatch().pathId(type.idClass()).headers(Route.ETAG).handle(ctx -> {
                    long expected = Http.ifMatch(ctx);
                    I id = type.parseId(ctx.pathParam("id"));
                    ObjectNode patch = MergePatch.body(ctx);
                    RecordOperations<I, T, F, ?> ops = ops(ctx, type);
                    T current = SessionRecords.record(type, ops.get(id));
                    if (current.version() != expected) {
                        throw new ApiException(412, "Precondition Failed", type.key() + " " + id.asString() + " is at version " + current.version()
                                + ", not " + expected + "; reload (current ETag " + Http.etag(current.version()) + ")");
                    }
                    ObjectNode base = ApiJson.mapper().valueToTree(current);
                    base.remove("stamp");
                    JsonNode merged = MergePatch.apply(base, patch);
                    if (merged.isObject()) {
                        readOnlyOut(type, (ObjectNode) merged);
                    }
                    if (!merged.isObject() || !merged.path("id").equals(base.path("id"))) {
                        throw ValidationException.of(type.key(), "id", "cannot be changed: it names the record in the path");
                    }
                    T changed = Http.convert((ObjectNode) merged, type.recordClass(), type.key());
                    Object saved = Http.preconditioned(() -> ops.update(id, expected, changed));
                    T record = SessionRecords.record(type, saved);
                    writes.saved(record);
                    ctx.header("ETag", Http.etag(record.version()));
                    Http.send(ctx, 200, saved);
                }));
        routes.add(Route.delete(path + "/{id}").tag(tag).id("delete" + one, "Delete a " + type.key() + "; If-Match must carry the version read")
                .ifMatch().pathId(type.idClass()).handle(ctx -> {
                    long expected = Http.ifMatch(ctx);
                    I id = type.parseId(ctx.pathParam("id"));
                    RecordOperations<I, T, F, ?> ops = ops(ctx, type);
                    Http.preconditioned(() -> {
                        ops.delete(id, expected);
                        return null;
                    });
                    writes.deleted(type, id);
                    ctx.status(204);
                }));
        routes.add(Route.get(path + "/{id}/history").tag(tag).id("history" + one, "Who created, changed, moved or deleted this " + type.key()
                + ", oldest first, with each field's old and new value (contact PII masked for VIEWERs; a note's text only for its readers)")
                .pages(AuditEntry.class).pathId(type.idClass()).handle(ctx -> {
                    I id = type.parseId(ctx.pathParam("id"));
                    Http.sendPage(ctx, Http.session(ctx).audit().history(type, id, Http.page(ctx)));
                }));
        routes.add(Route.get("/search/" + type.plural()).tag("search").id("search" + one, "The " + type.plural()
                + " matching every word of q (3+ letters each) that you may read, paged like a list").pages(view).query(List.of(QUERY))
                .handle(ctx -> Http.sendPage(ctx, search(Http.session(ctx), type, query(ctx), Http.page(ctx)))));
        return routes;
    }

    /**
     * The read-only members an answer carries and a write ignores, so that what a GET answered can be sent back: the
     * stamp, and a contact's masked-view marker ({@link ContactShape}).
     */
    private static void readOnlyOut(AggregateType<?, ?, ?> type, ObjectNode tree) {
        tree.remove("stamp");
        if (type == AggregateTypes.CONTACT) {
            tree.remove(ContactShape.MEMBER);
        }
    }

    /**
     * {@code GET /employers/{old}} of a merged employer: 308 to the survivor it resolved to (following later merges), with
     * the survivor's id in the body, so a bookmarked or linked id keeps working.
     */
    private static void redirectToSurvivor(Context ctx, Id survivor) throws Exception {
        String location = ctx.path().substring(0, ctx.path().lastIndexOf('/') + 1) + survivor.asString();
        ctx.header("Location", location);
        Http.send(ctx, 308, Map.of("mergedInto", survivor.asString(), "location", location));
    }

    /** {@code POST /employers?createAnyway=true}: create although likely duplicates exist (audited); without it they answer 409. */
    private static final Route.Param CREATE_ANYWAY = new Route.Param("createAnyway", Boolean.class, false);

    private static Object createEmployer(Context ctx, org.sectorcrm.core.employer.Employer draft) {
        var employers = Http.session(ctx).employers();
        String anyway = ctx.queryParam(CREATE_ANYWAY.name());
        if (anyway != null && !anyway.equals("true") && !anyway.equals("false")) {
            throw ValidationException.of("employer", "createAnyway", "must be true or false but was '" + anyway + "'");
        }
        if ("true".equals(anyway)) {
            return employers.createAnyway(draft);
        }
        var creation = employers.createIfNew(draft);
        if (!creation.isCreated()) {
            throw new LikelyDuplicatesProblem(creation.duplicates());
        }
        return creation.created();
    }

    private static final Route.Param QUERY = new Route.Param("q", String.class, true);
    /** How many hits of each type {@code GET /search} answers unless {@code limit} says otherwise. */
    private static final int FIRST_PAGE = 20;

    /** {@code GET /search?q=}: the first page of every type's search, by plural, each with the cursor of its next page. */
    Route searchEverything() {
        return Route.get("/search").tag("search").id("search", "The first page (limit, default " + FIRST_PAGE + ") of each kind of record matching"
                + " every word of q (3+ letters each); page on with GET /search/{plural}?q=...&after=<next>")
                .query(List.of(QUERY, new Route.Param("limit", Integer.class, false))).returns(RecordRoutes::resultsSchema)
                .handle(ctx -> {
                    CrmSession s = Http.session(ctx);
                    String q = query(ctx);
                    if (ctx.queryParam("after") != null) {
                        throw ValidationException.of("search", "after", "belongs to one kind of record: GET /search/{plural}?q=...&after=...");
                    }
                    PageRequest page = ctx.queryParam("limit") == null ? PageRequest.first(FIRST_PAGE) : Http.page(ctx);
                    Map<String, Bodies.PageOf> results = new LinkedHashMap<>();
                    for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                        Page<?> hits = search(s, type, q, page);
                        results.put(type.plural(), Http.pageOf(ctx.path() + "/" + type.plural(), hits));
                    }
                    Http.send(ctx, 200, results);
                });
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode resultsSchema(Schemas schemas) {
        ObjectNode s = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        var required = s.putArray("required");
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            props.set(type.plural(), schemas.page(SessionRecords.viewClass(type)));
            required.add(type.plural());
        }
        s.put("additionalProperties", false);
        return s;
    }

    private Page<?> search(CrmSession s, AggregateType<?, ?, ?> type, String q, PageRequest page) {
        return SessionRecords.search(s, crm.storage(), type, q, page);
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) {
            throw ValidationException.of("search", "q", "is required");
        }
        return q;
    }

    private static <I extends Id, T extends Aggregate<I>, F> RecordOperations<I, T, F, ?> ops(Context ctx, AggregateType<I, T, F> type) {
        return SessionRecords.of(Http.session(ctx), type);
    }

    /** A lifecycle move's work: the id from the path and the version from If-Match. */
    @FunctionalInterface
    interface Action<R> {
        R apply(CrmSession session, String id, long expectedVersion, Context ctx) throws Exception;
    }

    /** A lifecycle move: {@code POST /{plural}/{id}/verb} with {@code If-Match}, answering the moved record and its ETag. */
    static <R extends Aggregate<?>> Route action(AggregateType<?, ?, ?> type, String verb, String operationId, String summary, Class<?> body,
            Action<R> action) {
        return Route.post("/" + type.plural() + "/{id}/" + verb).tag(type.plural()).id(operationId, summary).body(body).returns(type.recordClass())
                .ifMatch().pathId(type.idClass()).headers(Route.ETAG).handle(ctx -> {
                    long expected = Http.ifMatch(ctx);
                    R result = Http.preconditioned(() -> action.apply(Http.session(ctx), ctx.pathParam("id"), expected, ctx));
                    ctx.header("ETag", Http.etag(result.version()));
                    Http.send(ctx, 200, result);
                });
    }
}
