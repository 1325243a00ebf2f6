package org.sectorcrm.core;

import java.util.List;
import java.util.stream.Collectors;

/** Input broke one or more rules. Lists every violated field, not only the first; nothing was stored. */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String record, String field, String message) {
        return new ValidationException(List.of(new FieldViolation(record, field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Whether a violation names exactly this {@code record.field} path. */
    public boolean names(String path) {
        return violations.stream().anyMatch(v -> v.path().equals(path));
    }

    private static String describe(List<FieldViolation> violations) {
        return violations.size() == 1
                ? "invalid input: " + violations.get(0)
                : violations.size() + " invalid fields: "
                        + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; "));
    }
}
