package org.sectorcrm.json.internal;

import java.time.DateTimeException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;

/**
 * Turns Jackson's exceptions into the domain's {@link ValidationException}, naming the JSON path of the bad input
 * ({@code establishments[0].address.zip}) so that a user can find it in a file of thousands of records.
 */
public final class JsonErrors {
    /** The field name used when the whole document (not one of its fields) is wrong. */
    public static final String ROOT = "$";
    /** Jackson's wording for a refused coercion: {@code Cannot coerce String value ("many") to `java.lang.Integer`}. */
    private static final Pattern COERCE = Pattern.compile("Cannot coerce ([\\w-]+) value (\\(.*\\)) to ");

    private JsonErrors() {
    }

    /**
     * @param record         the violation's record ({@code "json"}, {@code "line 12"})
     * @param prefix         prepended to every path ({@code ""}, or {@code "data"} for an exchange line)
     * @param keepRootDomain whether a domain rejection of the top-level record is returned as thrown (so that
     *                       {@code employer.legalName} stays {@code employer.legalName}) rather than re-pathed
     */
    public static ValidationException translate(JsonProcessingException e, String record, String prefix, boolean keepRootDomain) {
        if (e instanceof JsonMappingException m) {
            String path = join(prefix, path(m.getPath()));
            ValidationException domain = domainCause(m);
            if (domain != null) {
                if (keepRootDomain && m.getPath().isEmpty()) {
                    return domain;
                }
                List<FieldViolation> violations = new ArrayList<>();
                for (FieldViolation v : domain.violations()) {
                    violations.add(new FieldViolation(record, join(path, v.field()), v.message()));
                }
                return new ValidationException(violations);
            }
            return ValidationException.of(record, orRoot(path), message(m));
        }
        // Malformed JSON: no mapping path, but the parser knows where it stopped.
        String path = prefix;
        if (e instanceof StreamReadException s && s.getProcessor() != null) {
            path = join(prefix, path(s.getProcessor().getParsingContext()));
        }
        return ValidationException.of(record, orRoot(path), "is not well-formed JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
    }

    /** {@code a.b[2].c} from Jackson's reference chain. */
    public static String path(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** {@code a.b[2].c} from a parser's nesting, for errors raised before any object was mapped. */
    public static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    public static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return b.startsWith("[") ? a + b : a + "." + b;
    }

    public static String describe(JsonToken token) {
        if (token == null) {
            return "the end of input";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String orRoot(String path) {
        return path.isEmpty() ? ROOT : path;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " (column " + location.getColumnNr() + ")";
    }

    private static ValidationException domainCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v;
            }
        }
        return null;
    }

    private static String message(JsonMappingException m) {
        if (m instanceof UnrecognizedPropertyException) {
            return "is not a field of this record";
        }
        if (m instanceof InvalidTypeIdException t) {
            return t.getTypeId() == null ? "needs a \"type\"" : "has an unknown type '" + t.getTypeId() + "'";
        }
        if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants()) + " but was '" + f.getValue() + "'";
        }
        if (m instanceof InvalidFormatException f && String.valueOf(f.getOriginalMessage()).startsWith("Cannot coerce")) {
            return "expected " + describe(f.getTargetType()) + " but found " + describeValue(f.getValue());
        }
        Matcher coerce = COERCE.matcher(String.valueOf(m.getOriginalMessage()));
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null && coerce.lookingAt()) {
            return "expected " + describe(mi.getTargetType()) + " but found " + coerce.group(1).toLowerCase(Locale.ROOT) + " " + coerce.group(2);
        }
        if (m instanceof InvalidFormatException f && f.getCause() == null) {
            // Raised by DomainModule with the value type's own message.
            return f.getOriginalMessage();
        }
        Throwable cause = m.getCause();
        if (cause instanceof StreamReadException malformed) {
            return "is not well-formed JSON" + where(malformed.getLocation()) + ": " + malformed.getOriginalMessage();
        }
        if (cause instanceof DateTimeException) {
            return "is not a valid ISO-8601 date or instant: " + cause.getMessage();
        }
        if (cause != null && !(cause instanceof JsonProcessingException)) {
            // A constructor refused the input with something other than a ValidationException.
            return "cannot be read: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        String original = String.valueOf(m.getOriginalMessage());
        if (original.startsWith("Missing required creator property")) {
            return "is required";
        }
        if (original.startsWith("Cannot map `null` into type")) {
            return "must not be null";
        }
        if (original.startsWith("Trailing token")) {
            return "is not well-formed JSON: more content follows the value";
        }
        if (original.startsWith("No content to map")) {
            return "is empty: expected a JSON document";
        }
        return original;
    }

    private static String describeValue(Object value) {
        if (value instanceof String text) {
            return "the string \"" + text + "\"";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        return value instanceof Number n ? "the number " + n : String.valueOf(value);
    }

    /** The JSON shape a Java type is written as, in words. */
    public static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 string";
        }
        return "an object (" + type.getSimpleName() + ")";
    }
}
