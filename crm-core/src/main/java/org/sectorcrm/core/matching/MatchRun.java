package org.sectorcrm.core.matching;

import java.util.List;

import org.sectorcrm.core.matching.internal.Clustering;

/**
 * The result of matching a list of records: the scored candidate pairs and the clusters at both levels. Clusters are
 * the transitive closure of the matched pairs, strongest first, kept from joining two FEINs into one company or two
 * worksites into one establishment; each establishment cluster lies inside one company cluster.
 */
public final class MatchRun {
    private final List<MatchRecord> records;
    private final List<MatchPair> pairs;
    private final Clustering clusters;

    MatchRun(List<MatchRecord> records, List<MatchPair> pairs, Clustering clusters) {
        this.records = List.copyOf(records);
        this.pairs = List.copyOf(pairs);
        this.clusters = clusters;
    }

    public List<MatchRecord> records() {
        return records;
    }

    /** Every scored candidate pair (matched or scoring at least the report floor), in no particular order. */
    public List<MatchPair> pairs() {
        return pairs;
    }

    /** The key of the first record of {@code i}'s company cluster: equal for records resolved to one company. */
    public String companyCluster(int i) {
        return records.get(clusters.company(i)).key();
    }

    /** The key of the first record of {@code i}'s establishment cluster: equal for records resolved to one worksite. */
    public String establishmentCluster(int i) {
        return records.get(clusters.establishment(i)).key();
    }
}
