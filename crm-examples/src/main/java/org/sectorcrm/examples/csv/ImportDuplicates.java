package org.sectorcrm.examples.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.matching.LikelyDuplicate;
import org.sectorcrm.core.matching.MatchIndex;
import org.sectorcrm.core.matching.MatchRecord;
import org.sectorcrm.core.matching.MatchResult;
import org.sectorcrm.core.matching.Matcher;
import org.sectorcrm.core.search.SearchTerms;

/**
 * The duplicate check of an employer import ({@code import employers --on-duplicate=warn|skip|fail}): each row that
 * would create a new employer is checked against the stored employers ({@code employers().likelyDuplicates}) and
 * against the rows of the same file that came before it and were kept, so that "ACME TOOL AND DIE" on line 9 is
 * named as a likely duplicate of "Acme Tool &amp; Die, Inc." on line 2 whether or not line 2 is written yet.
 *
 * <p>Dry run and real run report the same lines: a candidate that this run created is named by its line, never by its
 * id (a dry run's ids are rolled back), and is found among the file's rows, not in the store; the store is asked only
 * for employers the run did not write. Rows updating a stored employer (found by FEIN or name + ZIP) are that employer,
 * not a duplicate, and are not checked.
 */
public final class ImportDuplicates {
    /** What a row that likely duplicates an employer comes to. */
    public enum Policy {
        /** Stored; the report names each likely duplicate. */
        WARN,
        /** Not stored; reported. */
        SKIP,
        /** The command refuses the whole file before storing anything, naming every such row (a dry run first). */
        FAIL;

