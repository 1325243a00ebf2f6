package org.sectorcrm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.ValidationException;

/** The hand-written check accepts exactly what the regular expression it replaced accepted. */
class UuidsTest {
    @Test
    void canonicalTextInEitherCaseParses() {
        UUID id = UUID.randomUUID();
        assertThat(Uuids.parse("employer", id.toString())).isEqualTo(id);
        assertThat(Uuids.parse("employer", id.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(id);
    }

    @Test
    void anythingElseIsRefusedNamingTheRecord() {
        String good = "0190f3a2-7b1c-7d2e-8f00-0123456789ab";
        for (String bad : new String[] {null, "", good.substring(1), good + "0", good.replace('-', '_'), good.replace('a', 'g'),
                good.replace('0', '\u0660'), good.replace('b', '\uff42'), "0190f3a27b1c-7d2e-8f00-0123456789abc"}) {
            assertThatThrownBy(() -> Uuids.parse("employer", bad)).as(String.valueOf(bad)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("employer").hasMessageContaining("is not a UUID");
        }
    }
}
