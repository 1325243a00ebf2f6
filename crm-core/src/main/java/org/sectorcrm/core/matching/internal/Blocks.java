package org.sectorcrm.core.matching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking: records are candidates for each other only when they share a key, so a file of n records costs far fewer
 * than n²/2 comparisons. Keys: the FEIN, the FEIN with each digit masked in turn (one-digit typos), the phone, the
 * website domain, the UI account, ZIP (or town) + street number, ZIP + PO box, the two rarest words of each name and the
 * first letters of each name in written and in sorted word order. A key shared by more than {@code maxBlockSize}
 * records (a common word such as "services") picks no candidates: the other keys still do. Candidates that only a name
 * key brought are told apart ({@link CandidateSink}): the matcher checks cheaply that their names can reach the name floor
 * before scoring them, since name blocks are the big ones (hundreds of records sharing a surname).
 */
public final class Blocks {
    private static final int PREFIX = 6;
    private final Map<String, int[]> blocks;
    private final Map<String, Integer> wordCounts;
    private final int maxBlockSize;

    public Blocks(Profile[] profiles, int maxBlockSize, boolean forProbes) {
        int smallest = forProbes ? 1 : 2; // a key of one stored record still finds it for a new one
        this.maxBlockSize = maxBlockSize;
        Map<String, Integer> words = new HashMap<>();
        for (Profile p : profiles) {
            for (String w : distinctWords(p)) {
                words.merge(w, 1, Integer::sum);
            }
        }
        this.wordCounts = words;
        List<List<String>> keysOf = new ArrayList<>(profiles.length);
        for (Profile p : profiles) {
            keysOf.add(keys(p));
        }
        Map<String, Integer> sizes = new HashMap<>();
        for (List<String> ks : keysOf) {
            for (String k : ks) {
                sizes.merge(k, 1, Integer::sum);
            }
        }
        Map<String, int[]> built = new HashMap<>();
        Map<String, Integer> filled = new HashMap<>();
        for (int i = 0; i < profiles.length; i++) {
            for (String k : keysOf.get(i)) {
                int size = sizes.get(k);
                if (size < smallest || size > maxBlockSize) {
                    continue;
                }
                int[] members = built.computeIfAbsent(k, x -> new int[size]);
                int at = filled.merge(k, 1, Integer::sum) - 1;
                members[at] = i;
            }
        }
        this.blocks = built;
    }

    /** Receives a candidate and whether only a name key brought it (no identifier, phone, website or worksite key). */
    public interface CandidateSink {
        void accept(int candidate, boolean byNameOnly);
    }

    /**
     * The candidates of record {@code i} of the indexed array with a larger index, each once: {@code stamp} is a scratch
     * array as long as the index, owned by the calling thread, and must not have held {@code i + 1} before. The keys are
     * walked identifiers and worksite first, so a candidate is {@code byNameOnly} exactly when it shares no other key.
     */
    public void laterCandidates(Profile p, int i, int[] stamp, CandidateSink sink) {
        int mark = i + 1;
        for (String k : keys(p)) {
            int[] members = blocks.get(k);
            if (members == null) {
                continue;
            }
            boolean byName = isNameKey(k);
            for (int j : members) {
                if (j > i && stamp[j] != mark) {
                    stamp[j] = mark;
                    sink.accept(j, byName);
                }
            }
        }
    }

    /** Calls {@code sink} once for each indexed record sharing a key with {@code p} (possibly p itself), at most once each. */
    public void candidates(Profile p, CandidateSink sink) {
        Set<Integer> seen = new HashSet<>();
        for (String k : keys(p)) {
            int[] members = blocks.get(k);
            if (members != null && members.length <= maxBlockSize) {
                boolean byName = isNameKey(k);
                for (int j : members) {
                    if (seen.add(j)) {
                        sink.accept(j, byName);
                    }
                }
            }
        }
    }

    /** Name keys ({@code q}, {@code r}: prefixes; {@code n}: rare words) come last in {@link #keys}. */
    private static boolean isNameKey(String key) {
        char c = key.charAt(0);
        return c == 'q' || c == 'r' || c == 'n';
    }

    List<String> keys(Profile p) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        if (p.fein != null) {
            keys.add("f" + p.fein);
            for (int i = 0; i < p.fein.length(); i++) {
                keys.add("g" + p.fein.substring(0, i) + "*" + p.fein.substring(i + 1));
            }
        }
        if (p.phone != null) {
            keys.add("p" + p.phone);
        }
        if (p.domain != null) {
            keys.add("d" + p.domain);
        }
        if (p.ui != null) {
            keys.add("u" + p.ui);
        }
        Site s = p.site;
        if (s.number != null) {
            if (s.zip5 != null) {
                keys.add("a" + s.zip5 + "|" + s.number);
            }
            if (s.city != null) {
                keys.add("c" + s.city + "|" + s.number);
            }
        }
        if (s.poBox != null && s.zip5 != null) {
            keys.add("b" + s.zip5 + "|" + s.poBox);
        }
        for (NameForm n : p.names) {
            keys.add("q" + prefix(n.compact));
            keys.add("r" + prefix(n.sorted.replace(" ", "")));
            String rarest = null;
            String second = null;
            for (String w : n.words) {
                if (!blockable(w)) {
                    continue;
                }
                if (rarest == null || count(w) < count(rarest)) {
                    second = rarest;
                    rarest = w;
                } else if (second == null || count(w) < count(second)) {
                    second = w;
                }
            }
            if (rarest != null) {
                keys.add("n" + rarest);
            }
            if (second != null) {
                keys.add("n" + second);
            }
        }
        return List.copyOf(keys);
    }

    private int count(String word) {
        return wordCounts.getOrDefault(word, 0);
    }

    private static boolean blockable(String w) {
        return w.length() >= 3 || Character.isDigit(w.charAt(0)) && w.length() >= 2;
    }

    private static String prefix(String s) {
        return s.length() <= PREFIX ? s : s.substring(0, PREFIX);
    }

    private static Set<String> distinctWords(Profile p) {
        Set<String> out = new HashSet<>();
        for (NameForm n : p.names) {
            out.addAll(n.words);
        }
        return out;
    }
}
