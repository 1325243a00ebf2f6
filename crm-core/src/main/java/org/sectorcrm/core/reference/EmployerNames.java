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

    private EmployerNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "").replace("\u2019", "");
        // "L.L.C." and "L L C" become "llc" before punctuation is dropped.
        s = s.replaceAll("\\b([a-z])\\.\\s?(?=[a-z]\\b)", "$1").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        s = s.replaceAll("\\bl l c\\b", "llc").replaceAll("\\bl l p\\b", "llp");
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
