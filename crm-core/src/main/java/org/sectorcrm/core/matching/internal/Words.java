package org.sectorcrm.core.matching.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Shared first step of every text normaliser: accents off, lower case, punctuation to blanks, split into words. */
final class Words {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** "s.c." and "l. l. c." are one word once the dots go. */
    private static final Pattern INITIALS = Pattern.compile("\\b([a-z])\\.\\s?(?=[a-z]\\b)");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}#/]+");

    private Words() {
    }

    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        if (!s.chars().allMatch(c -> c < 128)) {
            s = MARKS.matcher(s).replaceAll("");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** Words of a folded text: apostrophes vanish (Joe's = Joes), '&' and '+' read as "and", other punctuation splits. */
    static List<String> split(String folded, boolean keepHashAndSlash) {
        String s = folded.replace("'", "").replace("\u2019", "").replace("&", " and ").replace("+", " and ");
        s = INITIALS.matcher(s).replaceAll("$1");
        s = NON_WORD.matcher(s).replaceAll(" ");
        if (!keepHashAndSlash) {
            s = s.replace('#', ' ').replace('/', ' ');
        }
        List<String> words = new ArrayList<>();
        for (String w : s.split(" ")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Runs of single letters are one word: "a b c supply" is "abc supply", "l l c" is "llc". */
    static List<String> joinLetters(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        StringBuilder run = new StringBuilder();
        for (String w : words) {
            if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
                run.append(w);
                continue;
            }
            if (run.length() > 0) {
                out.add(run.toString());
                run.setLength(0);
            }
            out.add(w);
        }
        if (run.length() > 0) {
            out.add(run.toString());
        }
        return out;
    }
}
