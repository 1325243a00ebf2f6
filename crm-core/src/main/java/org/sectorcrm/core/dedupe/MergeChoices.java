package org.sectorcrm.core.dedupe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.FieldViolation;

/**
 * Which record's value a merge keeps for a field, where the default (the survivor's value when it has one, else the
 * merged record's) is not wanted. Only single-valued fields are chosen; trade names, establishments, tags and custom
 * fields are always joined ({@link #CHOOSABLE}).
 */
public record MergeChoices(Map<String, Side> fields) {
    /** The fields a choice may name. */
    public static final List<String> CHOOSABLE = List.of("legalName", "fein", "naics", "sector", "region", "employees", "website", "status", "lead",
            "phone", "doNotContact");

    /** Whose value a field takes. */
    public enum Side {
        SURVIVOR, MERGED
    }

    public static final MergeChoices DEFAULTS = new MergeChoices(Map.of());

    public MergeChoices {
        fields = fields == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(fields));
        List<FieldViolation> bad = new java.util.ArrayList<>();
        for (var e : fields.entrySet()) {
            if (!CHOOSABLE.contains(e.getKey())) {
                bad.add(new FieldViolation("merge", "choices." + e.getKey(), "is not a field a merge chooses; one of " + String.join(", ", CHOOSABLE)
                        + " (trade names, establishments, tags and custom fields are joined)"));
            } else if (e.getValue() == null) {
                bad.add(new FieldViolation("merge", "choices." + e.getKey(), "is required: SURVIVOR or MERGED"));
            }
        }
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
    }

    /** The choice for {@code field}, or null for the default. */
    public Side of(String field) {
        return fields.get(field);
    }
}
