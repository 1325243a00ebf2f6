package org.sectorcrm.examples.server;

import java.util.List;

import org.sectorcrm.core.matching.LikelyDuplicate;

/**
 * {@code POST /employers} found likely duplicates and stored nothing: answered as 409 problem+json whose
 * {@code candidates} list each stored employer (id, legalName, level, score, reasons). Repeat with
 * {@code ?createAnyway=true} to create it all the same (the audit trail names the candidates).
 */
final class LikelyDuplicatesProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<LikelyDuplicate> duplicates;

    LikelyDuplicatesProblem(List<LikelyDuplicate> duplicates) {
        super(duplicates.size() + " stored employer(s) likely duplicate this one; nothing was stored: use one of them, add this worksite to it,"
                + " or repeat with ?createAnyway=true");
        this.duplicates = List.copyOf(duplicates);
    }

    /** The candidates as the problem's {@code candidates} member. */
    List<Candidate> candidates() {
        return duplicates.stream().map(d -> new Candidate(d.employer().id().asString(), d.employer().legalName(), d.result().level().name(),
                d.result().score(), d.result().reasons())).toList();
    }

    record Candidate(String id, String legalName, String level, double score, List<String> reasons) {
    }
}
