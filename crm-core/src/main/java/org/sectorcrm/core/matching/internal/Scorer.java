package org.sectorcrm.core.matching.internal;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.matching.MatchConfig;
import org.sectorcrm.core.matching.MatchLevel;
import org.sectorcrm.core.matching.MatchResult;

/**
 * The matching rules (docs/matching.md explains them with the figures they reach):
 * <ol>
 * <li>An equal FEIN is the same company; two different FEINs (more than one keying error apart) never are, whatever the
 * names: franchisees of one brand have one name and their own FEINs.</li>
 * <li>Otherwise the score is {@value #NAME} x name similarity plus the weight of each other piece of evidence, and a
 * company match needs the score at the threshold, the name at the name floor, and at least one piece of evidence beside
 * the name: one name in two towns is two employers.</li>
 * <li>Names that differ in NAICS sector need a name similarity of {@value #SECTOR_NAME} (the family farm and the
 * family's trucking LLC at one farmstead stay apart).</li>
 * <li>A company match is the same establishment when the place agrees: same street number and street in the same
 * ZIP or town, the same PO box, or the same phone with no conflicting address, or one record has no street and the
 * town agrees.</li>
 * </ol>
 */
public final class Scorer {
    static final double NAME = 0.8;
    static final double PHONE = 0.25;
    static final double WEBSITE = 0.2;
    static final double UI_ACCOUNT = 0.25;
    static final double FEIN_TYPO = 0.2;
    static final double SAME_SITE = 0.25;
    static final double NUMBER_TYPO = 0.15;
    static final double SAME_STREET_IN_STATE = 0.2;
    static final double PO_BOX = 0.2;
    static final double SAME_ZIP = 0.12;
    static final double SAME_TOWN = 0.1;
    static final double OTHER_TOWN = -0.2;
    static final double CONFLICT = -0.05;
    static final double NAICS_SAME = 0.04;
    static final double NAICS_CLOSE = 0.02;
    static final double NAICS_OTHER_SECTOR = -0.1;
    static final double SECTOR_NAME = 0.9;
    /** Name similarity (brands left out) for a same-company link between records of two worksites with nothing else in common. */
    static final double COMPANY_NAME = 0.92;

    private Scorer() {
    }

    public static MatchResult compare(Profile a, Profile b, MatchConfig config, Context context) {
        MatchResult r = rules(a, b, config, context);
        if (!r.isMatch() && a.names.length > 0 && (a == b || a.sameEvidence(b))) {
            // Nothing tells them apart: a record is itself, and so is a copy with another key.
            return new MatchResult(MatchLevel.ESTABLISHMENT, 1.0, List.of("same data in every field"));
        }
        return r;
    }

    private static MatchResult rules(Profile a, Profile b, MatchConfig config, Context context) {
        double name = name(a, b, context, false);
        // Franchisees share the brand, not the company: a match on brand names alone needs the place or an identifier.
        boolean brandOnly = name >= config.nameFloor() && name(a, b, context, true) < config.nameFloor() && !twoNamesAgree(a, b, context, config);
        List<String> why = new ArrayList<>();
        why.add((brandOnly ? "brand name " : "name ") + two(name));
        boolean feinSame = a.fein != null && a.fein.equals(b.fein);
        boolean feinTypo = a.fein != null && b.fein != null && Similarity.oneTypoApart(a.fein, b.fein);
        boolean feinDiffers = a.fein != null && b.fein != null && !feinSame && !feinTypo;
        boolean phoneSame = a.phone != null && a.phone.equals(b.phone);
        boolean phoneDiffers = a.phone != null && b.phone != null && !phoneSame;
        double score = NAME * name;
        boolean corroborated = false;
        if (feinSame) {
            why.add(0, "same FEIN");
        } else if (feinTypo) {
            score += FEIN_TYPO;
            corroborated = true;
            why.add("FEIN one digit apart");
        }
        if (phoneSame) {
            score += PHONE;
            corroborated = true;
            why.add("same phone");
        } else if (phoneDiffers) {
            score += CONFLICT;
        }
        if (a.domain != null && a.domain.equals(b.domain) && context.isBrandDomain(a.domain)) {
            why.add("same brand website");
        } else if (a.domain != null && a.domain.equals(b.domain)) {
            score += WEBSITE;
            corroborated = true;
            why.add("same website");
        } else if (a.domain != null && b.domain != null) {
            score += CONFLICT;
        }
        if (a.ui != null && a.ui.equals(b.ui)) {
            score += UI_ACCOUNT;
            corroborated = true;
            why.add("same UI account");
        } else if (a.ui != null && b.ui != null) {
            score += CONFLICT;
        }
        Place place = Place.of(a.site, b.site, config);
        score += place.weight();
        // A franchisee's records in one town, one of them without street, are one when nothing else speaks against it.
        boolean brandHere = place.sameSite() || place.sameTown() && !place.conflict() && !phoneDiffers && !feinDiffers;
        corroborated |= place.corroborates() && (!brandOnly || brandHere);
        if (brandOnly && !corroborated) {
            score = Math.min(score, NAME * name);
        }
        if (place.reason() != null) {
            why.add(place.reason());
        }
        int naics = Identifiers.naicsAgreement(a.naics, b.naics);
        if (naics >= 6) {
            score += NAICS_SAME;
            why.add("same NAICS");
        } else if (naics >= 4) {
            score += NAICS_CLOSE;
            why.add("NAICS " + naics + " digits alike");
        } else if (naics == 0) {
            score += NAICS_OTHER_SECTOR;
            why.add("other NAICS sector");
        }
        score = clamp(score);
        boolean company;
        if (feinSame) {
            company = true;
            score = Math.max(score, 0.9 + 0.1 * name);
        } else if (feinDiffers) {
            company = false;
            why.add(name >= SECTOR_NAME ? "same brand but different FEIN" : "different FEIN");
            score = Math.min(score, config.companyThreshold() * 0.99);
        } else {
            company = corroborated && name >= config.nameFloor() && score >= config.companyThreshold() && (naics != 0 || name >= SECTOR_NAME);
            if (!company) {
                score = Math.min(score, config.companyThreshold() * 0.99);
            }
        }
        MatchLevel level = MatchLevel.NONE;
        if (company) {
            boolean here = place.sameSite() || phoneSame && !place.conflict() && !place.otherTown()
                    || place.streetUnknown() && place.sameTown() && !phoneDiffers;
            level = here ? MatchLevel.ESTABLISHMENT : MatchLevel.COMPANY;
            if (!here && place.conflict()) {
                why.add("other worksite");
            }
        }
        return new MatchResult(level, clamp(score), why);
    }

