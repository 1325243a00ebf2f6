package org.sectorcrm.core.reference;

import java.util.Locale;
import java.util.regex.Pattern;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.ValidationException;

/**
 * An e-mail address, trimmed and lower-cased so that one person is one key (contacts are matched on
 * employer + e-mail). Accepts the addresses people actually use, not every RFC 5322 corner.
 */
public record EmailAddress(String value) implements Comparable<EmailAddress> {
    private static final Pattern SHAPE = Pattern.compile(
            "[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

    public EmailAddress {
        if (value == null || value.length() > Limits.NAME || !SHAPE.matcher(value).matches()
                || value.startsWith(".") || value.contains("..") || value.indexOf('@') > 64) {
            throw ValidationException.of("email", "value", "is not an e-mail address: '" + value + "'");
        }
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            throw ValidationException.of("email", "value", "must be normalised (lower case); use EmailAddress.parse");
        }
    }

    public static EmailAddress parse(String text) {
        if (text == null) {
            throw ValidationException.of("email", "value", "is required");
        }
        return new EmailAddress(text.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code j***@example.com}: what a VIEWER sees. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    @Override
    public int compareTo(EmailAddress o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
