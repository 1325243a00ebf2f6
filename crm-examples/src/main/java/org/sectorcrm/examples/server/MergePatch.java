package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * JSON Merge Patch (RFC 7396): a partial update is an object whose members replace the record's, recursively for
 * objects; {@code null} removes a member; arrays (and every other value) replace whole.
 */
final class MergePatch {
    static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** The patch of a {@code PATCH} request, which must be declared {@value #MEDIA_TYPE} (415 otherwise). */
    static ObjectNode body(Context ctx) {
        String ct = ctx.header("Content-Type");
        String type = ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(MEDIA_TYPE)) {
            throw new ApiException(415, "Unsupported Media Type", "send the patch as " + MEDIA_TYPE + " (RFC 7396), not "
                    + (ct == null ? "without a Content-Type" : ct) + "; PUT takes the whole record as application/json");
        }
        return Http.objectBody(ctx);
    }

    /** {@code patch} applied to {@code target} (which is left as it was), per RFC 7396 section 2. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        List<String> names = new ArrayList<>();
        patch.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = patch.get(name);
            if (value.isNull()) {
                result.remove(name);
            } else {
                result.set(name, apply(result.get(name), value));
            }
        }
        return result;
    }
}
