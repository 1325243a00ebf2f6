package org.sectorcrm.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the matcher over records of the labelled generator (typos, suffixes, DBAs, other sites, franchisees,
 * shared addresses) and arbitrary text: comparing is symmetric, and a record with any evidence beside its name matches
 * itself at the establishment level.
 */
class MatcherPropertiesTest {
    private static final Matcher MATCHER = Matcher.withDefaults();
    private static final List<LabelledEmployers.Labelled> SET = LabelledEmployers.generate(7, 600);

    @Property(tries = 200)
    void comparingIsSymmetric(@ForAll("pairs") MatchRecord[] pair) {
        MatchResult ab = MATCHER.compare(pair[0], pair[1]);
        MatchResult ba = MATCHER.compare(pair[1], pair[0]);
        assertThat(ba).isEqualTo(ab);
    }

    @Property(tries = 200)
    void aRecordMatchesItself(@ForAll("records") MatchRecord r) {
        MatchResult self = MATCHER.compare(r, r);
        assertThat(self.isMatch()).as("%s: %s", r, self).isTrue();
        // Same establishment needs establishment evidence (an address, a phone): a generated record with none of it
        // matches itself as the same company only.
        assertThat(self.level()).isIn(MatchLevel.ESTABLISHMENT, MatchLevel.COMPANY);
    }

    @Provide
    Arbitrary<MatchRecord> records() {
        return Arbitraries.of(SET).map(LabelledEmployers.Labelled::record);
    }

    /** Neighbours in the set (often two records of one scenario), and arbitrary records made of random text. */
    @Provide
    Arbitrary<MatchRecord[]> pairs() {
        Arbitrary<MatchRecord[]> neighbours = Combinators.combine(Arbitraries.integers().between(0, SET.size() - 1), Arbitraries.integers().between(0, 6))
                .as((i, d) -> new MatchRecord[] {SET.get(i).record(), SET.get(Math.min(SET.size() - 1, i + d)).record()});
        Arbitrary<String> text = Arbitraries.strings().withChars("abcAB &.,-'0123456789 ").ofMaxLength(30);
        Arbitrary<MatchRecord> random = Combinators.combine(text, text, text, Arbitraries.of("60120", "60120-1234", "61602", null),
                Arbitraries.of("36-1234567", "361234568", null), Arbitraries.of("https://www.acme.example/x", "acme.example", null))
                .as((name, street, trade, zip, fein, web) -> MatchRecord.builder(name + "|" + street).name(name.isBlank() ? "X" : name, trade)
                        .address(street, "Elgin", "IL", zip).fein(fein).website(web).build());
        Arbitrary<MatchRecord[]> arbitrary = Combinators.combine(random, random).as((a, b) -> new MatchRecord[] {a, b});
        return Arbitraries.oneOf(neighbours, arbitrary);
    }
}
