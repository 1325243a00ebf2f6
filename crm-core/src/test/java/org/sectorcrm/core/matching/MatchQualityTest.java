package org.sectorcrm.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The defaults on the labelled set reach the held-out targets: 0.95 at company level, 0.90 at establishment level (docs/matching.md). */
class MatchQualityTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void defaultsReachTheTargetsOnTheLabelledSet(long seed) {
        List<LabelledEmployers.Labelled> data = LabelledEmployers.generate(seed, 3000);
        MatchRun run = Matcher.withDefaults().run(data.stream().map(LabelledEmployers.Labelled::record).toList());
        MatchQuality company = MatchQuality.company(data, run);
        MatchQuality establishment = MatchQuality.establishment(data, run);
        System.out.println("seed " + seed + ", " + data.size() + " records: company " + company + "; establishment " + establishment);
        assertThat(company.precision()).as("company precision").isGreaterThanOrEqualTo(0.95);
        assertThat(company.recall()).as("company recall").isGreaterThanOrEqualTo(0.95);
        assertThat(establishment.precision()).as("establishment precision").isGreaterThanOrEqualTo(0.90);
        assertThat(establishment.recall()).as("establishment recall").isGreaterThanOrEqualTo(0.90);
    }
}
