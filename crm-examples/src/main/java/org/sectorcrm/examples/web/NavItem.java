package org.sectorcrm.examples.web;

/** One entry of the main navigation; {@code current} marks the page's own area ({@code aria-current="page"}). */
public record NavItem(String href, String label, boolean current) {
}
