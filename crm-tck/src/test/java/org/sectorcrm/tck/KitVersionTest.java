package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.spi.CrmStorage;

class KitVersionTest {

    @Test
    void theKitChecksTheSpiVersionOfTheCoreItIsBuiltWith() {
        assertThat(KitVersion.CHECKED_SPI_VERSION).isEqualTo(CrmStorage.SPI_VERSION);
        assertThat(KitVersion.spiVersionOnClassPath()).isEqualTo(CrmStorage.SPI_VERSION);
        assertThat(KitVersion.checks(CrmStorage.SPI_VERSION)).isTrue();
    }

    @Test
    void aStorageOnAnotherSpiVersionIsRefusedWithAMessageNamingBothAndTheKitToUse() {
        int other = KitVersion.CHECKED_SPI_VERSION + 1;
        assertThat(KitVersion.checks(other)).isFalse();
        assertThat(KitVersion.checks(KitVersion.CHECKED_SPI_VERSION - 1)).isFalse();
        assertThat(KitVersion.mismatch(other)).contains("checks storage SPI version " + KitVersion.CHECKED_SPI_VERSION)
                .contains("runs on SPI version " + other).contains("use crm-tck " + other + ".x");
    }

    @Test
    void theKitVersionStartsWithTheSpiVersionItChecks() {
        assertThat(KitVersion.VERSION).isEqualTo(KitVersion.CHECKED_SPI_VERSION + "." + KitVersion.REVISION);
    }
}
