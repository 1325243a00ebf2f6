package org.sectorcrm.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/**
 * The import's duplicate check ({@link ImportDuplicates}) on SQLite: name-variant duplicates of a stored employer and of
 * earlier rows of the same file are named with candidate, score and reasons; skip leaves them out; and a dry run reports
 * exactly what the real run does (counts and duplicate lines), with batches that split the file and with one batch.
 */
class ImportDuplicatesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private CrmSession staff;
    private JdbcCrmStorage storage;
    private Employer stored;
    @TempDir
    Path dir;

    /** A stored employer, then a file whose rows have other keys (name typos, other ZIPs) than the employers they duplicate. */
    private static final String FILE = "legalName,fein,phone,street,city,state,zip\r\n"
            + "Acme Tool & Dye Inc,,847-555-0100,100 Main Street,Elgin,IL,60120\r\n" // 2: the stored Acme, one typo in the name
            + "Becker Farm Supply LLC,,(217) 555-0101,12 State Route 9,Quincy,IL,62301\r\n" // 3: new
            + "Zenith Welding,,309-555-0102,4 Oak St,Peoria,IL,61602\r\n" // 4: new, like nothing
            + "BEKER FARM SUPPLY,,217.555.0101,12 State Rte 9,Quincy,IL,62301-4410\r\n" // 5: line 3 again, a typo
            + "Becker Farm Suply,,,12 State Route 9 Ste 2,Quincy,IL,62301\r\n" // 6: line 3 again (a name that normalises like line 3's would update it)
            + "Riverbend Logistics,,812-555-0103,900 Water St,Evansville,IN,47708\r\n"; // 7: new

    @BeforeEach
    void setUp() {
        storage = JdbcCrmStorage.builder().url("jdbc:sqlite:" + dir.resolve("crm.db")).build();
        Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(3))).build();
        StaffUser root = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada", "ada@board.example");
        staff = crm.as(crm.as(root).reference().staffUsers().create(StaffUser.of(root.partner(), "Bo", "bo@board.example", Role.STAFF)));
        stored = staff.employers().create(Employer.named("Acme Tool & Die, Inc.").withPhone(PhoneNumber.parse("847-555-0100"))
                .withEstablishments(List.of(new Establishment(null, "Acme", new Address("100 Main St", "Elgin", "IL", "60120"), null, null, null, true))));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private ImportReport run(ImportDuplicates.Policy policy, BatchOptions options) throws IOException {
        return CsvImport.run(new StringReader(FILE), new EmployerRows(staff), ColumnMapping.identity(), options, n -> { },
                CsvImport.LineOutcomes.none(), new ImportDuplicates(staff, policy));
    }

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {2, 1000})
    void warnStoresEveryRowAndNamesEachDuplicateAndTheDryRunSaysTheSame(int batchSize) throws IOException {
        BatchOptions options = BatchOptions.defaults().withBatchSize(batchSize);
        ImportReport dry = run(ImportDuplicates.Policy.WARN, options.withDryRun(true));
        assertThat(staff.employers().count(EmployerFilter.ALL)).isEqualTo(1);
        ImportReport real = run(ImportDuplicates.Policy.WARN, options);

        assertThat(real.created()).isEqualTo(6);
        assertThat(real.duplicates().stream().map(d -> d.line() + " " + d.candidate()).distinct().toList())
                .containsExactly("2 " + stored.id(), "5 line 3", "6 line 3", "6 line 5");
        ImportReport.Duplicate acme = real.duplicates().get(0);
        assertThat(acme.candidateName()).isEqualTo("Acme Tool & Die, Inc.");
        assertThat(acme.level()).isEqualTo("ESTABLISHMENT");
        assertThat(acme.reasons()).contains("same phone");
        assertThat(acme.toString()).contains("line 2", stored.id().toString(), "score", "; stored");
        assertThat(real.summary()).contains("6 created", "3 likely duplicates");

        assertThat(dry.duplicates()).isEqualTo(real.duplicates());
        assertThat(dry.summary().replace("dry run, nothing stored: ", "")).isEqualTo(real.summary());
        assertThat(List.of(dry.created(), dry.updated(), dry.unchanged(), dry.skipped()))
                .isEqualTo(List.of(real.created(), real.updated(), real.unchanged(), real.skipped()));
        assertThat(staff.employers().count(EmployerFilter.ALL)).isEqualTo(7);
    }

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {2, 1000})
    void skipLeavesTheDuplicatesOutAndTheDryRunSaysTheSame(int batchSize) throws IOException {
        BatchOptions options = BatchOptions.defaults().withBatchSize(batchSize);
        ImportReport dry = run(ImportDuplicates.Policy.SKIP, options.withDryRun(true));
        ImportReport real = run(ImportDuplicates.Policy.SKIP, options);

        assertThat(real.created()).isEqualTo(3); // lines 3, 4 and 7
        assertThat(real.skipped()).isEqualTo(3);
        // a skipped row is no one's candidate: line 6 duplicates line 3 only, not the skipped line 5
        assertThat(real.duplicates().stream().map(d -> d.line() + " " + d.candidate()).distinct().toList())
                .containsExactly("2 " + stored.id(), "5 line 3", "6 line 3");
        assertThat(real.duplicates()).allSatisfy(d -> assertThat(d.toString()).endsWith("not stored (--on-duplicate=skip)"));
        assertThat(dry.duplicates()).isEqualTo(real.duplicates());
        assertThat(List.of(dry.created(), dry.skipped())).isEqualTo(List.of(real.created(), real.skipped()));
        assertThat(staff.employers().list(EmployerFilter.ALL, org.sectorcrm.core.PageRequest.first(10)).items()).extracting(Employer::legalName)
                .containsExactlyInAnyOrder("Acme Tool & Die, Inc.", "Becker Farm Supply LLC", "Zenith Welding", "Riverbend Logistics");
    }

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {2, 1000})
    void aSecondRunOfTheSameFileUpdatesAndNamesNoDuplicates(int batchSize) throws IOException {
        BatchOptions options = BatchOptions.defaults().withBatchSize(batchSize);
        run(ImportDuplicates.Policy.WARN, options);
        ImportReport again = run(ImportDuplicates.Policy.WARN, options);
        assertThat(again.created()).isZero(); // every row finds its own employer by name + ZIP: the same, not a duplicate
        assertThat(again.duplicates()).isEmpty();
    }
}
