package org.sectorcrm.core.outcome;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.solution.SolutionId;

/**
 * A measure of difference made at one employer (optionally for one solution): a baseline and later
 * observations, kept in date order. Improvement is computed from them, never typed in.
 */
public record OutcomeMeasure(OutcomeId id, Stamp stamp, EmployerId employer, SolutionId solution, Metric metric,
        LocalDate baselineOn, BigDecimal baseline, List<Observation> observations) implements Aggregate<OutcomeId> {
    public OutcomeMeasure {
        Check c = Check.of("outcome").require("employer", employer).require("metric", metric).require("baselineOn", baselineOn).date("baselineOn", baselineOn)
                .require("baseline", baseline);
        observations = c.list("observations", observations).stream().sorted(Comparator.comparing(Observation::on)).toList();
        for (int i = 0; i < observations.size(); i++) {
            c.notBefore("observations[" + i + "].on", observations.get(i).on(), "baselineOn", baselineOn);
        }
        c.throwIfInvalid();
    }

    public Optional<Observation> latest() {
        return observations.isEmpty() ? Optional.empty() : Optional.of(observations.get(observations.size() - 1));
    }

    /** Latest minus baseline, signed so that a positive number is always better. Empty until there is an observation. */
    public Optional<BigDecimal> improvement() {
        return latest().map(o -> metric.direction() == Direction.HIGHER_IS_BETTER ? o.value().subtract(baseline) : baseline.subtract(o.value()));
    }

    /** Improvement relative to the baseline (0.25 = 25 % better); empty without an observation or with a zero baseline. */
    public Optional<BigDecimal> relativeImprovement() {
        if (baseline.signum() == 0) {
            return Optional.empty();
        }
        return improvement().map(i -> i.divide(baseline.abs(), MathContext.DECIMAL64));
    }

    public OutcomeMeasure withId(OutcomeId id) {
        return new OutcomeMeasure(id, stamp, employer, solution, metric, baselineOn, baseline, observations);
    }

    public OutcomeMeasure withStamp(Stamp stamp) {
        return new OutcomeMeasure(id, stamp, employer, solution, metric, baselineOn, baseline, observations);
    }

    public OutcomeMeasure withObservations(List<Observation> observations) {
        return new OutcomeMeasure(id, stamp, employer, solution, metric, baselineOn, baseline, observations);
    }
}