    /**
     * Whether two records that do not match may still be two worksites of one company: the same distinctive name (no
     * brand) and nothing that speaks against it (FEINs, NAICS sectors, websites). Such a pair alone is not a match (one
     * name in two towns can be two employers); {@link Clustering} joins the two companies only when no record of
     * either contradicts the other, so a multi-site employer whose other sites' records lack a FEIN is still one company.
     */
    public static boolean sameCompanyName(Profile a, Profile b, Context context) {
        return a.names.length > 0 && b.names.length > 0 && !carriesBrand(a, context) && !carriesBrand(b, context) && !contradict(a, b, context)
                && name(a, b, context, true) >= COMPANY_NAME && !otherTradeNames(a, b, context);
    }

    /** Two different names of one agree with two different names of the other: the brand and the owner's name ("X dba Brand"). */
    private static boolean twoNamesAgree(Profile a, Profile b, Context context, MatchConfig config) {
        if (a.names.length < 2 || b.names.length < 2) {
            return false;
        }
        for (int i = 0; i < a.names.length; i++) {
            for (int j = 0; j < b.names.length; j++) {
                if (NameForm.similarity(a.names[i], b.names[j], context) < config.nameFloor()) {
                    continue;
                }
                for (int k = 0; k < a.names.length; k++) {
                    for (int l = 0; l < b.names.length; l++) {
                        if (k != i && l != j && NameForm.similarity(a.names[k], b.names[l], context) >= config.nameFloor()
                                && NameForm.similarity(a.names[i], a.names[k], context) < config.nameFloor()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** A franchisee's record: its owner's name ("Becker Holdings") says nothing of which owner it is without the worksite. */
    private static boolean carriesBrand(Profile p, Context context) {
        for (NameForm n : p.names) {
            if (context.isBrandName(n)) {
                return true;
            }
        }
        return false;
    }

    /** Both records have a name the other lacks: one owner's two businesses ("X dba A" and "X dba B") are no link. */
    private static boolean otherTradeNames(Profile a, Profile b, Context context) {
        return hasUnmatchedName(a, b, context) && hasUnmatchedName(b, a, context);
    }

    private static boolean hasUnmatchedName(Profile a, Profile b, Context context) {
        for (NameForm x : a.names) {
            boolean found = false;
            for (NameForm y : b.names) {
                found |= NameForm.similarity(x, y, context) >= COMPANY_NAME;
            }
            if (!found) {
                return true;
            }
        }
        return false;
    }

    /** Evidence beside the name that two records are one company's: the same industry (NAICS to 4 digits) or the same website. */
    static boolean supports(Profile a, Profile b, Context context) {
        return Identifiers.naicsAgreement(a.naics, b.naics) >= 4 || a.domain != null && a.domain.equals(b.domain) && !context.isBrandDomain(a.domain);
    }

    /** Evidence that two records are two companies: other FEINs, other NAICS sectors, other (non-brand) websites. */
    static boolean contradict(Profile a, Profile b, Context context) {
        if (a.fein != null && b.fein != null && !a.fein.equals(b.fein) && !Similarity.oneTypoApart(a.fein, b.fein)) {
            return true;
        }
        if (Identifiers.naicsAgreement(a.naics, b.naics) == 0) {
            return true;
        }
        return a.domain != null && b.domain != null && !a.domain.equals(b.domain) && !context.isBrandDomain(a.domain)
                && !context.isBrandDomain(b.domain);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String two(double v) {
        long hundredths = Math.round(v * 100);
        return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    }

    /**
     * Whether some name of one is at least {@code nameFloor} alike some name of the other, checked cheaply (a pre-filter
     * for candidates that only a name key brought: without it, and without a shared identifier, no rule matches them
     * and no same-company link joins them).
     */
    public static boolean namesMayMatch(Profile a, Profile b, MatchConfig config, Context context) {
        if (a.fein != null && a.fein.equals(b.fein)) {
            return true; // an equal FEIN matches whatever the names (its own key may have been too crowded to block by)
        }
        double floor = Math.min(config.nameFloor(), COMPANY_NAME);
        for (NameForm x : a.names) {
            for (NameForm y : b.names) {
                if (NameForm.reaches(x, y, context, floor)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The best similarity between any name of one and any name of the other (without brands: between names that are no brand). */
    static double name(Profile a, Profile b, Context context, boolean withoutBrands) {
        double best = 0;
        for (NameForm x : a.names) {
            if (withoutBrands && context.isBrandName(x)) {
                continue;
            }
            for (NameForm y : b.names) {
                if (withoutBrands && context.isBrandName(y)) {
                    continue;
                }
                best = Math.max(best, NameForm.similarity(x, y, context));
                if (best == 1.0) {
                    return best;
                }
            }
        }
        return best;
    }
}
