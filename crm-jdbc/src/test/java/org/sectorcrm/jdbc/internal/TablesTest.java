package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/** The layouts are found from the descriptors alone: one per type, and none for a descriptor the store does not hold. */
class TablesTest {

    @Test
    void everyTypeHasExactlyItsOwnLayout() {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThat(Tables.of(type).type()).as("layout of %s", type).isSameAs(type);
        }
        assertThat(AggregateTypes.all().stream().map(t -> Tables.of(t).name()).distinct()).hasSize(AggregateTypes.all().size());
    }

    @Test
    void aDescriptorTheStoreDoesNotHoldIsRefusedByName() {
        AggregateType<EmployerId, Employer, EmployerFilter> stranger = AggregateType.builder("stranger", Employer.class, EmployerId.class, EmployerFilter.class)
                .ids(EmployerId::of, EmployerId::new).filter(EmployerFilter.ALL, EmployerFilter::matches).searchable(e -> "").build();
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> Tables.of(stranger)).withMessageContaining("stranger");
        // The same key is not enough: the store holds the descriptors of AggregateTypes.all().
        AggregateType<EmployerId, Employer, EmployerFilter> lookalike = AggregateType.builder("employer", Employer.class, EmployerId.class,
                EmployerFilter.class).ids(EmployerId::of, EmployerId::new).filter(EmployerFilter.ALL, EmployerFilter::matches).searchable(e -> "").build();
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> Tables.of(lookalike)).withMessageContaining("employer");
    }

    @Test
    void aSecondLayoutForATypeAndALayoutWithoutAColumnForAUniqueKeyAreBugsCaughtWhenBuilt() {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> Table.of(AggregateTypes.EMPLOYER, "crm_employer_again").column("fein", ColumnType.TEXT, e -> null)
                        .filter(Tables::employerFilter).build())
                .withMessageContaining("two table layouts for aggregate type employer");
        AggregateType<EmployerId, Employer, EmployerFilter> keyed = AggregateType.builder("keyed", Employer.class, EmployerId.class, EmployerFilter.class)
                .ids(EmployerId::of, EmployerId::new).filter(EmployerFilter.ALL, EmployerFilter::matches).unique("legalName", "legal name", Employer::legalName)
                .searchable(e -> "").build();
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> Table.of(keyed, "crm_keyed").filter((f, c) -> { }).build())
                .withMessageContaining("no column legal_name for the unique key legalName of keyed");
    }

    @Test
    void whatReferencesATypeIsReadFromTheOtherDescriptors() {
        assertThat(Tables.PARTNER.referencedBy()).isEqualTo("staff users");
        assertThat(Tables.EMPLOYER.referencedBy()).contains("contacts", "engagements", "appointments", "feedback", " or employer merges");
        assertThat(Tables.REGION.referencedBy()).isEqualTo("other records");
    }
}
