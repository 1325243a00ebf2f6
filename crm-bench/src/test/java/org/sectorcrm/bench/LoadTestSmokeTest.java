package org.sectorcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sectorcrm.bench.load.LoadTest;

/**
 * The load test runs end to end at a tiny rate: the server starts in its own process with a 256 MB heap, both endpoints
 * answer every request (a failed request makes the rate "not sustained"), and the percentiles and memory come out.
 */
class LoadTestSmokeTest {
    @Test
    void aTinyRateForOneSecondOnBothEndpoints() throws Exception {
        String table = LoadTest.run(100, new int[] {20}, Duration.ofSeconds(1));
        assertThat(table).containsPattern("\\| GET /api/v1/employers/\\{id} \\| 20 \\| 20 \\| 0 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| ")
                .containsPattern("\\| GET /employers/\\{id} \\(web page\\) \\| 20 \\| 20 \\| 0 \\| ")
                .containsPattern("server peak RSS [0-9]+ MB, peak heap [0-9]+ MB");
    }
}
