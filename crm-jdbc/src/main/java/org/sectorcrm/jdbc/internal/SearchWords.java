package org.sectorcrm.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.sectorcrm.core.search.SearchTerms;

/**
 * The words the store indexes and searches for, the same on every engine. Text is split by
 * {@link SearchTerms#tokens} (the tokenizer the contract defines), and each word is then written in a
 * form no engine can split, fold or drop differently:
 * <ul>
 *   <li>words of ASCII letters and digits stay as they are;</li>
 *   <li>any other word becomes {@code x} plus the hex of its UTF-8 bytes, so accents, scripts the
 *       engine's Unicode tables do not know, and combining marks never change how a word is cut;</li>
 *   <li>words longer than {@value #MAX_LENGTH} characters are cut to that length (InnoDB does not
 *       index words longer than 84 characters by default, PostgreSQL refuses lexemes over 2 KB).</li>
 * </ul>
 * The same function is applied to stored text and to query words, so a record containing every query
 * word always matches: encoding only ever makes distinct words equal (a cut long word, an ASCII word
 * that happens to read like an encoded one), which can add results but never lose one, as the search
 * contract allows.
 */
public final class SearchWords {
    public static final int MAX_LENGTH = 64;

    private SearchWords() {
    }

    /** The distinct encoded words of {@code text} that a query can ask for (three characters or more), sorted. */
    public static Set<String> of(String text) {
        Set<String> words = new TreeSet<>();
        for (String token : SearchTerms.tokens(text)) {
            if (token.length() >= SearchTerms.MIN_WORD) {
                words.add(encode(token));
            }
        }
        return words;
    }

    /** The encoded query words, distinct, in a stable order. */
    public static List<String> of(SearchTerms terms) {
        return new ArrayList<>(new TreeSet<>(terms.words().stream().map(SearchWords::encode).toList()));
    }

    static String encode(String token) {
        String word = isPlainAscii(token) ? token : hex(token);
        return word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word;
    }

    private static boolean isPlainAscii(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String hex(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(1 + 2 * bytes.length);
        sb.append('x');
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
