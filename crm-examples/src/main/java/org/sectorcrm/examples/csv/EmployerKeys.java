package org.sectorcrm.examples.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.Fein;

/**
 * The natural key of an employer in files: its FEIN, else its normalised legal name plus the ZIP of its
 * primary establishment ({@link EmployerNames#normalize}). A FEIN in the file also finds an employer stored
 * earlier without one under the same name and ZIP, so adding FEINs later does not create duplicates.
 *
 * <p>One instance per import: {@link #readAhead} reads the employers of many rows' keys in one {@code fein IN (...)}
 * and one {@code name_key IN (...)} query, and {@link #find} then answers those keys from what it read instead of
 * querying once per row. The answers are the same as the per-row queries' as long as nothing is written between the
 * read-ahead and the finds, which is how the importer calls them (inside one {@link org.sectorcrm.core.RecordBatch#lookups}
 * read, before the rows it looked up are queued). A key that was not read ahead is queried on its own, as before.
 */
final class EmployerKeys {
    /** Keys per IN list: a statement of modest size whatever the batch size (and far below any engine's parameter limit). */
    private static final int PER_QUERY = 500;

    private final CrmSession session;
    private final Set<Fein> feinsRead = new HashSet<>();
    private final Map<Fein, Employer> byFein = new HashMap<>();
    private final Set<String> namesRead = new HashSet<>();
    private final Map<String, List<Employer>> byName = new HashMap<>();
    private long singleLookups;

    EmployerKeys(CrmSession session) {
        this.session = session;
    }

    /**
     * Forgets what was read before and reads every employer stored under one of these FEINs or name keys (normalised
     * names), in id order like the single lookups.
     */
    void readAhead(Collection<Fein> feins, Collection<String> nameKeys) {
        feinsRead.clear();
        byFein.clear();
        namesRead.clear();
        byName.clear();
        List<Fein> f = List.copyOf(new HashSet<>(feins));
        for (int i = 0; i < f.size(); i += PER_QUERY) {
            List<Fein> part = f.subList(i, Math.min(f.size(), i + PER_QUERY));
            all(EmployerFilter.ALL.withFeins(part), e -> byFein.putIfAbsent(e.fein(), e));
            feinsRead.addAll(part);
        }
        List<String> n = List.copyOf(new HashSet<>(nameKeys));
        for (int i = 0; i < n.size(); i += PER_QUERY) {
            List<String> part = n.subList(i, Math.min(n.size(), i + PER_QUERY));
            all(EmployerFilter.ALL.withNameKeys(part), e -> byName.computeIfAbsent(e.nameKey(), k -> new ArrayList<>()).add(e));
            namesRead.addAll(part);
        }
    }

    private void all(EmployerFilter filter, Consumer<Employer> each) {
        Page<Employer> page = session.employers().list(filter, PageRequest.first(PageRequest.MAX_LIMIT));
        page.items().forEach(each);
        while (page.hasNext()) {
            page = session.employers().list(filter, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            page.items().forEach(each);
        }
    }

    Optional<Employer> find(Fein fein, String legalName, String zip) {
        if (fein != null) {
            Optional<Employer> found = feinsRead.contains(fein) ? Optional.ofNullable(byFein.get(fein)) : single(EmployerFilter.ALL.withFein(fein), 2).stream().findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        if (legalName == null) {
            return Optional.empty();
        }
        String zip5 = zip5(zip);
        String nameKey = EmployerNames.normalize(legalName);
        // Read ahead by name alone; a single lookup narrows by ZIP in the query. Either way the primary ZIP decides.
        List<Employer> named = namesRead.contains(nameKey) ? byName.getOrDefault(nameKey, List.of())
                : single(zip5 == null ? EmployerFilter.ALL.withNameKey(nameKey) : EmployerFilter.ALL.withNameKey(nameKey).withZip(zip5), PageRequest.MAX_LIMIT);
        List<Employer> byName = named.stream()
                .filter(e -> Objects.equals(e.primaryZip(), zip5))
                .filter(e -> fein == null || e.fein() == null)
                .toList();
        if (byName.size() > 1) {
            throw ValidationException.of("employer", "legalName", byName.size() + " employers are named '" + legalName
                    + "' at ZIP " + zip5 + "; give the FEIN to say which");
        }
        return byName.stream().findFirst();
    }

    private List<Employer> single(EmployerFilter filter, int limit) {
        singleLookups++;
        return session.employers().list(filter, PageRequest.first(limit)).items();
    }

    /** How many lookups were not answered from a read-ahead (a test's check that the read-ahead covers the rows). */
    long singleLookups() {
        return singleLookups;
    }

    /** The five-digit ZIP a file's ZIP cell names (null for none). */
    static String zip5(String zip) {
        return zip == null ? null : zip.strip().length() >= 5 ? zip.strip().substring(0, 5) : zip.strip();
    }

    /**
     * Reads ahead the employers that rows name by {@code feinColumn}, else by {@code nameColumn} ({@link #readAhead});
     * a FEIN cell that does not parse reads nothing (its row reports it).
     */
    void readAhead(List<Map<String, String>> rows, String feinColumn, String nameColumn) {
        Set<Fein> feins = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Map<String, String> row : rows) {
            Fein fein = parseOrNull(row.get(feinColumn));
            if (fein != null) {
                feins.add(fein);
            }
            if (row.get(nameColumn) != null) {
                names.add(EmployerNames.normalize(row.get(nameColumn)));
            }
        }
        readAhead(feins, names);
    }

    private static Fein parseOrNull(String cell) {
        if (cell == null) {
            return null;
        }
        try {
            return Fein.parse(cell);
        } catch (ValidationException e) {
            return null;
        }
    }

    /** The employer a contact or engagement row points to, by its employerFein or employerName + employerZip columns. */
    Employer require(String record, String fein, String name, String zip) {
        if (fein == null && name == null) {
            throw ValidationException.of(record, "employerName", "or employerFein is required to say which employer");
        }
        Fein parsed;
        try {
            parsed = fein == null ? null : Fein.parse(fein);
        } catch (ValidationException e) {
            throw ValidationException.of(record, "employerFein", e.violations().get(0).message());
        }
        return find(parsed, name, zip).orElseThrow(() -> ValidationException.of(record, fein != null ? "employerFein" : "employerName",
                "no employer " + (fein != null ? "with FEIN " + parsed : "named '" + name + "'" + (zip == null ? "" : " at ZIP " + zip)) + " exists; import employers first"));
    }
}
