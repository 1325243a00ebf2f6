package org.sectorcrm.core.matching.internal;

import java.util.ArrayList;
import java.util.List;

/** One name variant prepared once for many comparisons: its words, joined, sorted, and without blanks. */
public final class NameForm {
    final List<String> words;
    final String joined;
    final String sorted;
    final String compact;
    final int letters;
    /** The words' weights in the last context asked for (a run compares each name thousands of times in one context). */
    private volatile Weights weights;

    private record Weights(Context context, double[] of) {
    }

    NameForm(List<String> words) {
        this.words = words;
        this.joined = String.join(" ", words);
        List<String> s = new ArrayList<>(words);
        s.sort(null);
        this.sorted = String.join(" ", s);
        this.compact = joined.replace(" ", "");
        this.letters = compact.length();
    }

    public List<String> words() {
        return words;
    }

    /** The weights of the words in {@code context}, computed once per context (a race only computes them twice). */
    private Weights weights(Context context) {
        Weights w = weights;
        if (w == null || w.context != context) {
            double[] of = new double[words.size()];
            for (int i = 0; i < of.length; i++) {
                of[i] = context.weight(words.get(i));
            }
            w = new Weights(context, of);
            weights = w;
        }
        return w;
    }

    /**
     * Similarity of two names in [0, 1]: the best of edit similarity in written and in sorted word order (swapped words),
     * a one-to-one fuzzy word overlap weighted by word length and rarity, initials ("ADM" = "Archer Daniels Midland") and one name
     * containing all words of the other ("Acme" in "Acme Tool Die", worth {@value #CONTAINED}).
     */
    public static double similarity(NameForm a, NameForm b, Context context) {
        if (a.joined.equals(b.joined)) {
            return 1.0;
        }
        if (a.compact.equals(b.compact)) {
            return 0.98;
        }
        if (a.sorted.equals(b.sorted)) {
            return 0.97;
        }
        double best = Math.max(Similarity.ratio(a.joined, b.joined), Similarity.ratio(a.sorted, b.sorted));
        if (best < 0.98) {
            best = Math.max(best, Math.max(overlap(a, b, context), overlap(b, a, context)));
        }
        if (initials(a, b) || initials(b, a)) {
            best = Math.max(best, 0.9);
        }
        return best;
    }

    static final double CONTAINED = 0.82;

    /**
     * Whether {@link #similarity} is at least {@code floor}, cheaper than computing it: the edit similarities are only
     * checked to the number of edits the floor allows ({@link Similarity#within}). A pre-filter: never false when the
     * similarity reaches the floor.
     */
    static boolean reaches(NameForm a, NameForm b, Context context, double floor) {
        if (a.joined.equals(b.joined) || a.compact.equals(b.compact) && 0.98 >= floor || a.sorted.equals(b.sorted) && 0.97 >= floor) {
            return true;
        }
        if ((initials(a, b) || initials(b, a)) && 0.9 >= floor) {
            return true;
        }
        int longer = Math.max(a.joined.length(), b.joined.length());
        // ratio = 1 - d / longer >= floor  <=>  d <= (1 - floor) x longer; rounding up a hair only lets more through
        int edits = (int) Math.floor((1 - floor) * longer + 1e-9);
        if (Similarity.within(a.joined, b.joined, edits) || a.words.size() > 1 && Similarity.within(a.sorted, b.sorted, edits)) {
            return true;
        }
        return overlap(a, b, context) >= floor || overlap(b, a, context) >= floor;
    }

    /** Greedy one-to-one pairing of words at least 0.75 alike, weighted by length; all words of the shorter name found gives {@value #CONTAINED}. */
    private static double overlap(NameForm a, NameForm b, Context context) {
        double[] wa = a.weights(context).of;
        double[] wb = b.weights(context).of;
        boolean[] used = new boolean[b.words.size()];
        double matched = 0;
        int matchedWords = 0;
        for (int i = 0; i < wa.length; i++) {
            String x = a.words.get(i);
            int bestJ = -1;
            double bestSim = 0.75;
            for (int j = 0; j < b.words.size(); j++) {
                if (!used[j] && lengthAllows(x, b.words.get(j), bestSim)) {
                    double s = wordSimilarity(x, b.words.get(j));
                    if (s >= bestSim) {
                        bestSim = s;
                        bestJ = j;
                    }
                }
            }
            if (bestJ >= 0) {
                used[bestJ] = true;
                matched += bestSim * (wa[i] + wb[bestJ]);
                matchedWords++;
            }
        }
        double total = 0; // summed in this order, not as two totals, so the figures stay exactly those of before the cache
        for (double w : wa) {
            total += w;
        }
        for (double w : wb) {
            total += w;
        }
        double score = total == 0 ? 0 : matched / total;
        int shorter = Math.min(a.words.size(), b.words.size());
        NameForm small = a.words.size() <= b.words.size() ? a : b;
        if (matchedWords == shorter && small.letters >= 4 && a.words.size() != b.words.size()) {
            score = Math.max(score, CONTAINED);
        }
        return score;
    }

    /** Edit similarity is at most 1 - (length difference / longer length): below {@code least}, the word need not be compared. */
    private static boolean lengthAllows(String x, String y, double least) {
        int longer = Math.max(x.length(), y.length());
        return 1.0 - (double) Math.abs(x.length() - y.length()) / longer >= least;
    }

    private static double wordSimilarity(String x, String y) {
        if (x.equals(y)) {
            return 1.0;
        }
        boolean digitsX = Character.isDigit(x.charAt(0));
        boolean digitsY = Character.isDigit(y.charAt(0));
        if (digitsX || digitsY || x.length() < 4 || y.length() < 4) {
            return 0; // "3m" vs "4m", "abc" vs "abd": short words and numbers must be equal
        }
        return Similarity.ratio(x, y);
    }

    private static boolean initials(NameForm single, NameForm many) {
        if (single.words.size() != 1 || many.words.size() < 2 || single.letters < 2 || single.letters > 6) {
            return false;
        }
        if (single.letters != many.words.size()) {
            return false;
        }
        for (int i = 0; i < many.words.size(); i++) {
            if (many.words.get(i).charAt(0) != single.compact.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
