package org.sectorcrm.core.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Pairwise precision and recall of predicted clusters against labelled ones (every pair of records in one cluster counts). */
record MatchQuality(long truePairs, long predictedPairs, long correctPairs) {
    static MatchQuality of(int n, IntFunction<String> truth, IntFunction<String> predicted) {
        Map<String, Long> t = new HashMap<>();
        Map<String, Long> p = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        for (int i = 0; i < n; i++) {
            t.merge(truth.apply(i), 1L, Long::sum);
            p.merge(predicted.apply(i), 1L, Long::sum);
            both.merge(truth.apply(i) + "\u0000" + predicted.apply(i), 1L, Long::sum);
        }
        return new MatchQuality(pairs(t), pairs(p), pairs(both));
    }

    static MatchQuality company(List<LabelledEmployers.Labelled> data, MatchRun run) {
        return of(data.size(), i -> data.get(i).company(), run::companyCluster);
    }

    static MatchQuality establishment(List<LabelledEmployers.Labelled> data, MatchRun run) {
        return of(data.size(), i -> data.get(i).establishment(), run::establishmentCluster);
    }

    private static long pairs(Map<String, Long> sizes) {
        return sizes.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
    }

    double precision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    double recall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "precision %.3f recall %.3f (%d true pairs, %d predicted, %d correct)", precision(), recall(),
                truePairs, predictedPairs, correctPairs);
    }
}
