package org.sectorcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The alternating harnesses of {@code --quick} run every pair, the bulk import and the CSV command on tiny data and print their ratios. */
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

    @Test
    void theCsvCommandAndTheRawBaselineStoreEveryRowOfTheSameFile() throws Exception {
        String table = CsvImportBench.run(1, 200); // throws unless the command exits 0 and both sides stored all 200
        assertThat(table).containsPattern("\\| all \\| [0-9,]+ \\| [0-9,]+ \\| [0-9]+\\.[0-9]{2} \\|");
    }
}
