package org.sectorcrm.core.reference;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;

/** One entry of a partner's service catalog: what it offers employers, filed under an ESE category. */
public record CatalogService(String name, EseCategory category, String description) {
    public CatalogService {
        Check.of("catalogService").text("name", name, Limits.NAME).require("category", category)
                .optionalText("description", description, Limits.DESCRIPTION).throwIfInvalid();
    }
}
