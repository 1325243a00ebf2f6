package org.sectorcrm.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.sectorcrm.core.matching.internal.Blocks;
import org.sectorcrm.core.matching.internal.Clustering;
import org.sectorcrm.core.matching.internal.Context;
import org.sectorcrm.core.matching.internal.Profile;
import org.sectorcrm.core.matching.internal.Scorer;

/**
 * Compares employer records. Thread-safe and stateless beyond its {@link MatchConfig}.
 *
 * <pre>{@code
 * Matcher matcher = Matcher.withDefaults();
 * MatchResult r = matcher.compare(a, b);          // level, score, reasons
 * MatchRun run = matcher.run(records);            // blocked pairs and clusters of a whole file
 * MatchIndex stored = matcher.index(existing);    // candidates of a new record among stored ones
 * }</pre>
 */
public final class Matcher {
    private final MatchConfig config;

    private Matcher(MatchConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
    }

    public static Matcher withDefaults() {
        return new Matcher(MatchConfig.defaults());
    }

    public static Matcher of(MatchConfig config) {
        return new Matcher(config);
    }

    public MatchConfig config() {
        return config;
    }

    /** The verdict on two records; symmetric: {@code compare(a, b)} equals {@code compare(b, a)}. */
    public MatchResult compare(MatchRecord a, MatchRecord b) {
        return Scorer.compare(Profile.of(a), Profile.of(b), config, Context.NONE);
    }

    /**
     * Every candidate pair of the list that blocking finds, scored (in parallel), and the clusters they make. Pairs that
     * do not match and score below {@link MatchConfig#reportFloor()} are left out, and so are pairs that only a name key
     * brought together whose names are less than {@link MatchConfig#nameFloor()} alike (checked before scoring: no rule
     * can match them, so the clusters are the same as with every candidate scored).
     */
    public MatchRun run(List<MatchRecord> records) {
        Profile[] profiles = profiles(records);
        Blocks blocks = new Blocks(profiles, config.maxBlockSize(), false);
        Context context = Context.of(profiles);
        ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[profiles.length]);
        List<Scored> scored = IntStream.range(0, profiles.length).parallel().mapToObj(i -> {
            List<MatchPair> found = new ArrayList<>();
            List<int[]> links = new ArrayList<>();
            blocks.laterCandidates(profiles[i], i, stamps.get(), (j, byNameOnly) -> {
                if (byNameOnly && !Scorer.namesMayMatch(profiles[i], profiles[j], config, context)) {
                    return; // most name-block candidates: a shared surname or prefix, names too far apart to match
                }
                MatchResult r = Scorer.compare(profiles[i], profiles[j], config, context);
                if (r.isMatch() || r.score() >= config.reportFloor()) {
                    found.add(new MatchPair(i, j, r));
                }
                if (!r.isMatch() && Scorer.sameCompanyName(profiles[i], profiles[j], context)) {
                    links.add(new int[] {i, j});
                }
            });
            return new Scored(found, links);
        }).toList();
        List<MatchPair> pairs = scored.stream().flatMap(s -> s.pairs.stream()).toList();
        List<int[]> links = scored.stream().flatMap(s -> s.links.stream()).toList();
        return new MatchRun(records, pairs, Clustering.of(profiles, pairs, links, context));
    }

    /** One record's later candidates: the scored pairs, and the non-matching pairs that may join two sites of one company. */
    private record Scored(List<MatchPair> pairs, List<int[]> links) {
    }

    /** An index of stored records to find the likely duplicates of new ones in. */
    public MatchIndex index(List<MatchRecord> records) {
        Profile[] profiles = profiles(records);
        return new MatchIndex(config, profiles, new Blocks(profiles, config.maxBlockSize(), true), Context.of(profiles));
    }

    private static Profile[] profiles(List<MatchRecord> records) {
        return records.parallelStream().map(Profile::of).toArray(Profile[]::new);
    }
}
