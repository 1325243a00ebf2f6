package org.sectorcrm.core.matching.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the whole set of records tells about one comparison: how common each name word is (a shared rare word says more
 * than a shared "services"), and which names and websites are brands, seen with two or more unrelated FEINs (franchisees:
 * a shared brand name or brand website is no evidence of one company).
 */
public final class Context {
    /** For comparing two records with no set around them: words weigh by length, nothing is a brand. */
    public static final Context NONE = new Context(Map.of(), 0, Set.of(), Set.of());
    private final Map<String, Integer> wordCounts;
    private final int records;
    private final Set<String> brandNames;
    private final Set<String> brandDomains;

    private Context(Map<String, Integer> wordCounts, int records, Set<String> brandNames, Set<String> brandDomains) {
        this.wordCounts = wordCounts;
        this.records = records;
        this.brandNames = brandNames;
        this.brandDomains = brandDomains;
    }

    public static Context of(Profile[] profiles) {
        Map<String, Integer> words = new HashMap<>();
        Map<String, List<String>> feinsByName = new HashMap<>();
        Map<String, List<String>> feinsByDomain = new HashMap<>();
        for (Profile p : profiles) {
            Set<String> distinct = new HashSet<>();
            for (NameForm n : p.names) {
                distinct.addAll(n.words);
                if (p.fein != null) {
                    remember(feinsByName, n.joined, p.fein);
                }
            }
            for (String w : distinct) {
                words.merge(w, 1, Integer::sum);
            }
            if (p.fein != null && p.domain != null) {
                remember(feinsByDomain, p.domain, p.fein);
            }
        }
        return new Context(words, profiles.length, brands(feinsByName), brands(feinsByDomain));
    }

    private static void remember(Map<String, List<String>> feins, String key, String fein) {
        List<String> seen = feins.computeIfAbsent(key, k -> new java.util.ArrayList<>(2));
        if (seen.size() < 3 && !seen.contains(fein)) {
            seen.add(fein);
        }
    }

    /** Keys seen with two FEINs that are not one keying error apart. */
    private static Set<String> brands(Map<String, List<String>> feins) {
        Set<String> out = new HashSet<>();
        feins.forEach((key, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    if (!Similarity.oneTypoApart(list.get(i), list.get(j))) {
                        out.add(key);
                    }
                }
            }
        });
        return out;
    }

    int wordCount(String word) {
        return wordCounts.getOrDefault(word, 0);
    }

    /** A word's weight in a name: its length, times how rare it is in the set (inverse document frequency). */
    double weight(String word) {
        if (records == 0) {
            return word.length();
        }
        return word.length() * Math.log(1.0 + (double) records / (1 + wordCount(word)));
    }

    boolean isBrandName(NameForm n) {
        return brandNames.contains(n.joined);
    }

    boolean isBrandDomain(String domain) {
        return brandDomains.contains(domain);
    }
}
