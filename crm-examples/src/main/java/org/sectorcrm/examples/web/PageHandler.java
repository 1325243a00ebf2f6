package org.sectorcrm.examples.web;

/** The handler of one page or form: it reads and writes only through {@link WebRequest#crm()} (the signed-in user's session). */
@FunctionalInterface
public interface PageHandler {
    void handle(WebRequest request) throws Exception;
}
