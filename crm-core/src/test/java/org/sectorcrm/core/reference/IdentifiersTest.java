package org.sectorcrm.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sectorcrm.core.ValidationException;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"})
    void rejectsFeinPrefixesTheIrsNeverIssues(String prefix) {
        assertThatThrownBy(() -> Fein.parse(prefix + "-1234567"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("prefix " + prefix + " is never issued by the IRS");
    }

    @Property(tries = 200)
    void everyIssuedPrefixParsesAndFormatsBack(@ForAll @IntRange(min = 0, max = 99) int prefix, @ForAll @IntRange(min = 0, max = 9_999_999) int serial) {
        String text = String.format("%02d-%07d", prefix, serial);
        boolean issued = !java.util.Set.of(0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97).contains(prefix);
        if (issued) {
            Fein fein = Fein.parse(text);
            assertThat(fein.formatted()).isEqualTo(text);
            assertThat(Fein.parse(text.replace("-", ""))).isEqualTo(fein);
        } else {
            assertThatThrownBy(() -> Fein.parse(text)).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void normalisesEmailAddressesAndRejectsNonAddresses() {
        assertThat(EmailAddress.parse("  Ana.Lopez@Example.COM ").value()).isEqualTo("ana.lopez@example.com");
        assertThat(EmailAddress.parse("ana@example.com").masked()).isEqualTo("a***@example.com");
        for (String bad : new String[] {"ana", "ana@", "@example.com", "ana@example", "a..b@example.com", "ana @example.com"}) {
            assertThatThrownBy(() -> EmailAddress.parse(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void normalisesNorthAmericanPhoneNumbersToE164() {
        assertThat(PhoneNumber.parse("(312) 555-0142").e164()).isEqualTo("+13125550142");
        assertThat(PhoneNumber.parse("+1 312.555.0142 ext. 12")).isEqualTo(new PhoneNumber("+13125550142", "12"));
        assertThat(PhoneNumber.parse("1-312-555-0142 x7").formatted()).isEqualTo("(312) 555-0142 x7");
        assertThat(PhoneNumber.parse("312 555 0142").masked()).isEqualTo("(***) ***-0142");
        assertThatThrownBy(() -> PhoneNumber.parse("555-0142")).hasMessageContaining("10 digits");
        assertThatThrownBy(() -> PhoneNumber.parse("(012) 555-0142")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("call me")).isInstanceOf(ValidationException.class);
    }

    @Test
    void employerNamesNormaliseToOneKey() {
        String key = EmployerNames.normalize("The Acme Tool & Die Co., Inc.");
        assertThat(key).isEqualTo("acme tool and die");
        assertThat(EmployerNames.normalize("ACME TOOL AND DIE")).isEqualTo(key);
        assertThat(EmployerNames.normalize("Acme Tool and Die, L.L.C.")).isEqualTo(key);
        assertThat(EmployerNames.normalize("Café Olé LLC")).isEqualTo("cafe ole");
        assertThat(EmployerNames.normalize("The Company")).isEqualTo("company");
    }

    @Property(tries = 300)
    void nameNormalisationIsIdempotent(@ForAll @StringLength(max = 60) String name) {
        String once = EmployerNames.normalize(name);
        assertThat(EmployerNames.normalize(once)).isEqualTo(once);
    }
}
