package org.sectorcrm.core.search;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.sectorcrm.core.ValidationException;

/**
 * A parsed search query and the search contract every store meets: case-insensitive, whole words of
 * three or more letters or digits, every query word must occur (AND); a store returns every record
 * whose searchable text ({@link SearchableText}) contains all words, and may return more (stemming)
 * but never miss one. Words are runs of Unicode letters and digits; shorter query words are ignored.
 */
public record SearchTerms(Set<String> words) {
    public static final int MIN_WORD = 3;
    public static final int MAX_WORDS = 16;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public SearchTerms {
        if (words == null || words.isEmpty()) {
            throw ValidationException.of("search", "query", "needs at least one word of " + MIN_WORD + " or more letters or digits");
        }
        if (words.size() > MAX_WORDS) {
            throw ValidationException.of("search", "query", "has " + words.size() + " words; at most " + MAX_WORDS + " are allowed");
        }
        for (String w : words) {
            if (w.length() < MIN_WORD || !w.equals(w.toLowerCase(Locale.ROOT)) || SEPARATORS.matcher(w).find()) {
                throw ValidationException.of("search", "query", "'" + w + "' is not a normalised search word; use SearchTerms.parse");
            }
        }
        words = Collections.unmodifiableSet(new TreeSet<>(words));
    }

    public static SearchTerms parse(String query) {
        if (query == null) {
            throw ValidationException.of("search", "query", "is required");
        }
        Set<String> words = new LinkedHashSet<>();
        for (String token : tokens(query)) {
            if (token.length() >= MIN_WORD) {
                words.add(token);
            }
        }
        return new SearchTerms(words);
    }

    /** Every word of the text, lower-cased (Locale.ROOT), in order, with repeats. The one tokenizer stores share. */
    public static java.util.List<String> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return java.util.List.of();
        }
        return SEPARATORS.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the text contains every query word as a whole word: the guarantee in one method. */
    public boolean matches(String text) {
        return new java.util.HashSet<>(tokens(text)).containsAll(words);
    }
}
