package org.sectorcrm.core.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one employer-name normalisation that natural keys (import upsert: name + ZIP) and employer
 * matching share, so that "The Acme Tool & Die Co., Inc." and "ACME TOOL AND DIE" are the same key.
 * Lower case, accents removed, "&amp;" read as "and", punctuation dropped, a leading "the" and trailing
 * legal-form words (inc, llc, corp, co, company, ltd, …) removed, blanks collapsed.
 */
public final class EmployerNames {
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "llc", "lc", "corp", "corporation", "co",
            "company", "ltd", "limited", "lp", "llp", "lllp", "pllc", "pc", "pa", "plc", "dba");

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("\\b([a-z])\\.\\s?(?=[a-z]\\b)");
    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern SPACED_LLC = java.util.regex.Pattern.compile("\\bl l c\\b");
    private static final java.util.regex.Pattern SPACED_LLP = java.util.regex.Pattern.compile("\\bl l p\\b");
    /** Natural-key lookups normalise the same names again and again (every row of an import, every scan of a store). */
    private static final int CACHE_SIZE = 50_000;
    private static final java.util.Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private EmployerNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        String key = compute(name);
        if (CACHE.size() >= CACHE_SIZE) {
            CACHE.clear(); // crude but bounded; a miss only costs the computation again
        }
        CACHE.put(name, key);
        return key;
    }

    private static String compute(String name) {
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "").replace("\u2019", "");
        // "L.L.C." and "L L C" become "llc" before punctuation is dropped.
        s = PUNCTUATION.matcher(INITIALS.matcher(s).replaceAll("$1")).replaceAll(" ").strip();
        s = SPACED_LLP.matcher(SPACED_LLC.matcher(s).replaceAll("llc")).replaceAll("llp");
        List<String> words = new ArrayList<>(Arrays.asList(s.split(" ")));
        words.removeIf(String::isEmpty);
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }
}
