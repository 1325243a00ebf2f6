package org.sectorcrm.core.matching;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sectorcrm.core.internal.Check;

/**
 * The matcher's thresholds. The defaults ({@link #defaults()}) are the ones measured in docs/matching.md.
 *
 * @param companyThreshold lowest score for a company match when the FEINs do not decide (default 0.80)
 * @param nameFloor lowest name similarity for any match not decided by an equal FEIN (default 0.75)
 * @param streetSimilarity lowest similarity of street names for "same street" when the numbers are equal (default 0.75)
 * @param reportFloor pairs scoring below this and not matching are not reported (default 0.50)
 * @param maxBlockSize a blocking key shared by more records than this is too common to pick candidates by (default 1000)
 */
public record MatchConfig(double companyThreshold, double nameFloor, double streetSimilarity, double reportFloor, int maxBlockSize) {
    private static final Set<String> KEYS = Set.of("companyThreshold", "nameFloor", "streetSimilarity", "reportFloor", "maxBlockSize");

    public MatchConfig {
        Check errors = Check.of("matchConfig");
        unit(errors, "companyThreshold", companyThreshold);
        unit(errors, "nameFloor", nameFloor);
        unit(errors, "streetSimilarity", streetSimilarity);
        unit(errors, "reportFloor", reportFloor);
        if (maxBlockSize < 2) {
            errors.fail("maxBlockSize", "must be at least 2 but was " + maxBlockSize);
        }
        errors.throwIfInvalid();
    }

    private static void unit(Check errors, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            errors.fail(field, "must be in [0, 1] but was " + value);
        }
    }

    public static MatchConfig defaults() {
        return new MatchConfig(0.80, 0.75, 0.75, 0.50, 1000);
    }

    /** The defaults with the given entries replaced ({@code companyThreshold=0.85}); refuses unknown keys and bad numbers, naming all. */
    public static MatchConfig from(Map<String, String> settings) {
        MatchConfig d = defaults();
        Check errors = Check.of("matchConfig");
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(KEYS);
        for (String key : unknown) {
            errors.fail(key, "is not a setting; settings are " + new TreeSet<>(KEYS));
        }
        double company = number(errors, settings, "companyThreshold", d.companyThreshold);
        double floor = number(errors, settings, "nameFloor", d.nameFloor);
        double street = number(errors, settings, "streetSimilarity", d.streetSimilarity);
        double report = number(errors, settings, "reportFloor", d.reportFloor);
        double block = number(errors, settings, "maxBlockSize", d.maxBlockSize);
        errors.throwIfInvalid();
        return new MatchConfig(company, floor, street, report, (int) block);
    }

    private static double number(Check errors, Map<String, String> settings, String key, double fallback) {
        String v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            errors.fail(key, "'" + v + "' is not a number");
            return fallback;
        }
    }
}
