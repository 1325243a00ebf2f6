package org.sectorcrm.json.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.Sectors;
import org.sectorcrm.tck.fixtures.StaffUsers;

/** Keeps docs/exchange-format.md true: its example is read, validated and rewritten byte for byte; its Java snippet is this class's usage(). */
class ExchangeDocTest {
    static final Path DOC = repositoryRoot().resolve("docs/exchange-format.md");

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/exchange-format.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("docs/exchange-format.md not found above " + Path.of("").toAbsolutePath());
    }

    static String block(String language) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(m.find()).as("a ```" + language + " block in " + DOC).isTrue();
        return m.group(1);
    }

    @Test
    void theExampleIsWhatTheWriterWrites() throws IOException {
        String example = block("ndjson");
        List<ExchangeRecord> records;
        ExchangeHeader header;
        try (ExchangeReader in = ExchangeReader.open(new StringReader(example))) {
            header = in.header();
            records = in.stream().toList();
        }
        assertThat(records).extracting(ExchangeRecord::type).containsExactly(AggregateTypes.REGION, AggregateTypes.SECTOR, AggregateTypes.PARTNER,
                AggregateTypes.STAFF_USER, AggregateTypes.EMPLOYER, AggregateTypes.CONTACT, AggregateTypes.SOLUTION, AggregateTypes.APPOINTMENT);
        StringWriter again = new StringWriter();
        try (ExchangeWriter out = ExchangeWriter.open(again, header.exportedAt())) {
            records.forEach(r -> out.write(r.data()));
        }
        assertThat(again.toString()).isEqualTo(example);
        for (String line : example.split("\n")) {
            assertThat(ExchangeSchemaTest.errors(line)).as(line).isEmpty();
        }
    }

    @Test
    void theErrorTableShowsRealMessages() throws IOException {
        String doc = Files.readString(DOC);
        FieldViolation version = ExchangeTest.failure("{\"format\":\"sectorcrm-exchange\",\"version\":" + (ExchangeHeader.VERSION + 1)
                + ",\"exportedAt\":\"2025-04-01T08:30:00Z\"}\n");
        assertThat(doc).contains("| `" + version.record() + "` | `" + version.field() + "` | `" + version.message() + "` |");
        String badZip = exampleEmployerLine().replace("\"zip\":\"60007\"", "\"zip\":\"6060\"");
        FieldViolation zip = ExchangeTest.failure(ExchangeTest.HEADER + "\n" + badZip + "\n");
        assertThat(doc).contains("`" + zip.message() + "`");
        FieldViolation type = ExchangeTest.failure(ExchangeTest.HEADER + "\n{\"type\":\"employers\",\"data\":{}}\n");
        assertThat(doc).contains("`" + type.message().substring(0, type.message().indexOf("sector,") + 7));
    }

    @Test
    void theTypeTableIsTheDescriptorsInTheirOrder() throws IOException {
        // | order | `type` | Java record | refers to |
        Matcher row = Pattern.compile("^\\| (\\d+) \\| `(\\w+)` \\| `(\\w+)` \\|", Pattern.MULTILINE).matcher(Files.readString(DOC));
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < AggregateTypes.all().size(); i++) {
            AggregateType<?, ?, ?> type = AggregateTypes.all().get(i);
            expected.add((i + 1) + " " + type.key() + " " + type.recordClass().getSimpleName());
        }
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void theSchemaLinkIsTheCurrentVersion() throws IOException {
        assertThat(Files.readString(DOC)).startsWith("# The SectorCRM exchange format (version " + ExchangeHeader.VERSION + ")")
                .contains("(schema/sectorcrm-exchange-v" + ExchangeHeader.VERSION + ".schema.json)");
    }

    private static String exampleEmployerLine() throws IOException {
        return Arrays.stream(block("ndjson").split("\n")).filter(l -> l.startsWith("{\"type\":\"employer\"")).findFirst().orElseThrow();
    }

    @Test
    void theJavaSnippetIsUsage() throws IOException {
        String source = Files.readString(repositoryRoot().resolve("crm-json/src/test/java/org/sectorcrm/json/exchange/ExchangeDocTest.java"));
        String body = source.substring(source.lastIndexOf("// usage:start\n") + "// usage:start\n".length(), source.lastIndexOf("        // usage:end"));
        assertThat(strip(block("java"))).isEqualTo(strip(body));
    }

    private static String strip(String code) {
        return Arrays.stream(code.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    @Test
    void usage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.ndjson");
        Clock clock = Clock.fixed(ExchangeTest.EXPORTED, ZoneOffset.UTC);
        List<Region> regions = List.of(Regions.aFullRegion().build());
        List<Sector> sectors = List.of(Sectors.aFullSector().build());
        List<Partner> partners = List.of(Partners.aFullPartner().build());
        List<StaffUser> staff = List.of(StaffUsers.aFullStaffUser().of(partners.get(0).id()).build());
        List<Employer> employers = List.of(Employers.aFullEmployer().build(), Employers.aMinimalEmployer().build());
        List<ExchangeRecord> imported = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        // usage:start
        try (ExchangeWriter out = ExchangeWriter.open(Files.newOutputStream(file), clock.instant())) {
            out.writeAll(regions).writeAll(sectors).writeAll(partners).writeAll(staff).writeAll(employers);
        }
        try (ExchangeReader in = ExchangeReader.open(Files.newInputStream(file))) {
            while (in.hasNext()) {
                try {
                    ExchangeRecord record = in.next(); // record.line(), record.type(), record.data(Employer.class)
                    imported.add(record);
                } catch (ValidationException bad) {
                    problems.addAll(bad.violations()); // line 7.data.establishments[1].address.zip: ...
                }
            }
        }
        // usage:end
        assertThat(imported).extracting(ExchangeRecord::data).containsExactly(regions.get(0), sectors.get(0), partners.get(0), staff.get(0),
                employers.get(0), employers.get(1));
        assertThat(problems).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(ExchangeTest.HEADER + "\n");
    }
}
