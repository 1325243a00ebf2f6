package org.sectorcrm.core.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.sectorcrm.core.matching.MatchRecord;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The matcher's cheap checks before the full score are exact where they must be: the banded edit distance agrees with
 * the full one, and the name pre-filter never turns away two names whose similarity reaches the floor (it would lose a
 * match the clusters need).
 */
class PreFilterPropertiesTest {
    @Property(tries = 500)
    void withinAgreesWithTheFullDistance(@ForAll("words") String a, @ForAll("words") String b, @ForAll @IntRange(min = 0, max = 12) int k) {
        assertThat(Similarity.within(a, b, k)).as("'%s' '%s' k=%d (distance %d)", a, b, k, Similarity.distance(a, b))
                .isEqualTo(Similarity.distance(a, b) <= k);
    }

    @Property(tries = 500)
    void namesReachingTheFloorAreNeverFilteredOut(@ForAll("names") String a, @ForAll("names") String b,
            @ForAll("floors") double floor) {
        // word weights by rarity among these and a few common words, as in a run
        Context context = Context.of(new Profile[] {profile(a), profile(b), profile("becker tool"), profile("becker services"), profile("smith farm")});
        for (List<String> x : Names.variants(List.of(a))) {
            for (List<String> y : Names.variants(List.of(b))) {
                NameForm fx = new NameForm(x);
                NameForm fy = new NameForm(y);
                double similarity = NameForm.similarity(fx, fy, context);
                if (similarity >= floor) {
                    assertThat(NameForm.reaches(fx, fy, context, floor)).as("%s / %s: %.3f >= %.2f", x, y, similarity, floor).isTrue();
                }
            }
        }
    }

    @Example
    void farApartNamesAreFilteredOut() {
        Context context = Context.NONE;
        NameForm a = new NameForm(Names.words("Becker Tool and Die"));
        NameForm b = new NameForm(Names.words("Becker Family Dental"));
        assertThat(NameForm.similarity(a, b, context)).isLessThan(0.75);
        assertThat(NameForm.reaches(a, b, context, 0.75)).isFalse();
        assertThat(NameForm.reaches(a, new NameForm(Names.words("Beckr Tool & Die Inc")), context, 0.75)).isTrue();
    }

    private static Profile profile(String name) {
        return Profile.of(MatchRecord.builder(name).name(name).build());
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcde").ofMaxLength(14);
    }

    /** Names from a small vocabulary with typos, so that many pairs land near the floor. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of("becker", "becke", "tool", "tools", "die", "and", "farm", "farms", "smith",
                "smyth", "schmidt", "services", "service", "acme", "inc", "llc", "3m", "a", "b", "c", "manufacturing", "mfg"),
                Arbitraries.strings().withChars("aeiklmnrst").ofMinLength(1).ofMaxLength(9));
        return word.list().ofMinSize(1).ofMaxSize(5).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<Double> floors() {
        return Arbitraries.of(0.5, 0.75, 0.8, 0.82, 0.9, 0.92, 0.97);
    }
}
