package org.sectorcrm.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The model's programs spread over every aggregate type, whatever the number of types. */
class ModelDataTest {

    @Test
    void everyTypeIsAParentOrAnOtherKindOfTheModel() {
        assertThat(Stream.concat(ModelData.PARENT_KINDS.stream(), ModelData.OTHER_KINDS.stream()).toList())
                .containsExactlyInAnyOrderElementsOf(Kinds.ALL);
    }

    @Test
    void fiftyProgramsTakeEveryOtherKindInTurnAlmostEquallyOften() {
        int tries = 50;
        Map<Kind<?, ?, ?>, Integer> programs = new HashMap<>();
        for (int turn = 0; turn < tries; turn++) {
            List<Kind<?, ?, ?>> others = ModelData.othersOf(turn);
            assertThat(others).as("turn %d", turn).hasSize(ModelData.OTHERS_PER_PROGRAM).doesNotHaveDuplicates();
            others.forEach(k -> programs.merge(k, 1, Integer::sum));
        }
        int least = ModelData.OTHERS_PER_PROGRAM * tries / ModelData.OTHER_KINDS.size();
        assertThat(programs.keySet()).containsExactlyInAnyOrderElementsOf(ModelData.OTHER_KINDS);
        assertThat(programs.values()).allSatisfy(count -> assertThat(count).isBetween(least, least + ModelData.OTHERS_PER_PROGRAM));
    }
}
