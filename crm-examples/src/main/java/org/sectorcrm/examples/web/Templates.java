package org.sectorcrm.examples.web;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The precompiled JTE templates of {@code src/main/jte} (generated into this package's {@code templates} at build time). */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(),
            "org.sectorcrm.examples.web.templates");

    /** Renders {@code name} (e.g. {@code "employers/list.jte"}) with its parameters; every {@code ${...}} is HTML-escaped. */
    public String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(name, params, out);
        return out.toString();
    }
}
