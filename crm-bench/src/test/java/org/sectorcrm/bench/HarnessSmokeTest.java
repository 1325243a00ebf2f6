package org.sectorcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness runs: one 100 ms iteration of a read pair on 300 employers, and the ratio table comes out. */
class HarnessSmokeTest {
    @Test
    void oneIterationOfAPairGivesARatio() throws Exception {
        String table = BenchMain.run(false, true, "getLib|getRaw");
        assertThat(table).containsPattern("\\| get \\| [0-9,]+ \\| [0-9,]+ \\| [0-9]+\\.[0-9]{2} \\|");
    }
}
