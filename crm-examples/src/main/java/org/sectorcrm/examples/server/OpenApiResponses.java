package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.HandlerType;

/**
 * The parts of an operation the document derives from how the server answers it: the error statuses it can give
 * (each application/problem+json), the headers of its success, a description of its rules, and the problem schema.
 */
final class OpenApiResponses {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OpenApiResponses() {
    }

    /** The statuses besides the success this route answers with, as the server's handlers and filters give them. */
    static List<Integer> errorStatuses(Route r) {
        List<Integer> s = new ArrayList<>(List.of(400));
        if (!r.open() || r.throttled()) {
            s.add(401); // no or a bad credential; a wrong password
        }
        if (!r.open()) {
            s.add(403);
        }
        if (r.path().contains("{")) {
            s.add(404);
        }
        if (r.method() != HandlerType.GET) {
            s.add(409);
        }
        if (r.ifMatch()) {
            s.add(412);
        }
        if (r.requestBody() != null) {
            s.add(413); // over the server's body limit
        }
        if (r.requestBody() != null || r.method() != HandlerType.GET) {
            s.add(415); // not the declared type; for a write that reads none, a body that is not JSON (RouteRules)
        }
        if (r.ifMatch()) {
            s.add(428);
        }
        if (r.throttled()) {
            s.add(429);
        }
        return s;
    }

    static void errors(ObjectNode responses, Route r) {
        for (int status : errorStatuses(r)) {
            ObjectNode answer = responses.putObject(Integer.toString(status)).put("description", describe(status));
            if (status == 429) {
                answer.putObject("headers").putObject("Retry-After").put("description", "seconds until the next attempt is counted")
                        .putObject("schema").put("type", "integer").put("format", "int32");
            }
            answer.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        }
    }

    static void headers(ObjectNode ok, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        ObjectNode headers = ok.putObject("headers");
        for (String h : names) {
            ObjectNode header = headers.putObject(h);
            header.put("description", switch (h) {
                case Route.ETAG -> "the record's version, quoted: send it as If-Match with the next write";
                case Route.LOCATION -> "the URL of what was created";
                default -> h;
            });
            header.putObject("schema").put("type", "string");
        }
    }

    /** The operation's description: its summary and the rules a client must know to call it. */
    static String describe(Route r) {
        StringBuilder d = new StringBuilder(r.summary().isEmpty() ? r.operationId() : r.summary()).append('.');
        if (r.open()) {
            d.append(" Needs no session or token.");
        }
        if (r.ifMatch()) {
            d.append(" Needs If-Match with the ETag read: a stale one answers 412, none 428.");
        }
        if (r.method() == HandlerType.PATCH) {
            d.append(" The body is a JSON Merge Patch (application/merge-patch+json); the id cannot change.");
        } else if (r.method() == HandlerType.PUT && r.requestBody() != null) {
            d.append(" PUT replaces: a member left out is removed (use PATCH to change some).");
        }
        if (r.status() == 201 && r.path().endsWith("s")) {
            d.append(" The server assigns the id and stamp.");
        }
        if (r.paged()) {
            d.append(" Keyset-paged: pass 'next' as 'after'.");
        }
        if (r.throttled()) {
            d.append(" Failed password checks are throttled per account and address (429 with Retry-After).");
        }
        return d.toString();
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "invalid input; 'errors' lists each bad field";
            case 401 -> "not authenticated";
            case 403 -> "not allowed for this user";
            case 404 -> "no such record";
            case 409 -> "conflicts with the stored state";
            case 412 -> "the If-Match version is stale";
            case 413 -> "the body is larger than the server accepts";
            case 415 -> "the body is not of the media type this operation reads";
            case 428 -> "If-Match is required";
            case 429 -> "too many failed password checks; retry after Retry-After seconds";
            default -> "error";
        };
    }

    static String describeTag(String tag) {
        return switch (tag) {
            case "meta" -> "This document";
            case "auth" -> "Sessions, the current user and API tokens";
            case "search" -> "Full-text search over every kind of record";
            case "audit" -> "The audit trail";
            case "reports" -> "Aggregate reports";
            case "webhooks" -> "Webhook endpoints and their deliveries";
            default -> "The " + tag + ": list, create, read, replace, patch, delete and history";
        };
    }

    /** RFC 9457 problem details as {@link Problems} writes them, with the field errors of a 400. */
    static ObjectNode problemSchema() {
        ObjectNode s = F.objectNode().put("type", "object").put("description", "RFC 9457 problem details");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer").put("format", "int32");
        p.putObject("detail").put("type", "string");
        p.putObject("instance").put("type", "string");
        // POST /employers: the stored employers a new one likely duplicates (409; ?createAnyway=true creates all the same).
        ObjectNode cand = p.putObject("candidates").put("type", "array").put("description", "409 of POST /employers: likely duplicates")
                .putObject("items").put("type", "object");
        ObjectNode candProps = cand.putObject("properties");
        candProps.putObject("id").put("type", "string").put("format", "uuid");
        candProps.putObject("legalName").put("type", "string");
        candProps.putObject("level").put("type", "string");
        candProps.putObject("score").put("type", "number");
        candProps.putObject("reasons").put("type", "array").putObject("items").put("type", "string");
        cand.putArray("required").add("id").add("legalName").add("level").add("score").add("reasons");
        ObjectNode err = p.putObject("errors").put("type", "array").put("description", "400: every bad field, by JSON path")
                .putObject("items").put("type", "object");
        ObjectNode errProps = err.putObject("properties");
        errProps.putObject("field").put("type", "string").put("description", "record.path, like employer.establishments[0].address.zip");
        errProps.putObject("message").put("type", "string");
        err.putArray("required").add("field").add("message");
        err.put("additionalProperties", false);
        s.putArray("required").add("type").add("title").add("status");
        return s;
    }
}
