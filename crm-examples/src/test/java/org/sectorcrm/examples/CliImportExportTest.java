package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sectorcrm.core.AuditOperations;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.cli.Progress;
import org.sectorcrm.json.exchange.ExchangeReader;
import org.sectorcrm.json.exchange.ExchangeRecord;
import org.sectorcrm.core.type.AggregateTypes;

/** The import, export and users jobs, run in-process through the command line against a SQLite file. */
class CliImportExportTest {
    private static final String ADMIN = "admin@board.example";
    private static final String STAFF = "bo@board.example";
    private static final String VIEWER = "vi@board.example";
    private TestDatabases.Database database;
    private String db;
    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabases.sqlite();
        db = database.db();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
            CrmSession s = app.crm().as(admin);
            s.reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo Staff", STAFF, Role.STAFF));
            s.reference().staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", VIEWER, Role.VIEWER));
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private <R> R withCrm(java.util.function.Function<CrmSession, R> work) throws Exception {
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            return work.apply(app.crm().as(ADMIN));
        }
    }

    private long employers() throws Exception {
        Long n = withCrm(s -> s.employers().count(EmployerFilter.ALL));
        return n;
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void anImportStoresTheGoodRowsListsEachRejectedOneAndExits1() throws Exception {
        Path csv = file("employers.csv", "\uFEFFlegalName,fein,naics,zip,city\r\n"
                + "Rockford Precision Gear,36-1111111,333612,61101,Rockford\r\n"
                + "Bad Prefix Corp,07-2222222,333612,61101,Rockford\r\n"
                + "\"Belvidere Castings, Inc.\",36-3333333,331511,61008,Belvidere\r\n"
                + "Old Code LLC,36-4444444,336111,61008,Belvidere\r\n");

        CliRunner.Run first = CliRunner.on(db, "import", "employers", csv.toString(), "--as", STAFF);

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        assertThat(first.out()).contains("4 employer rows: 2 created, 0 updated, 0 unchanged, 2 rejected")
                .contains("line 3, fein: prefix 07 is never issued by the IRS")
                .contains("line 5, naics: 336111 is a NAICS 2017 code");
        assertThat(employers()).isEqualTo(2);

        CliRunner.Run again = CliRunner.on(db, "import", "employers", csv.toString(), "--as", STAFF);
        assertThat(again.out()).as("a second run changes nothing").contains("2 unchanged, 2 rejected");
        assertThat(employers()).isEqualTo(2);

        Path good = file("good.csv", "legalName,fein\nFreeport Plastics,36-5555555\n");
        CliRunner.Run clean = CliRunner.on(db, "import", "EMPLOYERS", good.toString(), "--as", STAFF);
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("1 created").doesNotContain("line ");
    }

    @Test
    void aColumnNoFieldReadsIsNamedAndExits1UnlessMappedToACustomField() throws Exception {
        Path csv = file("crm.csv", "Company Name,Main Phone,Notes\nRockford Precision Gear,(815) 555-0142,Call before noon\n");

        CliRunner.Run plain = CliRunner.on(db, "import", "employers", csv.toString(), "--as", STAFF);

        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(1);
        assertThat(plain.out()).contains("1 employer rows: 1 created, 0 updated, 0 unchanged, 0 rejected; 1 column not imported")
                .contains("column 'Notes': not imported, no field reads it (1 row has a value in it)").contains("custom.KEY = Column Header");
        CliRunner.Run custom = CliRunner.on(db, "import", "employers", csv.toString(), "--custom-fields", "--as", STAFF);
        assertThat(custom.exitCode()).as(custom.toString()).isZero();
        assertThat(custom.out()).contains("1 updated").doesNotContain("not imported");
        Employer stored = withCrm(s -> s.employers().list(EmployerFilter.ALL, PageRequest.first()).items().get(0));
        assertThat(stored.customFields()).containsEntry("Notes", "Call before noon");
        assertThat(stored.phone()).isNotNull();
        Path contacts = file("contacts.csv", "lastName\nLopez\n");
        assertThat(CliRunner.on(db, "import", "contacts", contacts.toString(), "--custom-fields", "--as", STAFF).exitCode()).isEqualTo(2);
    }

    @Test
    void aDryRunChecksEverythingAndStoresNothing() throws Exception {
        Path csv = file("employers.csv", "legalName,fein\nRockford Precision Gear,36-1111111\nBad Prefix Corp,07-2222222\n");
        CliRunner.Run dry = CliRunner.on(db, "import", "employers", csv.toString(), "--dry-run", "--as", STAFF);
        assertThat(dry.exitCode()).isEqualTo(1);
        assertThat(dry.out()).startsWith("dry run, nothing stored: 2 employer rows: 1 created").contains("line 3, fein:");
        assertThat(employers()).isZero();
    }

    @Test
    void aFileWithoutARequiredColumnOrNotUtf8ImportsNothingAndExits2() throws Exception {
        Path noName = file("noname.csv", "name,fein\nRockford Precision Gear,36-1111111\n");
        CliRunner.Run header = CliRunner.on(db, "import", "employers", noName.toString(), "--as", STAFF);
        assertThat(header.exitCode()).isEqualTo(2);
        assertThat(header.err()).contains("has no column [legalName]").contains("nothing was imported");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "legalName\nJos\u00e9 Tool Works\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRunner.Run encoding = CliRunner.on(db, "import", "employers", latin1.toString(), "--as", STAFF);
        assertThat(encoding.exitCode()).isEqualTo(2);
        assertThat(encoding.err()).contains("is not UTF-8");
        assertThat(employers()).isZero();
    }

    @Test
    void usageMistakesExit2() throws Exception {
        Path csv = file("employers.csv", "legalName\nAcme\n");
        assertThat(CliRunner.on(db, "import", "employers", dir.resolve("missing.csv").toString(), "--as", STAFF).err()).contains("no file");
        assertThat(CliRunner.on(db, "import", "employers", csv.toString(), "--as", "nobody@board.example").exitCode()).isEqualTo(2);
        CliRunner.Run viewer = CliRunner.on(db, "import", "employers", csv.toString(), "--as", VIEWER);
        assertThat(viewer.exitCode()).isEqualTo(2);
        assertThat(viewer.err()).contains("needs STAFF");
        assertThat(CliRunner.on(db, "import", "partners", csv.toString(), "--as", STAFF).exitCode()).isEqualTo(2);
        assertThat(CliRunner.on(db, "import", "employers", csv.toString()).exitCode()).as("--as is required").isEqualTo(2);
        assertThat(CliRunner.on(db, "export", "all", "--format", "csv", "--as", STAFF).exitCode()).as("three files need a directory").isEqualTo(2);
        assertThat(CliRunner.on(db, "export", "employers", "--format", "xml", "--as", STAFF).exitCode()).isEqualTo(2);
        assertThat(employers()).isZero();
    }

    @Test
    void aMappingFileRenamesColumns() throws Exception {
        Path mapping = file("mapping.properties", "legalName = Company Name\nfein = EIN\n");
        Path csv = file("other-system.csv", "Company Name,EIN\nAcme Tool & Die Inc.,36-1234567\n");
        CliRunner.Run run = CliRunner.on(db, "import", "employers", csv.toString(), "--mapping", mapping.toString(), "--as", STAFF);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path wrong = file("wrong.properties", "legalname = Company Name\n");
        CliRunner.Run bad = CliRunner.on(db, "import", "employers", csv.toString(), "--mapping", wrong.toString(), "--as", STAFF);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("legalname");
    }

    @Test
    void awayFromATerminalProgressIsAPlainCountEveryThousandRows() throws Exception {
        StringBuilder csv = new StringBuilder("legalName,zip\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("Employer ").append(i).append(",6").append(String.format("%04d", i)).append('\n');
        }
        CliRunner.Run run = CliRunner.on(db, "import", "employers", file("many.csv", csv.toString()).toString(), "--as", STAFF);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err().lines().toList()).containsExactly(String.format("%,d rows read", 1000), String.format("%,d rows read", 2000));
        assertThat(run.out()).contains("2500 employer rows: 2500 created");

        // Rows are done a batch at a time: with a malformed row among them the count steps over 1,000 and still shows.
        csv.insert(csv.indexOf("\n") + 1, "Malformed,60000,extra\n");
        CliRunner.Run again = CliRunner.on(db, "import", "employers", file("many2.csv", csv.toString()).toString(), "--as", STAFF);
        assertThat(again.err().lines().toList()).containsExactly(String.format("%,d rows read", 1001), String.format("%,d rows read", 2001));
    }

    @Test
    void onATerminalProgressIsABarRedrawnInPlace() {
        StringWriter err = new StringWriter();
        Progress bar = Progress.of(true, new PrintWriter(err), 1_000);
        bar.update(1, 10);
        bar.update(2, 500);
        bar.finish(3);
        assertThat(err.toString()).startsWith("\r[").contains("\r[###############---------------]  50%  2 rows")
                .endsWith("\r[##############################] 100%  3 rows" + System.lineSeparator());
    }

    @Test
    void csvExportsRoundTripThroughImportAndContactExportsAreAudited() throws Exception {
        Path employers = file("employers.csv", "legalName,fein,naics,zip\n\"=HYPERLINK(\"\"x\"\") Corp\",36-1111111,333612,61101\n");
        assertThat(CliRunner.on(db, "import", "employers", employers.toString(), "--as", STAFF).exitCode()).isZero();
        Path contacts = file("contacts.csv", "employerFein,firstName,lastName,email,phone\n36-1111111,Maria,Lopez,maria.lopez@castings.example,815-555-0142\n");
        CliRunner.Run imported = CliRunner.on(db, "import", "contacts", contacts.toString(), "--as", STAFF);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        CliRunner.Run toStdout = CliRunner.on(db, "export", "employers", "--as", STAFF);
        assertThat(toStdout.exitCode()).isZero();
        assertThat(toStdout.out()).as("spreadsheet-safe").contains("'=HYPERLINK").startsWith("\uFEFFlegalName,");
        assertThat(toStdout.err()).contains("exported 1 records");

        Path out = dir.resolve("export");
        CliRunner.Run all = CliRunner.on(db, "export", "all", "--format", "csv", "--out", out.toString(), "--as", STAFF);
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(out.resolve("employers.csv")).exists();
        assertThat(out.resolve("engagements.csv")).exists();
        assertThat(Files.readString(out.resolve("contacts.csv"))).contains("maria.lopez@castings.example");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary files left").hasSize(3);
        }
        CliRunner.Run reimport = CliRunner.on(db, "import", "employers", out.resolve("employers.csv").toString(), "--as", STAFF);
        assertThat(reimport.out()).contains("1 employer rows: 0 created, 0 updated, 1 unchanged, 0 rejected");
        CliRunner.Run reimportContacts = CliRunner.on(db, "import", "contacts", out.resolve("contacts.csv").toString(), "--as", STAFF);
        assertThat(reimportContacts.out()).contains("0 created, 0 updated, 1 unchanged, 0 rejected");

        CliRunner.Run masked = CliRunner.on(db, "export", "contacts", "--as", VIEWER);
        assertThat(masked.exitCode()).isZero();
        assertThat(masked.out()).doesNotContain("maria.lopez").contains("***");

        List<AuditEntry> exports = withCrm(s -> s.audit().query(AuditFilter.ALL, PageRequest.first(100)).items().stream()
                .filter(e -> e.action().equals(AuditOperations.EXPORT_PII)).toList());
        assertThat(exports).hasSize(2);
        assertThat(exports).extracting(AuditEntry::recordType).containsOnly("contact");
        assertThat(exports).allSatisfy(e -> assertThat(e.detail()).startsWith("1 records"));
    }

    @Test
    void ndjsonExportsAreExchangeFilesAndAViewersHasNoContactPii() throws Exception {
        Path employers = file("employers.csv", "legalName,fein\nRockford Precision Gear,36-1111111\n");
        assertThat(CliRunner.on(db, "import", "employers", employers.toString(), "--as", STAFF).exitCode()).isZero();
        Path contacts = file("contacts.csv", "employerFein,firstName,lastName,email\n36-1111111,Maria,Lopez,maria.lopez@castings.example\n");
        assertThat(CliRunner.on(db, "import", "contacts", contacts.toString(), "--as", STAFF).exitCode()).isZero();

        Path one = dir.resolve("contacts.ndjson");
        CliRunner.Run staff = CliRunner.on(db, "export", "contacts", "--format", "ndjson", "--out", one.toString(), "--as", STAFF);
        assertThat(staff.exitCode()).as(staff.toString()).isZero();
        List<ExchangeRecord> records = read(one);
        assertThat(records).extracting(r -> (Object) r.type()).containsExactly(AggregateTypes.CONTACT);
        assertThat(records.get(0).data(Contact.class).email()).isEqualTo(EmailAddress.parse("maria.lopez@castings.example"));

        CliRunner.Run viewer = CliRunner.on(db, "export", "all", "--format", "ndjson", "--out", dir.toString(), "--as", VIEWER);
        assertThat(viewer.exitCode()).as(viewer.toString()).isZero();
        List<ExchangeRecord> all = read(dir.resolve("sectorcrm-export.ndjson"));
        assertThat(all).extracting(r -> (Object) r.type()).contains(AggregateTypes.PARTNER, AggregateTypes.STAFF_USER, AggregateTypes.EMPLOYER, AggregateTypes.CONTACT);
        assertThat(all).filteredOn(r -> r.type() == AggregateTypes.CONTACT).singleElement()
                .satisfies(r -> assertThat(r.data(Contact.class).email()).isNull());
        assertThat(all).filteredOn(r -> r.type() == AggregateTypes.EMPLOYER).singleElement()
                .satisfies(r -> assertThat(r.data(Employer.class).legalName()).isEqualTo("Rockford Precision Gear"));
        List<AuditEntry> exports = withCrm(s -> s.audit().query(AuditFilter.ALL, PageRequest.first(100)).items().stream()
                .filter(e -> e.action().equals(AuditOperations.EXPORT_PII)).toList());
        assertThat(exports).hasSize(2);
    }

    private static List<ExchangeRecord> read(Path file) throws Exception {
        try (ExchangeReader in = ExchangeReader.open(Files.newInputStream(file))) {
            List<ExchangeRecord> out = new java.util.ArrayList<>();
            in.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void usersAreAddedListedAndDisabledByAnAdmin() {
        CliRunner.Run add = CliRunner.on(db, "users", "add", "cy@board.example", "--name", "Cy Manager", "--role", "MANAGER",
                "--password", "a long enough password", "--as", ADMIN);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(CliRunner.on(db, "users", "list", "--as", STAFF).out()).contains("cy@board.example").contains("MANAGER");
        assertThat(CliRunner.on(db, "users", "disable", "cy@board.example", "--as", STAFF).exitCode()).as("a STAFF user may not").isEqualTo(2);
        assertThat(CliRunner.on(db, "users", "disable", "cy@board.example", "--as", ADMIN).exitCode()).isZero();
        assertThat(CliRunner.on(db, "users", "list", "--as", ADMIN).out()).containsPattern("cy@board.example\\s+MANAGER\\s+disabled");
        assertThat(CliRunner.on(db, "import", "employers", "x.csv", "--as", "cy@board.example").err()).contains("disabled");
    }

    @Test
    void onlyTheOperatorSetsAnotherUsersPasswordAndItRevokesTheirCredentials() throws Exception {
        String token;
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            token = app.accounts().issueToken(app.user(STAFF).id(), "sync");
        }
        assertThat(CliRunner.on(db, "users", "set-password", STAFF, "--password", "a new long password", "--as", VIEWER).exitCode())
                .as("only an ADMIN may").isEqualTo(2);
        assertThat(CliRunner.on(db, "users", "set-password", "nobody@board.example", "--password", "a new long password", "--as", ADMIN)
                .exitCode()).isEqualTo(2);
        CliRunner.Run set = CliRunner.on(db, "users", "set-password", STAFF, "--password", "a new long password", "--as", ADMIN);
        assertThat(set.exitCode()).as(set.toString()).isZero();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            var bo = app.user(STAFF).id();
            assertThat(app.accounts().token(token)).as("the old token is revoked").isEmpty();
            assertThat(app.accounts().login(STAFF, java.util.Optional.of(bo), "a new long password".toCharArray())).contains(bo);
        }
    }
}
