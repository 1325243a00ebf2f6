package org.sectorcrm.core.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.sectorcrm.core.internal.Check;

public record Observation(LocalDate on, BigDecimal value) {
    public Observation {
        Check.of("observation").require("on", on).require("value", value).throwIfInvalid();
    }
}
