package org.sectorcrm.core.matching.internal;

/** Edit-distance similarity of short strings (names, streets, towns). */
public final class Similarity {
    private Similarity() {
    }

    /** 1 - (optimal string alignment distance / longer length): one typo or one swap of neighbours costs one edit. */
    public static double ratio(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1.0;
        }
        return 1.0 - (double) distance(a, b) / longer;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (n == 0 || m == 0) {
            return Math.max(n, m);
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * Whether {@link #distance} is at most {@code k}, without computing it when it is not: a length difference above
     * {@code k} says so at once; only the band of cells within {@code k} of the diagonal is filled (any path through a
     * cell outside it costs more than {@code k}), and a row whose smallest entry exceeds {@code k} ends the walk (the
     * smallest entry of a row never falls below the previous row's).
     */
    public static boolean within(String a, String b, int k) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > k) {
            return false;
        }
        if (n == 0 || m == 0) {
            return Math.max(n, m) <= k;
        }
        int far = k + 1; // stands for every cost above k
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = Math.min(j, far);
            prev2[j] = far;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - k);
            int to = Math.min(m, i + k);
            cur[0] = Math.min(i, far);
            if (from > 1) {
                cur[from - 1] = far;
            }
            int smallest = from == 1 ? cur[0] : far;
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                v = Math.min(v, far);
                cur[j] = v;
                smallest = Math.min(smallest, v);
            }
            if (to < m) {
                cur[to + 1] = far;
            }
            if (smallest > k) {
                return false;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m] <= k;
    }

    /** Nine-digit identifiers one keying error apart: one digit wrong, or two neighbours swapped. */
    public static boolean oneTypoApart(String a, String b) {
        if (a.length() != b.length() || a.equals(b)) {
            return false;
        }
        int first = -1;
        int diffs = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (diffs == 0) {
                    first = i;
                }
                diffs++;
            }
        }
        if (diffs == 1) {
            return true;
        }
        return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.charAt(first) != a.charAt(first + 1);
    }
}
