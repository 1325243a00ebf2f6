package org.sectorcrm.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.jdbc.JdbcCrmStorage;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.StaffUser;

class CsvImportTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
    private Crm crm;
    private CrmSession staff;
    private CrmSession viewer;
    private CrmSession admin;

    @TempDir
    Path dir;
    private JdbcCrmStorage storage;

    /** On the store the standalone CRM runs on: a SQLite file. */
    @BeforeEach
    void setUp() {
        storage = JdbcCrmStorage.builder().url("jdbc:sqlite:" + dir.resolve("crm.db")).build();
        crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(3))).build();
        StaffUser root = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada", "ada@board.example");
        admin = crm.as(root);
        admin.reference().regions().create(Region.of("IL-EDR-4", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        admin.reference().sectors().create(Sector.of("MFG", "Manufacturing", List.of("31", "32", "33")));
        staff = crm.as(admin.reference().staffUsers().create(StaffUser.of(root.partner(), "Bo", "bo@board.example", Role.STAFF)));
        viewer = crm.as(admin.reference().staffUsers().create(StaffUser.of(root.partner(), "Vi", "vi@board.example", Role.VIEWER)));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** 10,000 rows with a BOM, CRLF, quoted line breaks, duplicates, bad FEINs, 2017 and unknown NAICS codes, empty names. */
    private static String messyEmployers(List<Integer> badLines) {
        StringBuilder csv = new StringBuilder("\uFEFFlegalName,fein,naics,region,status,tradeNames,zip,city\r\n");
        int line = 2;
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            String name = "Employer " + i;
            String fein = String.format("%02d-%07d", 36, i);
            String naics = "332710";
            String tradeNames = "";
            String zip = String.format("6%04d", i % 10000);
            int kind = i % 50;
            boolean bad = false;
            if (kind == 1) {
                fein = "07-" + String.format("%07d", i);
                bad = true;
            } else if (kind == 2) {
                naics = "336111";
                bad = true;
            } else if (kind == 3) {
                naics = "999999";
                bad = true;
            } else if (kind == 4) {
                name = "";
                bad = true;
            } else if (kind == 5) {
                tradeNames = "\"Line one\r\nline two, \"\"quoted\"\"\"";
            }
            String row = String.join(",", name, fein, naics, "IL-EDR-4", random.nextBoolean() ? "active" : "PROSPECT", tradeNames, zip, "Elgin") + "\r\n";
            if (bad) {
                badLines.add(line);
            }
            csv.append(row);
            line += kind == 5 ? 2 : 1;
            if (kind == 6) { // an exact duplicate row
                csv.append(row);
                line++;
            }
        }
        return csv.toString();
    }

    @Test
    void aBareHostNameInTheWebsiteColumnIsReadAsAnHttpsAddressAndAnythingElseIsLeftToTheRecordsRule() {
        assertThat(EmployerRows.websiteCell("acme.com")).isEqualTo("https://acme.com");
        assertThat(EmployerRows.websiteCell(" www.acme-tool.co.uk/careers ")).isEqualTo("https://www.acme-tool.co.uk/careers");
        assertThat(EmployerRows.websiteCell("http://acme.com")).isEqualTo("http://acme.com");
        assertThat(EmployerRows.websiteCell("ftp://acme.com")).isEqualTo("ftp://acme.com"); // refused by the record, by name
        assertThat(EmployerRows.websiteCell("not a site")).isEqualTo("not a site");
        assertThat(EmployerRows.websiteCell("localhost")).isEqualTo("localhost");
        assertThat(EmployerRows.websiteCell(null)).isNull();
    }

    @Test
    void aMessyFileImportsTheGoodRowsReportsEveryBadOneAndASecondRunChangesNothing() throws IOException {
        List<Integer> badLines = new ArrayList<>();
        String file = messyEmployers(badLines);
        AtomicLong progress = new AtomicLong();

        ImportReport first = CsvImport.run(new StringReader(file), new EmployerRows(staff), ColumnMapping.identity(), false, progress::set);

        assertThat(first.rows()).isEqualTo(10_200);
        assertThat(progress.get()).isEqualTo(10_200);
        assertThat(first.errors()).extracting(ImportReport.RowError::line).containsExactlyInAnyOrderElementsOf(badLines);
        assertThat(first.created()).isEqualTo(10_000 - 800);
        assertThat(first.unchanged()).isEqualTo(200); // the duplicate rows
        assertThat(first.errors()).filteredOn(e -> e.line() == 3).singleElement()
                .satisfies(e -> assertThat(e.toString()).isEqualTo("line 3, fein: prefix 07 is never issued by the IRS"));
        assertThat(first.errors()).anySatisfy(e -> assertThat(e.toString()).contains("naics: 336111 is a NAICS 2017 code"));
        assertThat(first.errors()).anySatisfy(e -> assertThat(e.toString()).contains("naics: 999999 is not a NAICS 2022 code"));
        assertThat(first.errors()).anySatisfy(e -> assertThat(e.toString()).contains("legalName: is required"));
        Employer quoted = staff.employers().list(EmployerFilter.ALL.withFein(Fein.parse("36-0000005")), PageRequest.first(1)).items().get(0);
        assertThat(quoted.tradeNames()).containsExactly("Line one\nline two, \"quoted\"");
        assertThat(quoted.sector().value()).isEqualTo("MFG");

        long auditBefore = admin.audit().query(AuditFilter.ALL, PageRequest.first(1000)).items().size();
        long eventsBefore = crm.events().after(0, 1000).size();
        ImportReport second = CsvImport.run(new StringReader(file), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created() + first.unchanged());
        assertThat(second.errors()).isEqualTo(first.errors());
        assertThat(admin.audit().query(AuditFilter.ALL, PageRequest.first(1000)).items()).hasSize((int) auditBefore);
        assertThat(crm.events().after(0, 1000)).hasSize((int) eventsBefore);
    }

    @Test
    void aDryRunReportsTheSameButStoresNothing() throws IOException {
        List<Integer> badLines = new ArrayList<>();
        String file = messyEmployers(badLines).lines().limit(300).reduce("", (a, b) -> a + b + "\r\n");
        ImportReport dry = CsvImport.run(new StringReader(file), new EmployerRows(staff), ColumnMapping.identity(), true, n -> { });
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.created()).isPositive();
        assertThat(staff.employers().count(EmployerFilter.ALL)).isZero();
        ImportReport real = CsvImport.run(new StringReader(file), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(real.created()).isEqualTo(dry.created());
        assertThat(real.errors()).isEqualTo(dry.errors());
    }

    /**
     * Name variants of one employer at one ZIP: the real run creates the first and renames it with each later
     * variant, so the dry run must report each of those lines as updated, not unchanged (issue 13).
     */
    @Test
    void aDryRunOfAFileWithNameVariantDuplicatesReportsEveryLineAsTheRealRunDoes() throws IOException {
        StringBuilder file = new StringBuilder("legalName,fein,zip,employees\r\n");
        for (int i = 0; i < 40; i++) {
            String zip = String.format("6%04d", i);
            file.append("The Acme ").append(i).append(" Tool & Die Co.,,").append(zip).append(",10\r\n");
            file.append("ACME ").append(i).append(" TOOL AND DIE,,").append(zip).append(",10\r\n"); // a name variant: a rename
            file.append("ACME ").append(i).append(" TOOL AND DIE,,").append(zip).append(",10\r\n"); // an exact repeat: unchanged
            file.append("Acme ").append(i).append(" Tool and Die,36-").append(String.format("%07d", i)).append(",").append(zip).append(",12\r\n"); // adds a FEIN
            file.append("Beta ").append(i).append(",36-").append(String.format("%07d", i)).append(",").append(zip).append(",\r\n"); // the same FEIN renames it
            file.append("Gamma ").append(i).append(",,").append(zip).append(",many\r\n"); // refused
        }
        java.util.Map<Integer, CsvImport.Outcome> dryLines = new java.util.TreeMap<>();
        java.util.Map<Integer, CsvImport.Outcome> realLines = new java.util.TreeMap<>();
        org.sectorcrm.core.BatchOptions small = org.sectorcrm.core.BatchOptions.defaults().withBatchSize(50);

        ImportReport dry = CsvImport.run(new StringReader(file.toString()), new EmployerRows(staff), ColumnMapping.identity(), small.withDryRun(true),
                n -> { }, dryLines::put);
        assertThat(staff.employers().count(EmployerFilter.ALL)).isZero();
        ImportReport real = CsvImport.run(new StringReader(file.toString()), new EmployerRows(staff), ColumnMapping.identity(), small, n -> { },
                realLines::put);

        assertThat(real.created()).isEqualTo(40);
        assertThat(real.updated()).isEqualTo(120);
        assertThat(real.unchanged()).isEqualTo(40);
        assertThat(real.rejectedRows()).isEqualTo(40);
        assertThat(dryLines).isEqualTo(realLines).hasSize(200);
        assertThat(dry.errors()).isEqualTo(real.errors());
        assertThat(List.of(dry.created(), dry.updated(), dry.unchanged())).isEqualTo(List.of(real.created(), real.updated(), real.unchanged()));
        assertThat(staff.employers().count(EmployerFilter.ALL)).isEqualTo(40);
    }

    /**
     * The natural keys of a batch are read ahead in a few {@code IN} queries (issue 13): every line comes to what it
     * comes to when each row looks its keys up alone, in windows past the first, and no row is looked up alone.
     */
    @Test
    void keysReadAheadForManyRowsGiveEveryLineTheOutcomeOfSingleLookups() throws IOException {
        for (int copy = 0; copy < 2; copy++) { // two employers with one name at one ZIP: a row naming them is ambiguous
            staff.employers().create(Employer.named("Delta Works").withEstablishments(List.of(site("Delta Works", "60120", true))));
        }
        staff.employers().create(Employer.named("Echo Corp").withFein(Fein.parse("36-1000001")).withEstablishments(List.of(site("Echo", "60120", true))));
        staff.employers().create(Employer.named("Foxtrot").withEstablishments(List.of(site("Fox HQ", "60601", true), site("Fox Plant", "60120", false))));
        staff.employers().create(Employer.named("Golf").withEstablishments(List.of(site("Golf", "60120", true))));
        StringBuilder file = new StringBuilder("legalName,fein,zip,employees\r\n");
        java.util.Map<Integer, String> special = java.util.Map.of(12, "Delta Works,,60120,5", 70, "ECHO CORP.,36-1000001,60120,7",
                160, "Foxtrot,,60120,9", 230, "Golf,36-1000002,60120,11", 231, "Golf Inc,36-1000002,60120,11", 330, "Filler 3,,60003,8",
                331, "Hotel,07-1234567,60120,3", 390, "Golf,,60120,1");
        for (int i = 0; i < 400; i++) {
            file.append(special.getOrDefault(i, "Filler " + i + ",," + String.format("6%04d", i) + ",4")).append("\r\n");
        }
        java.util.Map<Integer, CsvImport.Outcome> single = new java.util.TreeMap<>();
        java.util.Map<Integer, CsvImport.Outcome> ahead = new java.util.TreeMap<>();
        java.util.Map<Integer, CsvImport.Outcome> real = new java.util.TreeMap<>();
        org.sectorcrm.core.BatchOptions dry = org.sectorcrm.core.BatchOptions.defaults().withDryRun(true);

        ImportReport one = CsvImport.run(new StringReader(file.toString()), new EmployerRows(staff, false), ColumnMapping.identity(), dry, n -> { },
                single::put);
        EmployerRows readingAhead = new EmployerRows(staff);
        ImportReport many = CsvImport.run(new StringReader(file.toString()), readingAhead, ColumnMapping.identity(), dry, n -> { }, ahead::put);
        ImportReport stored = CsvImport.run(new StringReader(file.toString()), new EmployerRows(staff), ColumnMapping.identity(),
                org.sectorcrm.core.BatchOptions.defaults(), n -> { }, real::put);

        assertThat(ahead).isEqualTo(single).isEqualTo(real).hasSize(398);
        assertThat(many.errors()).isEqualTo(one.errors()).isEqualTo(stored.errors());
        assertThat(readingAhead.employerKeys().singleLookups()).isZero();
        assertThat(stored.errors()).extracting(ImportReport.RowError::line).containsExactly(14, 333);
        assertThat(stored.errors().get(0).toString()).contains("2 employers are named 'Delta Works' at ZIP 60120");
        assertThat(List.of(real.get(72), real.get(162), real.get(232), real.get(233), real.get(332), real.get(392)))
                .containsExactly(CsvImport.Outcome.UPDATED, CsvImport.Outcome.CREATED, CsvImport.Outcome.UPDATED, CsvImport.Outcome.UPDATED,
                        CsvImport.Outcome.UPDATED, CsvImport.Outcome.UPDATED);
        // The last Golf row found "Golf Inc" (the FEIN's rename) by name and ZIP, renamed it back and cleared the FEIN with its empty cell.
        assertThat(staff.employers().list(EmployerFilter.ALL.withNameKey("golf"), PageRequest.first()).items()).singleElement()
                .satisfies(g -> assertThat(List.of(g.legalName(), String.valueOf(g.fein()))).containsExactly("Golf", "null"));
    }

    private static org.sectorcrm.core.employer.Establishment site(String name, String zip, boolean primary) {
        return new org.sectorcrm.core.employer.Establishment(null, name, new org.sectorcrm.core.employer.Address(null, "Elgin", "IL", zip), null, null,
                null, primary);
    }

    /** The same for contacts and engagements: a repeated key later in the file updates what the line above created. */
    @Test
    void aDryRunOfRepeatedContactsAndEngagementsReportsEveryLineAsTheRealRunDoes() throws IOException {
        CsvImport.run(new StringReader("legalName,fein\nAcme,36-1234567\n"), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        String contacts = "employerFein,firstName,lastName,email,title\n36-1234567,Ana,Lopez,ana@acme.example,HR\n"
                + "36-1234567,Ana,Lopez,ANA@acme.example,HR Director\n36-1234567,Bo,Bad,bo@acme.example,\n36-1234567,Bo,Bad,,\n36-1234567,Bo,Bad,,\n";
        String engagements = "externalId,employerFein,date,channel,summary\nX-1,36-1234567,2026-10-01,CALL,Call\n"
                + "X-1,36-1234567,2026-10-01,CALL,Call about welders\nX-1,36-1234567,2026-10-01,CALL,Call about welders\n";
        for (var kind : List.<java.util.function.Supplier<CsvImport.RowHandler>>of(() -> new ContactRows(staff), () -> new EngagementRows(staff))) {
            String file = kind.get() instanceof ContactRows ? contacts : engagements;
            java.util.Map<Integer, CsvImport.Outcome> dry = new java.util.TreeMap<>();
            java.util.Map<Integer, CsvImport.Outcome> real = new java.util.TreeMap<>();
            org.sectorcrm.core.BatchOptions options = org.sectorcrm.core.BatchOptions.defaults();
            ImportReport d = CsvImport.run(new StringReader(file), kind.get(), ColumnMapping.identity(), options.withDryRun(true), n -> { }, dry::put);
            ImportReport r = CsvImport.run(new StringReader(file), kind.get(), ColumnMapping.identity(), options, n -> { }, real::put);
            assertThat(dry).isEqualTo(real);
            assertThat(d.errors()).isEqualTo(r.errors());
            assertThat(real.values()).contains(CsvImport.Outcome.CREATED, CsvImport.Outcome.UPDATED, CsvImport.Outcome.UNCHANGED);
        }
        assertThat(staff.contacts().count(ContactFilter.ALL)).isEqualTo(3); // Ana, Bo by e-mail, Bo without one
        assertThat(staff.engagements().list(EngagementFilter.byExternalId("X-1"), PageRequest.first()).items()).singleElement()
                .satisfies(g -> assertThat(g.summary()).isEqualTo("Call about welders"));
    }

    @Test
    void aMappingFileRenamesColumnsAndAMissingRequiredColumnStopsTheImport() throws IOException {
        ColumnMapping mapping = ColumnMapping.read(new StringReader("legalName = Company Name\nfein=EIN\n"), java.util.Set.copyOf(EmployerRows.FIELDS));
        ImportReport report = CsvImport.run(new StringReader("Company Name,EIN\nAcme Tool & Die Inc.,36-1234567\n"), new EmployerRows(staff), mapping,
                false, n -> { });
        assertThat(report.created()).isEqualTo(1);
        assertThatThrownBy(() -> CsvImport.run(new StringReader("Name,EIN\nAcme,36-1234567\n"), new EmployerRows(staff), mapping, false, n -> { }))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Company Name");
        assertThatThrownBy(() -> ColumnMapping.read(new StringReader("legalname=X"), java.util.Set.copyOf(EmployerRows.FIELDS)))
                .hasMessageContaining("legalname");
    }

    /** Another system's export (issue 13): its "Main Phone" is the employer's phone, and no column vanishes without a word. */
    @Test
    void columnsNoFieldReadsAreNamedInTheReportOrGoIntoCustomFields() throws IOException {
        String file = "Company Name,EIN,Main Phone,Notes,Contract No,\n"
                + "Acme Tool & Die Inc.,36-1234567,(815) 555-0142,Call before noon,C-17,\n"
                + "Beta Works,36-7654321,,,C-18,\n";

        ImportReport plain = CsvImport.run(new StringReader(file), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });

        assertThat(plain.created()).isEqualTo(2);
        assertThat(plain.unmapped()).extracting(Object::toString).containsExactly(
                "column 'Notes': not imported, no field reads it (1 row has a value in it)",
                "column 'Contract No': not imported, no field reads it (2 rows have a value in it)",
                "column 6 (no header): not imported, no field reads it (it is empty)");
        assertThat(plain.droppedColumns()).extracting(ImportReport.UnmappedColumn::header).containsExactly("Notes", "Contract No");
        assertThat(plain.summary()).endsWith("0 rejected; 2 columns not imported");
        Employer acme = staff.employers().list(EmployerFilter.ALL.withFein(Fein.parse("36-1234567")), PageRequest.first(1)).items().get(0);
        assertThat(acme.legalName()).isEqualTo("Acme Tool & Die Inc.");
        assertThat(acme.phone()).isEqualTo(PhoneNumber.parse("(815) 555-0142"));
        assertThat(acme.customFields()).isEmpty();

        ColumnMapping mapped = ColumnMapping.read(new StringReader("custom.contract = Contract No\n"), java.util.Set.copyOf(EmployerRows.FIELDS), true);
        ImportReport withContract = CsvImport.run(new StringReader(file), new EmployerRows(staff), mapped, false, n -> { });
        assertThat(withContract.updated()).isEqualTo(2);
        assertThat(withContract.droppedColumns()).extracting(ImportReport.UnmappedColumn::header).containsExactly("Notes");
        assertThat(staff.employers().get(acme.id()).customFields()).containsExactly(java.util.Map.entry("contract", "C-17"));

        ImportReport all = CsvImport.run(new StringReader(file), new EmployerRows(staff), mapped.withUnmappedAsCustomFields(), false, n -> { });
        assertThat(all.droppedColumns()).isEmpty();
        assertThat(all.updated()).isEqualTo(1); // Beta's Notes cell is empty: nothing to add
        assertThat(all.unchanged()).isEqualTo(1);
        assertThat(staff.employers().get(acme.id()).customFields()).containsOnly(java.util.Map.entry("contract", "C-17"),
                java.util.Map.entry("Notes", "Call before noon"));

        assertThatThrownBy(() -> CsvImport.run(new StringReader("Company Name\nAcme\n"), new EmployerRows(staff), mapped, false, n -> { }))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Contract No (custom.contract)");
        assertThatThrownBy(() -> ColumnMapping.read(new StringReader("custom.x = X\n"), java.util.Set.copyOf(ContactRows.FIELDS), false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("custom.x").hasMessageContaining("no custom fields");
    }

    @Test
    void aTooLongCustomFieldIsRejectedNamingItsColumn() throws IOException {
        ColumnMapping mapped = ColumnMapping.read(new StringReader("custom.notes = Notes\n"), java.util.Set.copyOf(EmployerRows.FIELDS), true);
        ImportReport r = CsvImport.run(new StringReader("legalName,Notes\nAcme,\"" + "x".repeat(20_000) + "\"\n"), new EmployerRows(staff), mapped, false,
                n -> { });
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo("Notes"));
    }

    @Test
    void employersWithoutFeinAreKeyedByNormalisedNameAndZip() throws IOException {
        String file = "legalName,zip\r\nThe Acme Tool & Die Co.,60120\r\nACME TOOL AND DIE,60120\r\nAcme Tool and Die,60601\r\n";
        ImportReport report = CsvImport.run(new StringReader(file), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isEqualTo(1); // the second row renames the first employer
        assertThat(staff.employers().list(EmployerFilter.ALL.withNameKey(EmployerNames.normalize("acme tool and die")), PageRequest.first()).items())
                .hasSize(2);
    }

    @Test
    void contactsAndEngagementsUpsertAndExportRoundTripsWithSpreadsheetSafeCells() throws IOException {
        CsvImport.run(new StringReader("legalName,fein,zip\nAcme,36-1234567,60120\n"), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        String contacts = "employerFein,firstName,lastName,email,phone,roles,title\n"
                + "36-1234567,Ana,López,Ana@Acme.example,(312) 555-0142,champion;hr,=HYPERLINK(\"http://evil\")\n"
                + "36-1234567,Bo,Bad,not-an-email,,,\n"
                + "99-9999999,Cy,Nobody,cy@x.example,,,\n";
        ImportReport c = CsvImport.run(new StringReader(contacts), new ContactRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(c.created()).isEqualTo(1);
        assertThat(c.errors()).extracting(Object::toString)
                .containsExactly("line 3, email: is not an e-mail address: 'not-an-email'",
                        "line 4, employerFein: no employer with FEIN 99-9999999 exists; import employers first");

        String engagements = "externalId,employerFein,date,channel,summary,services,note\n"
                + "WIOA-1,36-1234567,2026-10-01,site visit,Plant tour,2;5,Wants welders\n"
                + "WIOA-2,36-1234567,2026-10-02,MASS_MAILING,Newsletter,,\n"
                + "WIOA-3,36-1234567,2026-10-03,COLD_CALL,Call,,\n";
        ImportReport e = CsvImport.run(new StringReader(engagements), new EngagementRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(e.created()).isEqualTo(3);
        assertThat(staff.engagements().list(EngagementFilter.byExternalId("WIOA-2"), PageRequest.first()).items().get(0).staffAssisted()).isFalse();
        assertThat(CsvImport.run(new StringReader(engagements), new EngagementRows(staff), ColumnMapping.identity(), false, n -> { }).unchanged())
                .isEqualTo(3);

        StringWriter out = new StringWriter();
        assertThat(new CsvExport(staff).contacts(out)).isEqualTo(1);
        assertThat(out.toString()).contains("'=HYPERLINK").contains("ana@acme.example");
        ImportReport back = CsvImport.run(new StringReader(out.toString()), new ContactRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(back.unchanged()).isEqualTo(1);
        assertThat(staff.contacts().list(ContactFilter.ALL, PageRequest.first()).items().get(0).contact().title()).isEqualTo("=HYPERLINK(\"http://evil\")");

        StringWriter masked = new StringWriter();
        new CsvExport(viewer).contacts(masked);
        assertThat(masked.toString()).contains("a***@acme.example").doesNotContain("ana@acme.example").contains("(***) ***-0142");
        assertThat(admin.audit().query(new AuditFilter(null, null, null, "EXPORT_PII", null, null), PageRequest.first()).items()).hasSize(2);

        StringWriter employers = new StringWriter();
        new CsvExport(staff).employers(employers);
        assertThat(CsvImport.run(new StringReader(employers.toString()), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { }).unchanged())
                .isEqualTo(1);
        StringWriter engagementsOut = new StringWriter();
        new CsvExport(staff).engagements(engagementsOut);
        assertThat(CsvImport.run(new StringReader(engagementsOut.toString()), new EngagementRows(staff), ColumnMapping.identity(), false, n -> { })
                .unchanged()).isEqualTo(3);
    }

    @Test
    void aPhoneColumnIsTheEmployersMainNumberAndExportsBack() throws IOException {
        String file = "legalName,fein,phone\nAcme,36-1234567,(815) 555-0142 x12\nBad Phone Inc,36-7654321,555-01\n";
        ImportReport r = CsvImport.run(new StringReader(file), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.toString()).startsWith("line 3, phone: "));
        Employer acme = staff.employers().list(EmployerFilter.ALL.withFein(Fein.parse("36-1234567")), PageRequest.first(1)).items().get(0);
        assertThat(acme.phone()).isEqualTo(PhoneNumber.parse("+1 815 555 0142 ext 12"));

        StringWriter out = new StringWriter();
        new CsvExport(staff).employers(out);
        assertThat(out.toString()).contains("(815) 555-0142 x12");
        assertThat(CsvImport.run(new StringReader(out.toString()), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { }).unchanged())
                .isEqualTo(1);
        // an empty cell clears it; a file without the column leaves it alone
        CsvImport.run(new StringReader("legalName,fein\nAcme,36-1234567\n"), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(staff.employers().get(acme.id()).phone()).isNotNull();
        CsvImport.run(new StringReader("legalName,fein,phone\nAcme,36-1234567,\n"), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(staff.employers().get(acme.id()).phone()).isNull();
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsLine() throws IOException {
        ImportReport r = CsvImport.run(new StringReader("legalName\nAcme\n\"Broken\n"), new EmployerRows(staff), ColumnMapping.identity(), false, n -> { });
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.errors()).extracting(Object::toString).containsExactly("line 3, row: a quoted field that starts here is never closed; the rest of the file was not read");
    }
}
