package org.sectorcrm.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.ValidationException;

class NaicsCodeTest {

    @Test
    void shipsEveryOneOfThe1012SixDigitNationalIndustriesOfNaics2022() {
        assertThat(NaicsCode.sixDigitCodes()).hasSize(1012).contains("336110", "111110", "928120");
    }

    @Test
    void rejectsA2017OnlyCodeSayingItIsA2017Code() {
        assertThatThrownBy(() -> NaicsCode.of("336111"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("336111 is a NAICS 2017 code")
                .hasMessageContaining("2022");
    }

    @Test
    void rejectsUnknownAndMalformedCodes() {
        assertThatThrownBy(() -> NaicsCode.of("999999")).hasMessageContaining("not a NAICS 2022 code");
        assertThatThrownBy(() -> NaicsCode.of("33611")).hasMessageContaining("six digits");
        assertThatThrownBy(() -> NaicsCode.of(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void knowsTitlesAndTheSectorRanges() {
        NaicsCode autos = NaicsCode.of(" 336110 ");
        assertThat(autos.title()).isEqualTo("Automobile and Light Duty Motor Vehicle Manufacturing");
        assertThat(autos.naicsSector()).isEqualTo("31-33");
        assertThat(NaicsCode.of("445110").naicsSector()).isEqualTo("44-45");
        assertThat(NaicsCode.of("484110").naicsSector()).isEqualTo("48-49");
        assertThat(NaicsCode.of("541511").naicsSector()).isEqualTo("54");
    }

    @Test
    void derivesTheSectorByTheLongestPrefix() {
        Sector manufacturing = Sector.of("MFG", "Manufacturing", List.of("31", "32", "33"));
        Sector automotive = Sector.of("AUTO", "Automotive", List.of("3361", "3363"));
        Sector health = Sector.of("HEALTH", "Healthcare", List.of("62"));
        List<Sector> all = List.of(manufacturing, automotive, health);
        assertThat(Sector.deriveFor(NaicsCode.of("336110"), all)).contains(automotive);
        assertThat(Sector.deriveFor(NaicsCode.of("332710"), all)).contains(manufacturing);
        assertThat(Sector.deriveFor(NaicsCode.of("622110"), all)).contains(health);
        assertThat(Sector.deriveFor(NaicsCode.of("541511"), all)).isEmpty();
    }
}
