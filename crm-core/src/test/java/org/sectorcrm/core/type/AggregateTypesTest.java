package org.sectorcrm.core.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Aggregate;

/** The descriptors are one consistent list: unique keys and plurals, dependency order, ids that parse their own text. */
class AggregateTypesTest {

    @Test
    void everyTypeComesAfterTheTypesItReferences() {
        Set<AggregateType<?, ?, ?>> seen = new HashSet<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            for (var ref : type.references()) {
                assertThat(seen).as("%s references %s, which must come first", type, ref.target()).contains(ref.target());
            }
            seen.add(type);
        }
    }

    @Test
    void keysPluralsAndRecordClassesAreUniqueAndFoundBack() {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThat(AggregateTypes.byKey(type.key())).containsSame(type);
            assertThat(AggregateTypes.byPlural(type.plural())).containsSame(type);
            assertThat(type.plural()).matches("[a-z]+(-[a-z]+)*");
            assertThat(Aggregate.class).isAssignableFrom(type.recordClass());
        }
        assertThat(AggregateTypes.byKey("nothing")).isEmpty();
    }

    @Test
    void generatedIdsParseBackFromTheirText() {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            if (type.hasGeneratedIds()) {
                var id = type.newId(UUID.fromString("01900000-0000-7000-8000-000000000001"));
                assertThat(type.parseId(id.asString())).isEqualTo(id);
                assertThat(id).isInstanceOf(type.idClass());
            }
        }
    }

    @Test
    void theMatchAllFilterIsOfTheFilterClass() {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThat(type.all()).isInstanceOf(type.filterClass());
        }
    }

    @Test
    void theAppointmentIsADescribedAggregate() {
        assertThat(AggregateTypes.all()).contains(AggregateTypes.APPOINTMENT);
        assertThat(AggregateTypes.APPOINTMENT.plural()).isEqualTo("appointments");
    }
}
