package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sectorcrm.core.dedupe.CandidatePair;
import org.sectorcrm.core.dedupe.DuplicateReview;
import org.sectorcrm.core.dedupe.DuplicateReviewId;
import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.EmployerMergeId;
import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.dedupe.MergePreview;
import org.sectorcrm.core.dedupe.ReviewDecision;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.matching.LikelyDuplicate;
import org.sectorcrm.core.matching.Matcher;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Duplicate employers, from {@code crm.as(user).dedupe()}: the scan of stored employers for candidate pairs, the
 * reviews that remember a decision on a pair, merge (with a preview) and unmerge.
 *
 * <ul>
 *   <li>{@link #scan}: any role. Employers are walked in id order, a page at a time; each one's candidates come through
 *       the store by blocking (same FEIN, a worksite ZIP, a distinctive name word: the duplicate check of
 *       {@code employers().likelyDuplicates}), never all pairs. A pair is reported once, from its first employer;
 *       pairs reviewed {@code NOT_DUPLICATE} are never reported again. The cursor (the last employer examined) makes a
 *       stopped scan continue where it was.</li>
 *   <li>{@link #review}: STAFF. {@link #preview}: any role. {@link #merge}, {@link #unmerge}: MANAGER.</li>
 * </ul>
 *
 * @since 2
 */
public final class DedupeOperations {
    /** Employers examined at most by one scan page, so a page over a region without duplicates still answers soon. */
    static final int EMPLOYERS_PER_PAGE = 500;
    private static final Matcher MATCHER = Matcher.withDefaults();
    /** The audit actions of a merge and an unmerge (on the survivor's id), beside the entries of each record written. */
    public static final String MERGED = "MERGED";
    public static final String UNMERGED = "UNMERGED";

    private final Crm crm;
    private final Actor actor;

    DedupeOperations(Crm crm, Actor actor) {
        this.crm = crm;
        this.actor = actor;
    }

    /** The review records, as records (list, read, history). */
    public DuplicateReviewOperations reviews() {
        return new DuplicateReviewOperations(crm, actor);
    }

    /** The merge records (tombstones): read-only. */
    public EmployerMergeOperations merges() {
        return new EmployerMergeOperations(crm, actor);
    }

    /**
     * Candidate pairs of stored employers, keyset-paged: {@code page.after()} is the cursor of the previous page (null to
     * start). A page holds the pairs of the employers it examined: at least {@code page.limit()} pairs unless fewer
     * remain (the last employer's pairs all come on its page, so a page may hold a few more), or the pairs of
     * {@value #EMPLOYERS_PER_PAGE} employers, whichever comes first. The next cursor is null at the end.
     */
    public Page<CandidatePair> scan(PageRequest page) {
        RecordOperations.require("dedupe", "page", page);
        return crm.storage().read(tx -> {
            EmployerDuplicates.Lookups lookups = new EmployerDuplicates.Lookups(); // this transaction's answers, per key
            List<CandidatePair> pairs = new ArrayList<>();
            String cursor = page.after();
            int examined = 0;
            while (true) {
                int chunk = Math.min(100, EMPLOYERS_PER_PAGE - examined);
                Page<Employer> employers = tx.employers().query(EmployerFilter.ALL,
                        cursor == null ? PageRequest.first(chunk) : PageRequest.after(cursor, chunk));
                for (Employer e : employers.items()) {
                    pairs.addAll(pairsOf(tx, e, lookups));
                    examined++;
                    cursor = e.id().asString();
                    if (pairs.size() >= page.limit() || examined >= EMPLOYERS_PER_PAGE) {
                        boolean last = !employers.hasNext() && e == employers.items().get(employers.items().size() - 1);
                        return new Page<>(pairs, last ? null : cursor);
                    }
                }
                if (!employers.hasNext()) {
                    return new Page<>(pairs, null);
                }
            }
        });
    }

    private static List<CandidatePair> pairsOf(StorageTransaction tx, Employer e, EmployerDuplicates.Lookups lookups) {
        List<CandidatePair> out = new ArrayList<>();
        for (LikelyDuplicate d : EmployerDuplicates.find(tx, MATCHER, e, lookups)) {
            Employer other = d.employer();
            if (other.id().asString().compareTo(e.id().asString()) <= 0) {
                continue; // reported from the other employer
            }
            Optional<DuplicateReview> review = tx.store(AggregateTypes.DUPLICATE_REVIEW).find(DuplicateReviewId.of(e.id(), other.id()));
            if (review.isPresent() && review.get().decision() == ReviewDecision.NOT_DUPLICATE) {
                continue;
            }
            out.add(new CandidatePair(e, other, d.result().level(), d.result().score(), d.result().reasons(),
                    review.map(DuplicateReview::decision).orElse(null)));
        }
        return out;
    }

    /** Records (or changes) the decision on the pair {@code a}, {@code b} (either order); STAFF. */
    public DuplicateReview review(EmployerId a, EmployerId b, ReviewDecision decision, String comment) {
        RecordOperations.require("duplicateReview", "first", a);
        RecordOperations.require("duplicateReview", "second", b);
        RecordOperations.require("duplicateReview", "decision", decision);
        DuplicateReviewOperations ops = reviews();
        DuplicateReview draft = DuplicateReview.of(a, b, decision, actor.user(), comment);
        Optional<DuplicateReview> stored = ops.find(draft.id());
        return stored.isPresent() ? ops.update(draft.id(), stored.get().version(), stored.get().withDecision(decision, actor.user(), comment))
                : ops.create(draft);
    }

    /** The id {@code id} resolves to now: itself when stored, the survivor (following later merges) when merged, else empty. */
    public Optional<EmployerId> resolve(EmployerId id) {
        RecordOperations.require("employer", "id", id);
        return crm.storage().read(tx -> resolve(tx, id));
    }

    static Optional<EmployerId> resolve(StorageTransaction tx, EmployerId id) {
        EmployerId at = id;
        for (int hops = 0; hops < 100; hops++) {
            if (tx.employers().find(at).isPresent()) {
                return Optional.of(at);
            }
            Optional<EmployerMerge> m = tx.store(AggregateTypes.EMPLOYER_MERGE).find(EmployerMergeId.of(at));
            if (m.isEmpty()) {
                return Optional.empty();
            }
            at = m.get().survivor();
        }
        return Optional.empty();
    }

    /** What {@link #merge} would do, without writing anything. */
    public MergePreview preview(EmployerId survivor, EmployerId merged, MergeChoices choices) {
        return crm.storage().read(tx -> {
            Employer[] pair = load(tx, survivor, merged);
            Employer result = EmployerSurvivorship.merge(pair[0], pair[1], choices == null ? MergeChoices.DEFAULTS : choices);
            return new MergePreview(pair[0], pair[1], result, EmployerSurvivorship.outcomes(pair[0], pair[1], result),
                    EmployerRepointing.count(tx, merged));
        });
    }

    /**
     * Merges {@code merged} into {@code survivor} in one transaction: the survivor takes the fields of the preview, every
     * record referring to the merged employer (found from the descriptors' references) is re-pointed to the survivor, the
     * merged employer is deleted and its merge record (tombstone) written, so its id {@linkplain #resolve resolves} to the
     * survivor. Audited ({@value #MERGED} on the survivor, and each record's own entry) with a domain event per record
     * (the merge record's creation among them). MANAGER.
     */
    public EmployerMerge merge(EmployerId survivor, EmployerId merged, MergeChoices choices) {
        actor.require(Role.MANAGER, "merge employers");
        MergeChoices chosen = choices == null ? MergeChoices.DEFAULTS : choices;
        return crm.write(actor, changes -> EmployerRepointing.merge(changes, load(changes.tx, survivor, merged), chosen));
    }

    /**
     * {@link #merge(EmployerId, EmployerId, MergeChoices)} of the two employers exactly as a preview showed them: inside the
     * merge's transaction both are read and compared with the versions the preview read, and when either changed since
     * the merge is refused and nothing is written (the preview would no longer be what the user approved). MANAGER.
     *
     * @throws ConflictException naming the employer that changed, with the version previewed and the version stored
     * @since 2
     */
    public EmployerMerge merge(EmployerId survivor, EmployerId merged, MergeChoices choices, long survivorVersion, long mergedVersion) {
        actor.require(Role.MANAGER, "merge employers");
        MergeChoices chosen = choices == null ? MergeChoices.DEFAULTS : choices;
        return crm.write(actor, changes -> {
            Employer[] pair = load(changes.tx, survivor, merged);
            unchangedSince(pair[0], survivorVersion, "survivor");
            unchangedSince(pair[1], mergedVersion, "merged employer");
            return EmployerRepointing.merge(changes, pair, chosen);
        });
    }

    private static void unchangedSince(Employer now, long previewed, String role) {
        if (now.version() != previewed) {
            throw new ConflictException("employer", now.id(), now.version(), "Employer " + now.legalName() + " (the " + role + ", " + now.id()
                    + ") was changed after the preview was shown (version " + previewed + " previewed, version " + now.version()
                    + " stored), so the merge was refused; preview again");
        }
    }

    /**
     * Undoes the merge of {@code merged}: the merged employer comes back exactly as it was (same version), the survivor
     * gets back its values from before the merge on every field nobody changed since (a field edited since keeps the
     * edit, less what the merge added), and the records the merge re-pointed that still point to the survivor point back
     * to the merged employer. Records added to the survivor after the merge stay with it. MANAGER.
     *
     * @throws NotFoundException when {@code merged} has no merge record
     * @throws ConflictException when the survivor was itself merged since (unmerge that first)
     */
    public Employer unmerge(EmployerId merged) {
        RecordOperations.require("employerMerge", "merged", merged);
        actor.require(Role.MANAGER, "unmerge employers");
        return crm.write(actor, changes -> EmployerRepointing.unmerge(changes, merged));
    }

    private static Employer[] load(StorageTransaction tx, EmployerId survivor, EmployerId merged) {
        RecordOperations.require("merge", "survivor", survivor);
        RecordOperations.require("merge", "merged", merged);
        if (survivor.equals(merged)) {
            throw ValidationException.of("merge", "merged", "is the survivor " + survivor + ": an employer is not merged into itself");
        }
        Employer s = tx.employers().find(survivor).orElseThrow(() -> new NotFoundException("employer", survivor));
        Employer m = tx.employers().find(merged).orElseThrow(() -> new NotFoundException("employer", merged));
        return new Employer[] {s, m};
    }
}
