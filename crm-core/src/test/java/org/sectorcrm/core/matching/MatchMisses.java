package org.sectorcrm.core.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the labelled pairs the defaults get wrong, to find the matcher's causes (docs/matching.md, "Finding the misses"):
 * {@code java -cp crm-core/target/classes:crm-core/target/test-classes org.sectorcrm.core.matching.MatchMisses SEED [LIMIT]}.
 * For each missed company pair it prints both records and what the matcher says of them directly; "not blocked" means
 * no blocking key brought them together, "refused by clustering" a match that a FEIN conflict kept apart.
 */
final class MatchMisses {
    private MatchMisses() {
    }

    public static void main(String[] args) {
        if (args[0].equals("summary")) {
            for (long seed = 1; seed <= 6; seed++) {
                List<LabelledEmployers.Labelled> data = LabelledEmployers.generate(seed, 3000);
                MatchRun run = Matcher.withDefaults().run(data.stream().map(LabelledEmployers.Labelled::record).toList());
                System.out.println("seed " + seed + ": company " + MatchQuality.company(data, run) + "; establishment "
                        + MatchQuality.establishment(data, run));
            }
            return;
        }
        if (args[0].equals("time")) { // the matcher's part of `match` on a file of N rows: "time 50000"
            int n = Integer.parseInt(args[1]);
            List<MatchRecord> records = LabelledEmployers.generate(7, n).stream().map(LabelledEmployers.Labelled::record).toList();
            long t0 = System.nanoTime();
            MatchRun run = Matcher.withDefaults().run(records);
            long t1 = System.nanoTime();
            System.out.printf(java.util.Locale.ROOT, "%,d records: run %.1f s, %,d scored pairs, %d cores%n", records.size(), (t1 - t0) / 1e9,
                    run.pairs().size(), Runtime.getRuntime().availableProcessors());
            return;
        }
        long seed = Long.parseLong(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<LabelledEmployers.Labelled> data = LabelledEmployers.generate(seed, 3000);
        Matcher matcher = Matcher.withDefaults();
        MatchRun run = matcher.run(data.stream().map(LabelledEmployers.Labelled::record).toList());
        System.out.println("company " + MatchQuality.company(data, run) + "; establishment " + MatchQuality.establishment(data, run));
        Map<Long, MatchResult> scored = new HashMap<>();
        for (MatchPair p : run.pairs()) {
            scored.put((long) p.first() * data.size() + p.second(), p.result());
        }
        int missed = 0;
        int wrong = 0;
        for (int i = 0; i < data.size(); i++) {
            for (int j = i + 1; j < data.size(); j++) {
                boolean truth = data.get(i).company().equals(data.get(j).company());
                boolean said = run.companyCluster(i).equals(run.companyCluster(j));
                if (truth == said) {
                    continue;
                }
                MatchResult direct = scored.get((long) i * data.size() + j);
                String how = direct == null ? "not blocked/below floor: " + matcher.compare(data.get(i).record(), data.get(j).record())
                        : direct.isMatch() ? "matched, refused by clustering" : direct.toString();
                if (truth && missed++ < limit) {
                    System.out.println("MISS " + how + "\n  " + data.get(i) + "\n  " + data.get(j));
                } else if (!truth && wrong++ < limit) {
                    System.out.println("FALSE " + how + "\n  " + data.get(i) + "\n  " + data.get(j));
                }
            }
        }
        System.out.println(missed + " missed company pairs, " + wrong + " false company pairs");
    }
}
