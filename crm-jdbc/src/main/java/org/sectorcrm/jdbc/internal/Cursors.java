package org.sectorcrm.jdbc.internal;

/**
 * Turns a page cursor (any text a caller passes as {@code PageRequest.after}) into a bound on the id
 * column that selects exactly the ids sorting after it in {@code Id.asString()} order.
 *
 * <p>Why not bind the cursor as it is: PostgreSQL cannot cast arbitrary text to uuid, and MariaDB
 * compares non-ASCII text with an ASCII column in a different character set. Ids only ever use a few
 * ASCII characters, so every cursor has an equivalent bound written in those characters: the smallest
 * possible id after it (inclusive), or the cursor itself when it is a valid id (exclusive).
 */
public final class Cursors {
    private static final int UUID_LENGTH = 36;
    private static final String HEX = "0123456789abcdef";

    /** A bound: {@code id >= value} when inclusive, else {@code id > value}; {@link #NONE} when no id can follow. */
    public record Bound(String value, boolean inclusive) {
        public static final Bound NONE = new Bound(null, false);

        public boolean isNone() {
            return value == null;
        }
    }

    private Cursors() {
    }

    /** For ids that are canonical lower-case UUID text. */
    public static Bound afterUuid(String cursor) {
        int n = Math.min(cursor.length(), UUID_LENGTH);
        for (int i = 0; i < n; i++) {
            char c = cursor.charAt(i);
            if (allowed(i, c)) {
                continue;
            }
            // The first character no id can have at this position decides.
            char next = nextAllowed(i, c);
            if (next != 0) {
                return new Bound(cursor.substring(0, i) + next + smallestFill(i + 1), true);
            }
            // Every id sharing the prefix sorts before the cursor: continue after the whole prefix.
            return afterPrefix(cursor.substring(0, i));
        }
        if (cursor.length() < UUID_LENGTH) {
            // A proper prefix of ids: all ids starting with it are longer, hence after it.
            return new Bound(cursor + smallestFill(cursor.length()), true);
        }
        // A valid id (possibly followed by more text, which puts that id itself before the cursor).
        return new Bound(cursor.substring(0, UUID_LENGTH), false);
    }

    /**
     * For region and sector codes ({@code [A-Za-z0-9][A-Za-z0-9._-]*}): printable ASCII cursors compare as
     * they are; the first character outside printable ASCII is replaced by one that compares the same way
     * against every code character (a blank if it sorts below them, '{' if above), and the rest dropped.
     */
    public static Bound afterCode(String cursor) {
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return new Bound(cursor.substring(0, i) + (c < 0x20 ? " " : "{"), false);
            }
        }
        return new Bound(cursor, false);
    }

    private static boolean isDash(int i) {
        return i == 8 || i == 13 || i == 18 || i == 23;
    }

    private static boolean allowed(int i, char c) {
        return isDash(i) ? c == '-' : HEX.indexOf(c) >= 0;
    }

    /** The smallest character allowed at position i that is greater than c, or 0. */
    private static char nextAllowed(int i, char c) {
        if (isDash(i)) {
            return c < '-' ? '-' : 0;
        }
        for (int k = 0; k < HEX.length(); k++) {
            if (HEX.charAt(k) > c) {
                return HEX.charAt(k);
            }
        }
        return 0;
    }

    private static String smallestFill(int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < UUID_LENGTH; i++) {
            sb.append(isDash(i) ? '-' : '0');
        }
        return sb.toString();
    }

    /** The smallest id after every string starting with {@code prefix} (a valid id prefix). */
    private static Bound afterPrefix(String prefix) {
        for (int j = prefix.length() - 1; j >= 0; j--) {
            char next = nextAllowed(j, prefix.charAt(j));
            if (next != 0) {
                return new Bound(prefix.substring(0, j) + next + smallestFill(j + 1), true);
            }
        }
        return Bound.NONE;
    }
}
