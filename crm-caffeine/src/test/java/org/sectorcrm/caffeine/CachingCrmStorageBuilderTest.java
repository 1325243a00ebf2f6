package org.sectorcrm.caffeine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Ticker;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/** The builder refuses a wrong setting at once, with a message naming it (as Caffeine's does). */
class CachingCrmStorageBuilderTest {
    private final CrmStorage database = new ForwardingStorage(new InMemoryCrmStorage()) {
        @Override
        public String toString() {
            return "the database";
        }
    };

    @Test
    void buildsWithEverySetting() {
        CachingCrmStorage storage = CachingCrmStorage.builder().delegate(database).maximumSize(500)
                .maximumSize(AggregateTypes.ENGAGEMENT, 0).maximumSize(AggregateTypes.STAFF_USER, 50)
                .expireAfterWrite(Duration.ofSeconds(30)).ticker(new FakeTicker()).executor(Runnable::run).build();

        assertThat(storage).as("the types' own sizes in the order of AggregateTypes.all()").hasToString(
                "CachingCrmStorage{maximumSize=500, maximumSize(staffUser)=50, maximumSize(engagement)=0, expireAfterWrite=PT30S, delegate=the database}");
    }

    @Test
    void needsADelegate() {
        assertThatThrownBy(() -> CachingCrmStorage.builder().maximumSize(5).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("delegate is required: CachingCrmStorage.builder().delegate(storage)");
        assertThatThrownBy(() -> CachingCrmStorage.builder().delegate(null)).isInstanceOf(NullPointerException.class).hasMessage("delegate");
    }

    @Test
    void takesEachSettingOnce() {
        assertThatThrownBy(() -> CachingCrmStorage.builder().delegate(database).delegate(database))
                .isInstanceOf(IllegalStateException.class).hasMessage("delegate was already set to the database");
        assertThatThrownBy(() -> CachingCrmStorage.builder().maximumSize(100).maximumSize(200))
                .isInstanceOf(IllegalStateException.class).hasMessage("maximumSize was already set to 100");
        assertThatThrownBy(() -> CachingCrmStorage.builder().maximumSize(AggregateTypes.CONTACT, 10).maximumSize(AggregateTypes.CONTACT, 20))
                .isInstanceOf(IllegalStateException.class).hasMessage("maximumSize of contact was already set to 10");
        assertThat(CachingCrmStorage.builder().delegate(database).maximumSize(100).maximumSize(AggregateTypes.CONTACT, 10)
                .maximumSize(AggregateTypes.EMPLOYER, 10).build()).as("each type and the shared size are separate settings")
                .hasToString("CachingCrmStorage{maximumSize=100, maximumSize(employer)=10, maximumSize(contact)=10, delegate=the database}");
        assertThatThrownBy(() -> CachingCrmStorage.builder().expireAfterWrite(Duration.ofMinutes(1)).expireAfterWrite(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("expireAfterWrite was already set to PT1M");
        Ticker ticker = new Ticker() {
            @Override
            public long read() {
                return 0;
            }

            @Override
            public String toString() {
                return "the fake ticker";
            }
        };
        assertThatThrownBy(() -> CachingCrmStorage.builder().ticker(ticker).ticker(ticker))
                .isInstanceOf(IllegalStateException.class).hasMessage("ticker was already set to the fake ticker");
        Executor direct = new Executor() {
            @Override
            public void execute(Runnable command) {
                command.run();
            }

            @Override
            public String toString() {
                return "the direct executor";
            }
        };
        assertThatThrownBy(() -> CachingCrmStorage.builder().executor(direct).executor(direct))
                .isInstanceOf(IllegalStateException.class).hasMessage("executor was already set to the direct executor");
    }

    @Test
    void refusesImpossibleValues() {
        assertThatThrownBy(() -> CachingCrmStorage.builder().maximumSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maximumSize must not be negative but was -1");
        assertThatThrownBy(() -> CachingCrmStorage.builder().maximumSize(AggregateTypes.NEED, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maximumSize of need must not be negative but was -2");
        assertThatThrownBy(() -> CachingCrmStorage.builder().maximumSize(null, 5)).isInstanceOf(NullPointerException.class).hasMessage("type");
        AggregateType<EmployerId, Employer, EmployerFilter> foreign = AggregateType.builder("alien", Employer.class, EmployerId.class, EmployerFilter.class)
                .ids(text -> new EmployerId(UUID.fromString(text)), EmployerId::new).filter(EmployerFilter.ALL, (f, e) -> true)
                .searchable(Employer::legalName).build();
        assertThatThrownBy(() -> CachingCrmStorage.builder().maximumSize(foreign, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alien is not one of AggregateTypes.all()");
        assertThatThrownBy(() -> CachingCrmStorage.builder().expireAfterWrite(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expireAfterWrite must be positive but was PT0S");
        assertThatThrownBy(() -> CachingCrmStorage.builder().expireAfterWrite(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expireAfterWrite must be positive but was PT-5S");
        assertThatThrownBy(() -> CachingCrmStorage.builder().expireAfterWrite(null)).isInstanceOf(NullPointerException.class).hasMessage("duration");
        assertThatThrownBy(() -> CachingCrmStorage.builder().ticker(null)).isInstanceOf(NullPointerException.class).hasMessage("ticker");
        assertThatThrownBy(() -> CachingCrmStorage.builder().executor(null)).isInstanceOf(NullPointerException.class).hasMessage("executor");
    }

    @Test
    void aRefusedValueLeavesTheSettingUnset() {
        CachingCrmStorage.Builder builder = CachingCrmStorage.builder().delegate(database);
        assertThatThrownBy(() -> builder.maximumSize(-3)).isInstanceOf(IllegalArgumentException.class);

        assertThatThrownBy(() -> builder.maximumSize(AggregateTypes.SECTOR, -3)).isInstanceOf(IllegalArgumentException.class);

        assertThat(builder.maximumSize(3).maximumSize(AggregateTypes.SECTOR, 3).build())
                .hasToString("CachingCrmStorage{maximumSize=3, maximumSize(sector)=3, delegate=the database}");
    }
}
