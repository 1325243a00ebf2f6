package org.sectorcrm.core;

/**
 * Where a page starts and how long it is. {@code after} is the cursor of the previous page (null for the
 * first page); rows come in id order, strictly after the cursor.
 */
public record PageRequest(String after, int limit) {
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("page", "limit", "must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
        if (after != null && (after.isBlank() || after.length() > 100)) {
            throw ValidationException.of("page", "after", "is not a cursor returned by a previous page");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    public static PageRequest first() {
        return new PageRequest(null, DEFAULT_LIMIT);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(cursor, limit);
    }
}
