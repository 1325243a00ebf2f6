package org.sectorcrm.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sectorcrm.core.matching.internal.Blocks;
import org.sectorcrm.core.matching.internal.Context;
import org.sectorcrm.core.matching.internal.Profile;
import org.sectorcrm.core.matching.internal.Scorer;

/** Stored records indexed by the blocking keys, to find the likely duplicates of a new record without comparing it with all. */
public final class MatchIndex {
    private final MatchConfig config;
    private final Profile[] profiles;
    private final Blocks blocks;
    private final Context context;

    MatchIndex(MatchConfig config, Profile[] profiles, Blocks blocks, Context context) {
        this.context = context;
        this.config = config;
        this.profiles = profiles;
        this.blocks = blocks;
    }

    /** A stored record and its verdict against the probe. */
    public record Candidate(MatchRecord record, MatchResult result) {
    }

    /** The stored records that match {@code probe}, best first, at most {@code limit}. */
    public List<Candidate> matches(MatchRecord probe, int limit) {
        Profile p = Profile.of(probe);
        List<Candidate> found = new ArrayList<>();
        blocks.candidates(p, (j, byNameOnly) -> {
            if (byNameOnly && !Scorer.namesMayMatch(p, profiles[j], config, context)) {
                return; // cannot match: only matches are kept
            }
            MatchResult r = Scorer.compare(p, profiles[j], config, context);
            if (r.isMatch()) {
                found.add(new Candidate(profiles[j].record(), r));
            }
        });
        found.sort(Comparator.comparing((Candidate c) -> c.result().level()).reversed()
                .thenComparing(Comparator.comparingDouble((Candidate c) -> c.result().score()).reversed())
                .thenComparing(c -> c.record().key()));
        return found.size() <= limit ? found : List.copyOf(found.subList(0, limit));
    }

    public int size() {
        return profiles.length;
    }
}
