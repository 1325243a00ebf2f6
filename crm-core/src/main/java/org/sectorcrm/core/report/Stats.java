package org.sectorcrm.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How many values, their mean and their median (the middle value, or the mean of the two middle values); mean and
 * median are null when there are no values. Exact decimals, rounded to 6 places only at the end.
 *
 * @since 2
 */
public record Stats(long count, BigDecimal mean, BigDecimal median) {
    public static final Stats NONE = new Stats(0, null, null);

    public static Stats of(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return new Stats(n, round(sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64)), round(median));
    }

    static BigDecimal round(BigDecimal v) {
        BigDecimal r = v.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r; // 100, not 1E+2, in the JSON
    }
}
