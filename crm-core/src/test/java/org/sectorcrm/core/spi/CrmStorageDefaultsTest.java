package org.sectorcrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.PartnerId;

/** A store that only implements inTransaction still keeps read()'s contract through the default. */
class CrmStorageDefaultsTest {

    @Test
    void theDefaultReadRefusesEveryWriteAndStillReads() {
        InMemoryCrmStorage memory = new InMemoryCrmStorage();
        CrmStorage minimal = new CrmStorage() {
            @Override
            public <R> R inTransaction(TransactionWork<R> work) {
                return memory.inTransaction(work);
            }

            @Override
            public Set<Capability> capabilities() {
                return memory.capabilities();
            }

            @Override
            public void close() {
                memory.close();
            }
        };
        Employer acme = Employer.named("Acme").withId(new EmployerId(UUID.randomUUID()))
                .withStamp(Stamp.first(Instant.parse("2026-01-01T00:00:00Z"), new PartnerId(UUID.randomUUID())));
        assertThatThrownBy(() -> minimal.read(tx -> {
            tx.employers().save(acme, 0);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> minimal.read(tx -> {
            tx.events().append(null);
            return null;
        })).isInstanceOf(IllegalStateException.class);
        minimal.inTransaction(tx -> {
            tx.employers().save(acme, 0);
            return null;
        });
        long count = minimal.read(tx -> tx.employers().count(EmployerFilter.ALL));
        java.util.Optional<Employer> found = minimal.read(tx -> tx.employers().find(acme.id()));
        assertThat(count).isEqualTo(1);
        assertThat(found).contains(acme);
    }
}
