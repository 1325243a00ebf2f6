package org.sectorcrm.examples.server;

import java.util.List;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint: what is registered with Javalin and what the OpenAPI document describes are the same list,
 * so the document cannot drift from the server.
 *
 * @param requestBody  the JSON body's type, or null
 * @param response     the JSON response item type, or null for 204
 * @param paged        whether the response is {@code {"items":[...],"next":...}} of {@code response}
 * @param queryParams  the query parameters besides paging (for lists: the filter record's components)
 * @param ifMatch      whether the write needs the {@code If-Match} header with the version read
 * @param open         whether it answers without authentication
 */
public record Route(HandlerType method, String path, String tag, String operationId, String summary, Class<?> requestBody,
        Class<?> response, boolean paged, List<Param> queryParams, boolean ifMatch, boolean open, int status, Handler handler) {

    /** A query parameter: its name and Java type (mapped onto a JSON Schema type in the document). */
    public record Param(String name, Class<?> type, boolean required) {
    }
}
