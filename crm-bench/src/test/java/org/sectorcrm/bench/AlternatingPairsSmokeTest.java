package org.sectorcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The alternating harness of {@code --quick} runs every pair on a tiny data set and prints a ratio and p50/p99 for each. */
class AlternatingPairsSmokeTest {
    @Test
    void everyPairGivesARatioAndPercentiles() throws Exception {
        String table = AlternatingPairs.run(300, 1, 40);
        for (String pair : new String[] {"get", "getCached", "pageStatus", "pageRegion", "search", "createOne", "engagement"}) {
            assertThat(table).as(pair).containsPattern("\\| " + pair + " \\([^|]*\\) \\| [0-9,]+ \\| [0-9,]+ \\| [0-9]+\\.[0-9]{2}"
                    + " \\| [0-9.]+ / [0-9.]+ \\| [0-9.]+ / [0-9.]+ \\|");
        }
    }

    @Test
    void theImportRoundsStoreEmployersWithTheirContactsOnBothSides() throws Exception {
        String table = AlternatingImport.run(1, 200);
        assertThat(table).containsPattern("\\| all \\| [0-9,]+ \\| [0-9,]+ \\| [0-9]+\\.[0-9]{2} \\|");
    }
}
