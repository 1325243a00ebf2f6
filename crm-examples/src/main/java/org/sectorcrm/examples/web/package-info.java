/**
 * The web UI of the standalone server: server-rendered pages (JTE templates precompiled at build time, escaped by
 * default) on the same Javalin server and the same login sessions as the REST API. Every page runs as the signed-in
 * staff user through {@link org.sectorcrm.core.Crm#as}, exactly like the API: visibility, PII masking and roles are
 * crm-core's, never re-implemented here. Forms are plain HTML forms (every action works without JavaScript), each
 * state-changing one carries a CSRF token; the Content-Security-Policy allows no inline script or style.
 */
package org.sectorcrm.examples.web;
