package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A cursor's bound selects exactly the ids that sort after the cursor as text, whatever the cursor:
 * what the store binds in SQL is compared here with String.compareTo, the definition.
 */
class CursorsTest {

    @Property(tries = 200)
    void uuidBoundsSelectExactlyTheIdsAfterTheCursor(@ForAll("uuidLists") List<String> ids, @ForAll("cursors") String cursor) {
        Cursors.Bound bound = Cursors.afterUuid(cursor);
        for (String id : ids) {
            assertThat(selects(bound, id)).as("id %s against cursor '%s' (bound %s)", id, cursor, bound).isEqualTo(id.compareTo(cursor) > 0);
        }
    }

    @Property(tries = 200)
    void codeBoundsSelectExactlyTheCodesAfterTheCursor(@ForAll("codeLists") List<String> codes, @ForAll("codeCursors") String cursor) {
        Cursors.Bound bound = Cursors.afterCode(cursor);
        assertThat(bound.value()).as("bounds are printable ASCII, as every engine compares it alike").matches("[\\x20-\\x7E]*");
        for (String code : codes) {
            assertThat(selects(bound, code)).as("code %s against cursor '%s'", code, cursor).isEqualTo(code.compareTo(cursor) > 0);
        }
    }

    private static boolean selects(Cursors.Bound bound, String id) {
        if (bound.isNone()) {
            return false;
        }
        int c = id.compareTo(bound.value());
        return bound.inclusive() ? c >= 0 : c > 0;
    }

    @Provide
    Arbitrary<List<String>> uuidLists() {
        return uuids().list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<String>> codeLists() {
        return codes().list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString());
    }

    /** Ids themselves, prefixes and extensions of ids, their upper-case forms, and arbitrary text. */
    @Provide
    Arbitrary<String> cursors() {
        Arbitrary<String> id = uuids();
        return Arbitraries.oneOf(id, id.map(String::toUpperCase), Combinators.combine(id, Arbitraries.integers().between(0, 36)).as((s, n) -> s.substring(0, n))
                .filter(s -> !s.isEmpty()), Combinators.combine(id, Arbitraries.strings().ofMaxLength(3)).as((s, tail) -> s + tail),
                Combinators.combine(id, Arbitraries.integers().between(0, 35), Arbitraries.chars().range(' ', '\u00ff'))
                        .as((s, n, c) -> s.substring(0, n) + c), Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().withChars("AZaz09.-_").ofMinLength(1).ofMaxLength(8)
                .filter(s -> s.matches("[A-Za-z0-9][A-Za-z0-9._-]*"));
    }

    @Provide
    Arbitrary<String> codeCursors() {
        return Arbitraries.oneOf(codes(), Combinators.combine(codes(), Arbitraries.chars().range('\u0000', '\u00ff')).as((s, c) -> s + c),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(10));
    }
}
