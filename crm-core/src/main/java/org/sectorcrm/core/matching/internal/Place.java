package org.sectorcrm.core.matching.internal;

import org.sectorcrm.core.matching.MatchConfig;

/** How two records' places compare: the address part of a verdict. */
record Place(boolean sameSite, boolean sameTown, boolean otherTown, boolean conflict, boolean streetUnknown, double weight,
        boolean corroborates, String reason) {

    static Place of(Site a, Site b, MatchConfig config) {
        boolean sameZip = a.zip5 != null && a.zip5.equals(b.zip5);
        boolean sameTown = sameZip || a.sameTown(b);
        boolean otherTown = !sameTown && (a.city != null && b.city != null || a.zip5 != null && b.zip5 != null);
        // No street address to compare: one has none, or one gives its PO box and the other its street.
        boolean streetUnknown = !(a.number != null && b.number != null) && !(a.poBox != null && b.poBox != null);
        double street = a.street != null && b.street != null
                ? Math.max(Similarity.ratio(a.street, b.street), Similarity.ratio(a.streetCore, b.streetCore)) : -1;
        if (street >= 0 && otherRoad(a, b)) {
            street = 0; // Route 9 and Route 19, County Road K and KK, 300 S and 300 N: alike in letters, two roads
        } else if (street >= 0 && a.isRoute() && b.isRoute() && !a.designators().isEmpty() && a.designators().equals(b.designators())) {
            street = 1; // one route number, its name misspelt or owned otherwise ("Staate Route 99", "Cuonty Road 400 E")
        }
        boolean sameNumber = a.number != null && a.number.equals(b.number);
        String town = sameZip ? "same ZIP" : "same town";
        if (sameTown && sameNumber && (street < 0 || street >= config.streetSimilarity())) {
            return new Place(true, true, false, false, false, Scorer.SAME_SITE, true, "same street number + " + town);
        }
        // One record has only the town, the other only the ZIP (or neither): the same number and street in one state is one worksite.
        boolean sameState = a.state != null && a.state.equals(b.state);
        if (!sameTown && !otherTown && sameState && sameNumber && street >= config.streetSimilarity()) {
            return new Place(true, false, false, false, false, Scorer.SAME_STREET_IN_STATE, true, "same street number + same state");
        }
        if (sameZip && a.number != null && b.number != null && !sameNumber && street >= 0.9 && Similarity.distance(a.number, b.number) == 1) {
            return new Place(true, true, false, false, false, Scorer.NUMBER_TYPO, true, "street number one digit apart + same street + same ZIP");
        }
        if (sameTown && a.poBox != null && a.poBox.equals(b.poBox)) {
            return new Place(true, true, false, false, false, Scorer.PO_BOX, true, "same PO box + " + town);
        }
        boolean conflict = a.number != null && b.number != null || a.poBox != null && b.poBox != null;
        if (sameZip) {
            return new Place(false, true, false, conflict, streetUnknown, Scorer.SAME_ZIP, true, conflict ? "same ZIP, other street address" : "same ZIP");
        }
        if (sameTown) {
            return new Place(false, true, false, conflict, streetUnknown, Scorer.SAME_TOWN, true, conflict ? "same town, other street address" : "same town");
        }
        if (otherTown) {
            return new Place(false, false, true, true, streetUnknown, Scorer.OTHER_TOWN, false, "other town");
        }
        return new Place(false, false, false, false, streetUnknown, 0, false, null);
    }

    /** Both streets carry route numbers or letters (or numbered words), and they differ. */
    private static boolean otherRoad(Site a, Site b) {
        java.util.List<String> x = a.designators();
        java.util.List<String> y = b.designators();
        String dx = a.postDirectional();
        String dy = b.postDirectional();
        return !x.isEmpty() && !y.isEmpty() && !x.equals(y) || dx != null && dy != null && !dx.equals(dy);
    }

    /** Whether two places cannot be one establishment's (kept out of one establishment cluster even through third records). */
    static boolean apart(Site a, Site b) {
        if (a.number != null && b.number != null) {
            if (!a.number.equals(b.number) && !(Similarity.distance(a.number, b.number) == 1 && a.zip5 != null && a.zip5.equals(b.zip5))) {
                return true;
            }
        } else if (a.poBox != null && b.poBox != null && !a.poBox.equals(b.poBox)) {
            return true;
        }
        boolean sameZip = a.zip5 != null && a.zip5.equals(b.zip5);
        return !sameZip && !a.sameTown(b) && (a.city != null && b.city != null || a.zip5 != null && b.zip5 != null);
    }
}
