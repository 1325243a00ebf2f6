package org.sectorcrm.core.report;

import org.sectorcrm.core.ValidationException;

/**
 * The choices the ESE report makes where the federal guidance is unverified or silent (docs/reports.md).
 *
 * @param lookBackYears program years before the period's program year that the Repeat Business Customers Rate's
 *                      denominator looks at (default 3, the commonly quoted form of TEGL 10-16; exact wording unverified)
 * @since 2
 */
public record EseOptions(int lookBackYears) {
    public static final EseOptions DEFAULTS = new EseOptions(3);

    public EseOptions {
        if (lookBackYears < 1 || lookBackYears > 10) {
            throw ValidationException.of("report", "lookBackYears", "must be 1..10 but was " + lookBackYears);
        }
    }
}
