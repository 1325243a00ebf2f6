package org.sectorcrm.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a keyset-paginated result, in id order. {@link #nextCursor()} is empty on the last page;
 * pass it to {@link PageRequest#after(String, int)} for the next one. A cursor is the last id returned,
 * so rows inserted or deleted meanwhile never make another row appear twice or go missing.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        if (items == null) {
            throw ValidationException.of("page", "items", "is required (an empty list for an empty page)");
        }
        items = List.copyOf(items);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    /** Builds a page from up to {@code limit + 1} rows fetched in order: the extra row only says "there is more". */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<? super T, ? extends Id> idOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        return new Page<>(items, idOf.apply(items.get(limit - 1)).asString());
    }
}
