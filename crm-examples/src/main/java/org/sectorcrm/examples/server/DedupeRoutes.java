package org.sectorcrm.examples.server;

import java.util.List;
import java.util.Map;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.dedupe.CandidatePair;
import org.sectorcrm.core.dedupe.DuplicateReview;
import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.dedupe.MergePreview;
import org.sectorcrm.core.dedupe.ReviewDecision;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;

/**
 * Duplicate employers over HTTP (docs/matching.md): the scan's candidate pairs ({@code GET /dedupe/candidates}, keyset
 * paged: a stopped review queue goes on from its {@code next}), review decisions ({@code POST /dedupe/reviews}), merge
 * with a preview ({@code POST /employers/{id}/merge[?preview=true]}, {@code id} the survivor) and unmerge
 * ({@code POST /employers/{id}/unmerge}, {@code id} the merged employer). What the web review queue needs is here.
 */
final class DedupeRoutes implements RouteGroup {
    /** The body of {@code POST /dedupe/reviews}: the pair in either order, the decision, an optional comment. */
    record ReviewBody(String first, String second, ReviewDecision decision, String comment) {
    }

    /** The body of {@code POST /employers/{id}/merge}: the employer merged into {@code id}, and fields whose merged value wins. */
    record MergeBody(String merged, Map<String, MergeChoices.Side> choices, Long survivorVersion, Long mergedVersion) {
    }

    /**
     * The body of {@code POST /employers/{id}/unmerge}: the survivor the employer was merged into, as the caller saw it, so
     * that an unmerge meant for one merge cannot undo another (a later merge of the same id, a mistyped id).
     */
    record UnmergeBody(String survivor) {
    }

    private static final Route.Param PREVIEW = new Route.Param("preview", Boolean.class, false);

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/dedupe/candidates").tag("dedupe").id("dedupeCandidates", "Candidate pairs of stored employers with level, score and"
                        + " reasons, found by blocking (never all pairs), in the order of the pair's first employer id; pairs reviewed NOT_DUPLICATE"
                        + " are never listed again; page on with after=<next>").pages(CandidatePair.class)
                        .handle(ctx -> Http.sendPage(ctx, Http.session(ctx).dedupe().scan(Http.page(ctx)))),
                Route.post("/dedupe/reviews").tag("dedupe").id("dedupeReview", "Record (or change) the decision on a candidate pair:"
                        + " NOT_DUPLICATE (never proposed again), DUPLICATE or LATER (STAFF)").body(ReviewBody.class).returns(DuplicateReview.class)
                        .handle(ctx -> {
                            ReviewBody b = Http.body(ctx, ReviewBody.class);
                            requireAll(b == null ? null : b.first(), b == null ? null : b.second(), b == null ? null : b.decision());
                            Http.send(ctx, 200, Http.session(ctx).dedupe().review(EmployerId.of(b.first()), EmployerId.of(b.second()), b.decision(),
                                    b.comment()));
                        }),
                Route.post("/employers/{id}/merge").tag("dedupe").id("mergeEmployer", "Merge the employer named in the body into this one"
                        + " (the survivor) in one transaction: survivorship field by field, every record of the merged employer re-pointed, its"
                        + " id kept as a tombstone answering 308 to the survivor (MANAGER). With preview=true nothing is written and the answer is"
                        + " the preview (fields with the winning value, records to re-point)").body(MergeBody.class).query(List.of(PREVIEW))
                        .returns(schemas -> {
                            com.fasterxml.jackson.databind.node.ObjectNode s = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                            s.putArray("oneOf").add(schemas.of(EmployerMerge.class)).add(schemas.of(MergePreview.class));
                            return s;
                        }).handle(ctx -> {
                            EmployerId survivor = EmployerId.of(ctx.pathParam("id"));
                            MergeBody b = Http.body(ctx, MergeBody.class);
                            if (b == null || b.merged() == null) {
                                throw ValidationException.of("merge", "merged", "is required: the id of the employer merged into " + survivor);
                            }
                            EmployerId merged = EmployerId.of(b.merged());
                            MergeChoices choices = new MergeChoices(b.choices());
                            String preview = ctx.queryParam(PREVIEW.name());
                            if (preview != null && !preview.equals("true") && !preview.equals("false")) {
                                throw ValidationException.of("merge", "preview", "must be true or false but was '" + preview + "'");
                            }
                            if ("true".equals(preview)) {
                                MergePreview p = Http.session(ctx).dedupe().preview(survivor, merged, choices);
                                Http.send(ctx, 200, p);
                            } else if (b.survivorVersion() != null || b.mergedVersion() != null) {
                                // the versions a preview read: checked inside the merge's transaction (409 when either changed)
                                if (b.survivorVersion() == null || b.mergedVersion() == null) {
                                    throw ValidationException.of("merge", b.survivorVersion() == null ? "survivorVersion" : "mergedVersion",
                                            "is required with " + (b.survivorVersion() == null ? "mergedVersion" : "survivorVersion")
                                                    + ": the versions of both employers the preview showed");
                                }
                                Http.send(ctx, 200, Http.session(ctx).dedupe().merge(survivor, merged, choices, b.survivorVersion(), b.mergedVersion()));
                            } else {
                                Http.send(ctx, 200, Http.session(ctx).dedupe().merge(survivor, merged, choices));
                            }
                        }),
                Route.post("/employers/{id}/unmerge").tag("dedupe").id("unmergeEmployer", "Undo the merge of this (merged) employer: it comes back"
                        + " exactly as it was and the records moved from it point to it again; what was added to the survivor since stays there"
                        + " (MANAGER); the body names the survivor it was merged into").body(UnmergeBody.class).returns(Employer.class).handle(ctx -> {
                            EmployerId merged = EmployerId.of(ctx.pathParam("id"));
                            UnmergeBody b = Http.body(ctx, UnmergeBody.class);
                            if (b.survivor() == null) {
                                throw ValidationException.of("unmerge", "survivor", "is required: the id of the employer " + merged + " was merged into");
                            }
                            var merges = org.sectorcrm.core.type.AggregateTypes.EMPLOYER_MERGE;
                            org.sectorcrm.core.dedupe.EmployerMerge tombstone = org.sectorcrm.examples.records.SessionRecords.record(merges, org.sectorcrm.examples.records.SessionRecords.of(Http.session(ctx),
                                    org.sectorcrm.core.type.AggregateTypes.EMPLOYER_MERGE).get(org.sectorcrm.core.dedupe.EmployerMergeId.of(merged)));
                            if (!tombstone.survivor().equals(EmployerId.of(b.survivor()))) {
                                throw ValidationException.of("unmerge", "survivor", "is not the employer " + merged + " was merged into ("
                                        + tombstone.survivor() + ")");
                            }
                            Employer restored = Http.session(ctx).dedupe().unmerge(merged);
                            ctx.header("ETag", Http.etag(restored.version()));
                            Http.send(ctx, 200, restored);
                        }));
    }

    private static void requireAll(String first, String second, ReviewDecision decision) {
        List<org.sectorcrm.core.FieldViolation> missing = new java.util.ArrayList<>();
        if (first == null) {
            missing.add(new org.sectorcrm.core.FieldViolation("duplicateReview", "first", "is required: an employer id"));
        }
        if (second == null) {
            missing.add(new org.sectorcrm.core.FieldViolation("duplicateReview", "second", "is required: an employer id"));
        }
        if (decision == null) {
            missing.add(new org.sectorcrm.core.FieldViolation("duplicateReview", "decision", "is required: NOT_DUPLICATE, DUPLICATE or LATER"));
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
    }
}