        /** {@code warn}, {@code skip}, {@code fail}, any case. */
        public static Policy parse(String value) {
            for (Policy p : values()) {
                if (p.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("--on-duplicate: '" + value + "' is not warn, skip or fail");
        }
    }

    /** A key of the file's rows shared by more rows than this picks none (as the store's check: a common word). */
    private static final int PER_KEY = 200;
    private static final int LIMIT = 10;
    private static final Matcher MATCHER = Matcher.withDefaults();

    private final CrmSession session;
    private final Policy policy;
    /** The file's kept new rows in order, and their blocking keys. */
    private final List<FileRow> rows = new ArrayList<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();
    /** The employers this run stored (or, in a dry run, wrote), by the line they came from. */
    private final Map<EmployerId, Integer> createdLines = new HashMap<>();
    /** Kept rows that their write refused after all: no candidate, since they were not stored. */
    private final Set<Integer> refusedLines = new java.util.HashSet<>();

    private record FileRow(int line, Employer draft, List<String> keys) {
    }

    public ImportDuplicates(CrmSession session, Policy policy) {
        this.session = session;
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /** Whether rows with likely duplicates are left out of the import. */
    boolean skips() {
        return policy == Policy.SKIP;
    }

    /** The likely duplicates of a new row (empty when it has none), best first. */
    List<ImportReport.Duplicate> check(int line, Object draft) {
        if (!(draft instanceof Employer e)) {
            return List.of();
        }
        List<ImportReport.Duplicate> out = new ArrayList<>();
        for (LikelyDuplicate d : session.employers().likelyDuplicates(e)) {
            if (!createdLines.containsKey(d.employer().id())) {
                out.add(duplicate(line, e, d.employer().id().toString(), d.employer().legalName(), d.result()));
            }
        }
        out.addAll(inFile(line, e));
        out.sort(java.util.Comparator.comparing((ImportReport.Duplicate d) -> d.level()).reversed()
                .thenComparing(java.util.Comparator.comparingDouble(ImportReport.Duplicate::score).reversed())
                .thenComparing(ImportReport.Duplicate::candidate));
        return out.size() <= LIMIT ? out : List.copyOf(out.subList(0, LIMIT));
    }

    private ImportReport.Duplicate duplicate(int line, Employer row, String candidate, String candidateName, MatchResult r) {
        return new ImportReport.Duplicate(line, row.legalName(), candidate, candidateName, r.level().name(), r.score(), r.explanation(), skips());
    }

    /** The earlier kept rows of the file that the matcher finds to be the same company, blocked like the store's check. */
    private List<ImportReport.Duplicate> inFile(int line, Employer e) {
        Set<Integer> picked = new LinkedHashSet<>();
        for (String k : keys(e)) {
            List<Integer> members = byKey.get(k);
            if (members != null && (members.size() <= PER_KEY || k.startsWith("fein "))) {
                picked.addAll(members);
            }
        }
        if (picked.isEmpty()) {
            return List.of();
        }
        List<MatchRecord> records = new ArrayList<>();
        picked.removeIf(at -> refusedLines.contains(rows.get(at).line()));
        if (picked.isEmpty()) {
            return List.of();
        }
        for (int at : picked) {
            FileRow r = rows.get(at);
            for (MatchRecord m : MatchRecord.of(r.draft())) {
                records.add(rekeyed(m, "line " + r.line() + "/" + records.size()));
            }
        }
        MatchIndex index = MATCHER.index(records);
        Map<String, MatchResult> best = new LinkedHashMap<>();
        for (MatchRecord probe : MatchRecord.of(e)) {
            for (MatchIndex.Candidate c : index.matches(rekeyed(probe, "probe"), records.size())) {
                String candidate = c.record().key().split("/", 2)[0];
                best.merge(candidate, c.result(), (a, b) -> better(b, a) ? b : a);
            }
        }
        List<ImportReport.Duplicate> out = new ArrayList<>();
        for (int at : picked) {
            FileRow r = rows.get(at);
            MatchResult result = best.get("line " + r.line());
            if (result != null) {
                out.add(duplicate(line, e, "line " + r.line(), r.draft().legalName(), result));
            }
        }
        return out;
    }

    private static MatchRecord rekeyed(MatchRecord m, String key) {
        return new MatchRecord(key, m.names(), m.fein(), m.naics(), m.street(), m.city(), m.state(), m.zip(), m.phone(), m.website(), m.uiAccount());
    }

    private static boolean better(MatchResult a, MatchResult b) {
        int level = a.level().compareTo(b.level());
        return level != 0 ? level > 0 : a.score() > b.score();
    }

    /** FEIN, each worksite's ZIP, and each name word of 3+ letters or digits: the keys of the store's check. */
    private static List<String> keys(Employer e) {
        Set<String> keys = new LinkedHashSet<>();
        if (e.fein() != null) {
            keys.add("fein " + e.fein().value());
        }
        for (Establishment s : e.establishments()) {
            if (s.address() != null && s.address().zip5() != null) {
                keys.add("zip " + s.address().zip5());
            }
        }
        List<String> names = new ArrayList<>();
        names.add(e.legalName());
        names.addAll(e.tradeNames());
        for (String name : names) {
            for (String w : SearchTerms.tokens(name)) {
                if (w.length() >= SearchTerms.MIN_WORD) {
                    keys.add("word " + w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(keys);
    }

    /** How many kept rows there are: {@link #reset} goes back to it when the storage reads a segment of rows again. */
    int mark() {
        return rows.size();
    }

    /** Forgets the rows kept since {@code mark}: the storage runs the reads of a segment again. */
    void reset(int mark) {
        while (rows.size() > mark) {
            FileRow r = rows.remove(rows.size() - 1);
            for (String k : r.keys()) {
                List<Integer> members = byKey.get(k);
                members.remove(members.size() - 1);
                if (members.isEmpty()) {
                    byKey.remove(k);
                }
            }
        }
    }

    /** A new row that will be written: later rows are checked against it. */
    void keep(int line, Object draft) {
        if (draft instanceof Employer e) {
            List<String> keys = keys(e);
            int at = rows.size();
            rows.add(new FileRow(line, e, keys));
            for (String k : keys) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(at);
            }
        }
    }

    /** A row was refused when written: it is no one's duplicate. */
    void refused(int line) {
        refusedLines.add(line);
    }

    /** A row was stored as a new employer: the store's answers name it by line, so dry and real run say the same. */
    void created(int line, Object record) {
        if (record instanceof Employer e && e.id() != null) {
            createdLines.put(e.id(), line);
        }
    }
}
