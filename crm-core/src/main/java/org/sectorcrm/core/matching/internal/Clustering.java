package org.sectorcrm.core.matching.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sectorcrm.core.matching.MatchLevel;
import org.sectorcrm.core.matching.MatchPair;

/**
 * Transitive closure of matched pairs with cannot-link constraints: pairs are joined strongest first, and two clusters
 * are not joined when that would put two different FEINs into one company, or two places that cannot be one worksite
 * into one establishment. Without them one record with no FEIN that resembles two franchisees would chain the two.
 * Establishments are joined only inside one company, so every establishment cluster lies within a company cluster.
 */
public final class Clustering {
    /** Pairs of records compared to check one link; past it two companies are too large to join on a name alone. */
    private static final long MAX_LINK_CHECKS = 10_000;
    private final int[] company;
    private final int[] establishment;

    private Clustering(int[] company, int[] establishment) {
        this.company = company;
        this.establishment = establishment;
    }

    /**
     * The cluster of every profile at both levels, as the smallest position in the cluster. {@code links} are pairs that
     * do not match but may be two worksites of one company ({@link Scorer#sameCompanyName}): after every match is
     * joined, each joins two companies when no record of one contradicts a record of the other (FEIN, NAICS sector,
     * website), so a link never chains two franchisees or two same-named employers that any record tells apart.
     */
    public static Clustering of(Profile[] profiles, List<MatchPair> pairs, List<int[]> links, Context context) {
        List<MatchPair> order = new ArrayList<>(pairs);
        order.removeIf(p -> !p.result().isMatch());
        order.sort(Comparator.comparingDouble((MatchPair p) -> -p.result().score()).thenComparingInt(MatchPair::first)
                .thenComparingInt(MatchPair::second));
        UnionFind companies = new UnionFind(profiles, true);
        for (MatchPair p : order) {
            companies.join(p.first(), p.second());
        }
        List<int[]> linkOrder = new ArrayList<>(links);
        linkOrder.sort(Comparator.comparingInt((int[] l) -> l[0]).thenComparingInt(l -> l[1]));
        for (int[] l : linkOrder) {
            companies.link(l[0], l[1], profiles, context);
        }
        UnionFind sites = new UnionFind(profiles, false);
        for (MatchPair p : order) {
            if (p.result().level() == MatchLevel.ESTABLISHMENT && companies.find(p.first()) == companies.find(p.second())) {
                sites.join(p.first(), p.second());
            }
        }
        return new Clustering(companies.labels(), sites.labels());
    }

    public int company(int i) {
        return company[i];
    }

    public int establishment(int i) {
        return establishment[i];
    }

    /** Union-find whose roots keep the members that the constraint needs to see (the FEINs, or the places with a street). */
    private static final class UnionFind {
        private final int[] parent;
        private final List<List<Profile>> evidence;
        private final boolean byFein;
        /** Every member of a root, for the link check (null for members that are not roots). */
        private final List<List<Integer>> members;

        UnionFind(Profile[] profiles, boolean byFein) {
            this.byFein = byFein;
            parent = new int[profiles.length];
            evidence = new ArrayList<>(profiles.length);
            members = new ArrayList<>(profiles.length);
            for (int i = 0; i < profiles.length; i++) {
                parent[i] = i;
                Profile p = profiles[i];
                boolean counts = byFein ? p.fein != null : p.site.hasStreet();
                evidence.add(counts ? new ArrayList<>(List.of(p)) : null);
                members.add(new ArrayList<>(List.of(i)));
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void join(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb || !compatible(evidence.get(ra), evidence.get(rb))) {
                return;
            }
            int root = Math.min(ra, rb);
            int other = Math.max(ra, rb);
            parent[other] = root;
            members.get(root).addAll(members.get(other));
            members.set(other, null);
            List<Profile> merged = evidence.get(root);
            List<Profile> moved = evidence.get(other);
            if (merged == null) {
                evidence.set(root, moved);
            } else if (moved != null) {
                for (Profile p : moved) {
                    if (merged.stream().noneMatch(q -> same(p, q))) {
                        merged.add(p);
                    }
                }
            }
            evidence.set(other, null);
        }

        /** Joins the clusters of a link unless a record of one contradicts a record of the other (bounded: large clusters are left apart). */
        void link(int a, int b, Profile[] profiles, Context context) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            List<Integer> x = members.get(ra);
            List<Integer> y = members.get(rb);
            if ((long) x.size() * y.size() > MAX_LINK_CHECKS) {
                return;
            }
            boolean supported = false;
            for (int i : x) {
                for (int j : y) {
                    if (Scorer.contradict(profiles[i], profiles[j], context)) {
                        return;
                    }
                    supported |= Scorer.supports(profiles[i], profiles[j], context);
                }
            }
            if (supported) {
                join(a, b);
            }
        }

        private boolean same(Profile p, Profile q) {
            return byFein ? p.fein.equals(q.fein) : java.util.Objects.equals(p.site.key(), q.site.key()) && p.site.key() != null;
        }

        private boolean compatible(List<Profile> x, List<Profile> y) {
            if (x == null || y == null) {
                return true;
            }
            for (Profile p : x) {
                for (Profile q : y) {
                    if (byFein ? !p.fein.equals(q.fein) && !Similarity.oneTypoApart(p.fein, q.fein) : Place.apart(p.site, q.site)) {
                        return false;
                    }
                }
            }
            return true;
        }

        int[] labels() {
            int[] out = new int[parent.length];
            for (int i = 0; i < parent.length; i++) {
                out[i] = find(i); // roots are the smallest position: join keeps the smaller
            }
            return out;
        }
    }
}
