package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.search.SearchTerms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SearchWordsTest {

    @Test
    void asciiWordsStayOthersBecomeHexAndLongOnesAreCut() {
        assertThat(SearchWords.of("Acme Tool&Die, e-mail: zoe@acme.example 660 a1")).containsExactlyInAnyOrder("acme", "tool", "die", "mail", "zoe",
                "example", "660");
        assertThat(SearchWords.of("Müller")).containsExactly("x6dc3bc6c6c6572");
        assertThat(SearchWords.of("x".repeat(100))).containsExactly("x".repeat(SearchWords.MAX_LENGTH));
        assertThat(SearchWords.of(SearchTerms.parse("MÜLLER the"))).containsExactly("the", "x6dc3bc6c6c6572");
    }

    /** The search contract's "never miss", for the words the store indexes: every query word of a matching text is among the text's words. */
    @Property(tries = 200)
    void aTextThatMatchesAQueryHoldsEveryEncodedQueryWord(@ForAll("texts") String text, @ForAll("texts") String query) {
        List<String> tokens = SearchTerms.tokens(query).stream().filter(t -> t.length() >= SearchTerms.MIN_WORD).limit(SearchTerms.MAX_WORDS).toList();
        if (tokens.isEmpty()) {
            return;
        }
        SearchTerms terms = SearchTerms.parse(String.join(" ", tokens));
        Set<String> indexed = SearchWords.of(text + " " + query);
        assertThat(terms.matches(text + " " + query)).isTrue();
        assertThat(indexed).containsAll(SearchWords.of(terms));
        for (String w : indexed) {
            assertThat(w).matches("[a-z0-9]{3," + SearchWords.MAX_LENGTH + "}");
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcXYZ019 -_.@&éÜ東京øÆ\u0301\t\n").ofMaxLength(80);
    }
}
