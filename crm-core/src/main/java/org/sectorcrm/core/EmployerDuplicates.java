package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.matching.LikelyDuplicate;
import org.sectorcrm.core.matching.MatchIndex;
import org.sectorcrm.core.matching.MatchRecord;
import org.sectorcrm.core.matching.MatchResult;
import org.sectorcrm.core.matching.Matcher;
import org.sectorcrm.core.matching.internal.Names;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * The likely duplicates of one employer among the stored ones, found by blocking through the store: the stored employers
 * with the same FEIN, with a worksite in one of its ZIP codes, and those whose names share a distinctive word (the store's
 * search index), never the whole table. A key shared by more than {@link #PER_KEY} employers (a common word, a crowded
 * ZIP) picks no candidates, as in {@link Matcher#run}; the other keys still do. The candidates are then scored by the
 * matcher, record by record and worksite by worksite.
 */
final class EmployerDuplicates {
    /** The most stored employers one key may pick; a key shared by more says little (the matcher's own block limit). */
    static final int PER_KEY = 200;
    /** The most likely duplicates reported. */
    static final int LIMIT = 10;

    private EmployerDuplicates() {
    }

    static List<LikelyDuplicate> find(StorageTransaction tx, Matcher matcher, Employer probe) {
        return find(tx, matcher, probe, new Lookups());
    }

    /**
     * The answers of the store to each key, kept for the probes of one read transaction ({@code dedupe scan}'s page):
     * neighbouring employers share their ZIP codes and name words, and a crowded key is read (up to {@value #PER_KEY}
     * decoded employers) only to be dropped, so each key is asked once per page instead of once per employer.
     */
    static final class Lookups {
        /** Keys seen, with the employers they pick; a crowded key picks none (an empty list). */
        private final Map<String, List<Employer>> picked = new java.util.HashMap<>();
        private final Map<String, Boolean> crowded = new java.util.HashMap<>();

        /** The employers {@code key} picks, reading them through {@code query} the first time; null when the key is crowded. */
        List<Employer> pick(String key, java.util.function.Supplier<Page<Employer>> query) {
            if (crowded.containsKey(key)) {
                return null;
            }
            List<Employer> known = picked.get(key);
            if (known != null) {
                return known;
            }
            Page<Employer> page = query.get();
            if (page.hasNext()) {
                crowded.put(key, Boolean.TRUE);
                return null;
            }
            picked.put(key, page.items());
            return page.items();
        }
    }

    static List<LikelyDuplicate> find(StorageTransaction tx, Matcher matcher, Employer probe, Lookups lookups) {
        Map<EmployerId, Employer> candidates = new LinkedHashMap<>();
        var store = tx.employers();
        if (probe.fein() != null) { // one employer's own key: asked every time, and never too common to say something
            store.query(EmployerFilter.ALL.withFein(probe.fein()), PageRequest.first(PER_KEY)).items().forEach(e -> candidates.put(e.id(), e));
        }
        Set<String> zips = new LinkedHashSet<>();
        for (Establishment s : probe.establishments()) {
            if (s.address() != null && s.address().zip5() != null) {
                zips.add(s.address().zip5());
            }
        }
        for (String zip : zips) {
            add(candidates, lookups.pick("zip " + zip, () -> store.query(EmployerFilter.ALL.withZip(zip), PageRequest.first(PER_KEY))));
        }
        List<String> names = new ArrayList<>();
        names.add(probe.legalName());
        names.addAll(probe.tradeNames());
        Set<String> words = Names.searchWords(names);
        boolean anyRare = false;
        for (String word : words) {
            anyRare |= add(candidates, lookups.pick("word " + word,
                    () -> store.search(new SearchTerms(Set.of(word)), Reader.EVERYONE, PageRequest.first(PER_KEY))));
        }
        if (!anyRare && words.size() > 1) {
            // Every word is common ("Midwest Services"): all of them together still narrow it down.
            List<String> all = new ArrayList<>(words);
            Set<String> some = Set.copyOf(all.subList(0, Math.min(all.size(), SearchTerms.MAX_WORDS)));
            add(candidates, lookups.pick("words " + new java.util.TreeSet<>(some),
                    () -> store.search(new SearchTerms(some), Reader.EVERYONE, PageRequest.first(PER_KEY))));
        }
        if (probe.id() != null) {
            candidates.remove(probe.id());
        }
        return score(matcher, probe, candidates);
    }

    /** Adds what a key picked (null: a crowded key, none); whether it picked any. */
    private static boolean add(Map<EmployerId, Employer> candidates, List<Employer> picked) {
        if (picked == null) {
            return false;
        }
        picked.forEach(e -> candidates.put(e.id(), e));
        return !picked.isEmpty();
    }

    /** The candidates the matcher finds to be the same company as {@code probe}, each with its best verdict, best first. */
    static List<LikelyDuplicate> score(Matcher matcher, Employer probe, Map<EmployerId, Employer> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<MatchRecord> stored = new ArrayList<>();
        candidates.values().forEach(e -> stored.addAll(MatchRecord.of(e)));
        MatchIndex index = matcher.index(stored);
        Map<String, MatchResult> best = new LinkedHashMap<>();
        for (MatchRecord r : MatchRecord.of(probe)) {
            for (MatchIndex.Candidate c : index.matches(r, stored.size())) {
                String employer = c.record().key().split("/", 2)[0];
                best.merge(employer, c.result(), (a, b) -> better(b, a) ? b : a);
            }
        }
        List<LikelyDuplicate> out = new ArrayList<>();
        for (Employer e : candidates.values()) {
            MatchResult r = best.get(e.id().toString());
            if (r != null) {
                out.add(new LikelyDuplicate(e, r));
            }
        }
        out.sort(Comparator.comparing((LikelyDuplicate d) -> d.result().level()).reversed()
                .thenComparing(Comparator.comparingDouble((LikelyDuplicate d) -> d.result().score()).reversed())
                .thenComparing(d -> d.employer().id().asString()));
        return out.size() <= LIMIT ? List.copyOf(out) : List.copyOf(out.subList(0, LIMIT));
    }

    private static boolean better(MatchResult a, MatchResult b) {
        int level = a.level().compareTo(b.level());
        return level != 0 ? level > 0 : a.score() > b.score();
    }
}
