package org.sectorcrm.examples.server;

import java.util.List;

/**
 * A set of endpoints under {@code /api/v1} that joins the server with one line: {@code register(new MyRoutes(...))} in
 * {@link ApiServer}'s route table (or {@link ApiServer#register} before {@code start} for an embedder). Paths are
 * relative to {@link ApiServer#BASE}; each {@link Route} is registered with Javalin, authenticated unless it is
 * {@link Route.Builder#open() open}, and described in the OpenAPI document from the same object.
 */
@FunctionalInterface
public interface RouteGroup {
    /** The group's endpoints, in the order the OpenAPI document lists them. */
    List<Route> routes();
}
