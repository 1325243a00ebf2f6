package org.sectorcrm.json.internal;

import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Makes every primitive record component ({@code boolean active}, {@code int rating}, {@code long version})
 * required on input. Jackson would otherwise fill a missing one with {@code false}/{@code 0}, so an import that
 * forgot {@code "active"} would silently deactivate a partner.
 */
public final class CrmAnnotationIntrospector extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember m) {
        Boolean declared = super.hasRequiredMarker(m);
        if (declared != null) {
            return declared;
        }
        return m.getRawType().isPrimitive() ? Boolean.TRUE : null;
    }
}
