package org.sectorcrm.json.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.json.CrmJson;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Records;

class ExchangeTest {
    static final Instant EXPORTED = Instant.parse("2025-04-01T08:30:00Z");
    static final String HEADER = "{\"format\":\"sectorcrm-exchange\",\"version\":2,\"exportedAt\":\"2025-04-01T08:30:00Z\"}";
    /** A version 1 file as SectorCRM wrote it before appointments and employer phones: still read. */
    static final String VERSION_1_FILE = """
            {"format":"sectorcrm-exchange","version":1,"exportedAt":"2025-04-01T08:30:00Z"}
            {"type":"employer","data":{"id":"0195a1b1-0a0b-7c0d-8e0f-101112131415","legalName":"Acme Tool & Die, Inc.","tradeNames":[],\
            "establishments":[],"status":"ACTIVE","tags":[],"customFields":{}}}
            {"type":"engagement","data":{"employer":"0195a1b1-0a0b-7c0d-8e0f-101112131415","partner":"0195a1b0-1c2d-7e3f-8a4b-5c6d7e8f9012",\
            "staff":"0195a1b0-2d3e-7f40-9b5c-6d7e8f901234","date":"2025-03-01","channel":"CALL","staffAssisted":true,"summary":"Intro call",\
            "notes":[],"contacts":[],"services":[],"needs":[]}}
            """;

    /** A record of every type in each shape the kit builds, and a draft, type by type in {@link AggregateTypes#all()} order. */
    static final List<Aggregate<?>> EVERY_TYPE = everyType();
    /** The employer line that the reader tests put around the line under test. */
    static final Employer MINIMAL_EMPLOYER = Employers.aMinimalEmployer().build();

    static List<Aggregate<?>> everyType() {
        EmployerId employer = Fixtures.employerId();
        PartnerId partner = Fixtures.partnerId();
        List<Aggregate<?>> records = new ArrayList<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            addShapes(records, type, employer, partner);
        }
        return records;
    }

    private static <I extends Id, T extends Aggregate<I>, F> void addShapes(List<Aggregate<?>> records, AggregateType<I, T, F> type,
            EmployerId employer, PartnerId partner) {
        T minimal = Records.minimal(type, employer, partner);
        records.add(Records.typical(type, employer, partner));
        records.add(Records.full(type, employer, partner));
        records.add(minimal);
        // A draft, as an import of new records has them: no stamp, and no id where the server generates ids.
        Aggregate<I> draft = minimal.withStamp(null);
        records.add(type.hasGeneratedIds() ? draft.withId(null) : draft);
    }

    static String export(List<? extends Aggregate<?>> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ExchangeWriter out = ExchangeWriter.open(bytes, EXPORTED)) {
            out.writeAll(records);
            assertThat(out.records()).isEqualTo(records.size());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static List<ExchangeRecord> readAll(String file) {
        try (ExchangeReader in = ExchangeReader.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            return in.stream().collect(Collectors.toList());
        }
    }

    static FieldViolation failure(String file) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> readAll(file));
        assertThat(e).as("reading fails").isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    static String employerLine(String data) {
        return "{\"type\":\"employer\",\"data\":" + data + "}";
    }

    @Nested
    @DisplayName("a full export")
    class FullExport {
        @Test
        void readsBackEveryRecordInFileOrder() {
            List<Aggregate<?>> records = EVERY_TYPE;
            List<ExchangeRecord> back = readAll(export(records));
            assertThat(back).extracting(ExchangeRecord::data).containsExactlyElementsOf(records);
            assertThat(back).extracting(ExchangeRecord::line).startsWith(2L, 3L, 4L).endsWith((long) records.size() + 1);
            assertThat(back).allSatisfy(r -> assertThat(r.type()).isSameAs(AggregateTypes.of(r.data())));
        }

        @Test
        void isOneHeaderLineThenOneLinePerRecord() {
            String file = export(EVERY_TYPE);
            assertThat(file).endsWith("\n");
            String[] lines = file.split("\n", -1);
            assertThat(lines).hasSize(EVERY_TYPE.size() + 2);
            assertThat(lines[0]).isEqualTo(HEADER);
            assertThat(lines[lines.length - 1]).isEmpty();
            assertThat(lines[1]).startsWith("{\"type\":\"region\",\"data\":{\"id\":\"" + EVERY_TYPE.get(0).id().asString() + "\",");
            assertThat(Arrays.asList(lines).subList(1, lines.length - 1)).allSatisfy(l -> assertThat(l).startsWith("{\"type\":\"").endsWith("}}"));
            assertThat(file).doesNotContain("\r");
        }

        @Test
        void dataIsExactlyWhatCrmJsonWrites() {
            Employer full = Employers.aFullEmployer().build();
            String[] lines = export(List.of(full)).split("\n");
            assertThat(lines[1]).isEqualTo(employerLine(CrmJson.write(full)));
        }

        @Test
        void hasTheHeader() {
            try (ExchangeReader in = ExchangeReader.open(new StringReader(export(List.of())))) {
                assertThat(in.header()).isEqualTo(new ExchangeHeader("sectorcrm-exchange", 2, EXPORTED));
                assertThat(in.hasNext()).isFalse();
                assertThatThrownBy(in::next).isInstanceOf(NoSuchElementException.class);
            }
        }

        @Test
        void canBeWrittenToAWriter() {
            Contact full = Contacts.aFullContact().build();
            StringWriter text = new StringWriter();
            try (ExchangeWriter out = ExchangeWriter.open(text, EXPORTED)) {
                out.write(full);
            }
            List<ExchangeRecord> back;
            try (ExchangeReader in = ExchangeReader.open(new StringReader(text.toString()))) {
                back = in.stream().toList();
            }
            assertThat(back).singleElement().satisfies(r -> assertThat(r.data(Contact.class)).isEqualTo(full));
        }

        @Test
        void refusesRecordsThatAreNotExchanged() {
            try (ExchangeWriter out = ExchangeWriter.open(new StringWriter(), EXPORTED)) {
                assertThatThrownBy(() -> out.write(new FakeAggregate())).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not a record of the exchange format");
            }
        }
    }

    @Nested
    @DisplayName("record types")
    class Types {
        @Test
        void areTheDescriptorsInTheirOrder() {
            // A full export of every type: the lines come out type by type in AggregateTypes.all() order.
            List<String> keys = AggregateTypes.all().stream().map(AggregateType::key).toList();
            List<String> lineTypes = readAll(export(EVERY_TYPE)).stream().map(r -> r.type().key()).distinct().toList();
            assertThat(lineTypes).containsExactlyElementsOf(keys);
        }

        @Test
        void everyTypeHasASampleThatRoundTrips() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                List<Aggregate<?>> ofType = EVERY_TYPE.stream().filter(r -> type.recordClass().isInstance(r)).toList();
                assertThat(ofType).as(type.key()).isNotEmpty();
                assertThat(readAll(export(ofType))).allSatisfy(r -> assertThat(r.type()).isSameAs(type)).extracting(ExchangeRecord::data)
                        .containsExactlyElementsOf(ofType);
            }
        }

        @Test
        void aLineTypeIsTheKey() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                Aggregate<?> sample = EVERY_TYPE.stream().filter(r -> type.recordClass().isInstance(r)).findFirst().orElseThrow();
                assertThat(export(List.of(sample)).split("\n")[1]).startsWith("{\"type\":\"" + type.key() + "\",\"data\":{");
            }
        }

        @Test
        void aRecordAsksForItsOwnClass() {
            ExchangeRecord r = new ExchangeRecord(2, AggregateTypes.EMPLOYER, MINIMAL_EMPLOYER);
            assertThat(r.data(AggregateTypes.EMPLOYER)).isEqualTo(MINIMAL_EMPLOYER);
            assertThat(r.is(AggregateTypes.EMPLOYER)).isTrue();
            assertThat(r.is(AggregateTypes.CONTACT)).isFalse();
            assertThatThrownBy(() -> r.data(Contact.class)).isInstanceOf(ClassCastException.class)
                    .hasMessageContaining("line 2 is a employer");
            assertThatThrownBy(() -> r.data(AggregateTypes.CONTACT)).isInstanceOf(ClassCastException.class);
            assertThatThrownBy(() -> new ExchangeRecord(2, AggregateTypes.CONTACT, MINIMAL_EMPLOYER))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("the reader")
    class Reading {
        @Test
        void streamsWithoutReadingAhead() {
            // 200,000 lines (~70 MB) produced lazily: reading three records may only pull the first buffers.
            String line = employerLine(CrmJson.write(MINIMAL_EMPLOYER.withLegalName("x".repeat(300)))) + "\n";
            CountingLines source = new CountingLines(HEADER + "\n", line, 200_000);
            try (ExchangeReader in = ExchangeReader.open(source)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(in.next().data(Employer.class).legalName()).hasSize(300);
                }
                assertThat(in.lineNumber()).isEqualTo(4);
            }
            assertThat(source.bytesRead).isLessThan(200_000L);
            assertThat(source.closed).isTrue();
        }

        @Test
        void readsAVersion1File() {
            try (ExchangeReader in = ExchangeReader.open(new StringReader(VERSION_1_FILE))) {
                assertThat(in.header().version()).isEqualTo(1);
                List<ExchangeRecord> records = in.stream().toList();
                assertThat(records).extracting(ExchangeRecord::type).containsExactly(AggregateTypes.EMPLOYER, AggregateTypes.ENGAGEMENT);
                assertThat(records.get(0).data(AggregateTypes.EMPLOYER).phone()).as("absent in version 1: null").isNull();
                assertThat(records.get(1).data(AggregateTypes.ENGAGEMENT).followUpDue()).isNull();
            }
        }

        @Test
        void writesTheNewestVersion() {
            assertThat(export(List.of())).startsWith("{\"format\":\"sectorcrm-exchange\",\"version\":" + ExchangeHeader.VERSION + ",");
            assertThat(ExchangeHeader.VERSION).isEqualTo(2);
        }

        @Test
        void acceptsDataBeforeType() {
            Employer full = Employers.aFullEmployer().build();
            String file = HEADER + "\n{\"data\":" + CrmJson.write(full) + ",\"type\":\"employer\"}\n";
            assertThat(readAll(file)).extracting(ExchangeRecord::data).containsExactly(full);
        }

        @Test
        void skipsBlankLinesButCountsThem() {
            String file = HEADER + "\n\n   \n" + employerLine(CrmJson.write(MINIMAL_EMPLOYER)) + "\n\n";
            assertThat(readAll(file)).extracting(ExchangeRecord::line).containsExactly(4L);
        }

        @Test
        void acceptsCrLfAndAByteOrderMark() {
            String file = "\uFEFF" + HEADER + "\r\n" + employerLine(CrmJson.write(MINIMAL_EMPLOYER)) + "\r\n";
            assertThat(readAll(file)).extracting(ExchangeRecord::data).containsExactly(MINIMAL_EMPLOYER);
        }

        @Test
        void goesOnAfterABadLine() {
            String good = employerLine(CrmJson.write(MINIMAL_EMPLOYER));
            String file = HEADER + "\n" + good + "\n{\"type\":\"employer\",\"data\":{\"legalName\":\"\"}}\nnot json\n" + good + "\n";
            List<String> errors = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            try (ExchangeReader in = ExchangeReader.open(new StringReader(file))) {
                while (in.hasNext()) {
                    try {
                        lines.add(in.next().line());
                    } catch (ValidationException e) {
                        errors.add(e.violations().get(0).path());
                    }
                }
            }
            assertThat(lines).containsExactly(2L, 5L);
            assertThat(errors).containsExactly("line 3.data.legalName", "line 4.$");
        }

        @Test
        void reportsInvalidUtf8OnItsOwnLineAndGoesOn() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes("{\"type\":\"employer\",\"data\":{\"legalName\":\"".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
            bytes.writeBytes("\",\"status\":\"PROSPECT\"}}\n".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes((employerLine(CrmJson.write(MINIMAL_EMPLOYER)) + "\n").getBytes(StandardCharsets.UTF_8));
            try (ExchangeReader in = ExchangeReader.open(new ByteArrayInputStream(bytes.toByteArray()))) {
                ValidationException e = catchThrowableOfType(ValidationException.class, in::next);
                assertThat(e.violations()).extracting(FieldViolation::path, FieldViolation::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("line 2.$", "is not valid UTF-8"));
                assertThat(in.next().line()).isEqualTo(3);
            }
        }
    }

    @Nested
    @DisplayName("a bad file is refused with its line and path")
    class Errors {
        @Test
        void anUnknownVersion() {
            FieldViolation v = failure("{\"format\":\"sectorcrm-exchange\",\"version\":3,\"exportedAt\":\"2025-04-01T08:30:00Z\"}\n");
            assertThat(v.path()).isEqualTo("line 1.version");
            assertThat(v.message()).isEqualTo("is 3, but this reader only reads versions 1 to 2; use a newer SectorCRM to import this file");
            FieldViolation zero = failure("{\"format\":\"sectorcrm-exchange\",\"version\":0,\"exportedAt\":\"2025-04-01T08:30:00Z\"}\n");
            assertThat(zero.message()).isEqualTo("is 0, but this reader only reads versions 1 to 2");
        }

        @ParameterizedTest(name = "[{index}] {1}: {2}")
        @CsvSource(delimiter = '|', value = {
                "{\"format\":\"other\",\"version\":1,\"exportedAt\":\"2025-04-01T08:30:00Z\"}|line 1.format|must be \"sectorcrm-exchange\" but was \"other\"",
                "{\"format\":\"sectorcrm-exchange\",\"exportedAt\":\"2025-04-01T08:30:00Z\"}|line 1.version|is required",
                "{\"format\":\"sectorcrm-exchange\",\"version\":\"1\",\"exportedAt\":\"2025-04-01T08:30:00Z\"}|line 1.version|must be an integer but found a string",
                "{\"format\":\"sectorcrm-exchange\",\"version\":1.0,\"exportedAt\":\"2025-04-01T08:30:00Z\"}|line 1.version|must be an integer",
                "{\"format\":\"sectorcrm-exchange\",\"version\":1}|line 1.exportedAt|is required",
                "{\"format\":\"sectorcrm-exchange\",\"version\":1,\"exportedAt\":\"yesterday\"}|line 1.exportedAt|must be an ISO-8601 UTC instant",
                "{\"format\":\"sectorcrm-exchange\",\"version\":1,\"exportedAt\":\"2025-04-01T08:30:00Z\",\"by\":\"me\"}|line 1.by|is not a field of the header",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",\"status\":\"PROSPECT\"}}|line 1.format|is required: the first line must be the header",
                "[1,2]|line 1.$|must be a JSON object but found an array",
                "{\"format\":|line 1.format|is not well-formed JSON",
        })
        void aBadHeader(String header, String path, String message) {
            FieldViolation v = failure(header + "\n");
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.message()).contains(message);
        }

        @Test
        void anEmptyFile() {
            FieldViolation v = failure("");
            assertThat(v.path()).isEqualTo("line 1.$");
            assertThat(v.message()).startsWith("is empty");
        }

        @ParameterizedTest(name = "[{index}] {1}: {2}")
        @CsvSource(delimiter = '|', value = {
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"\",\"status\":\"PROSPECT\"}}|data.legalName|is required",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",\"status\":\"PROSPECT\",\"establishments\":[{\"name\":\"P\",\"primary\":true,"
                        + "\"address\":{\"zip\":\"6060\"}}]}}|data.establishments[0].address.zip|must be a ZIP",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",\"status\":\"PROSPECT\",\"fein\":\"00-0000000\"}}|data.fein|never issued",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",\"status\":\"PROSPECT\",\"employees\":\"ten\"}}|data.employees|expected an integer",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",\"status\":\"PROSPECT\",\"draft\":true}}|data.draft|is not a field of this record",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",\"status\":\"PROSPECT\",\"tags\":[\"ok\",\"\"]}}|data.tags|is not a tag",
                "{\"type\":\"employers\",\"data\":{}}|type|'employers' is not a record type; expected one of region, sector,",
                "{\"type\":7,\"data\":{}}|type|must be a string but found an integer",
                "{\"data\":{\"legalName\":\"A\"}}|type|is required",
                "{\"type\":\"employer\"}|data|is required",
                "{\"type\":\"employer\",\"data\":null}|data|is required",
                "{\"type\":\"employer\",\"data\":[]}|data|expected an object (Employer) but found an array",
                "{\"type\":\"employer\",\"data\":{},\"note\":\"x\"}|note|is not a field of an exchange line",
                "{\"type\":\"employer\",\"type\":\"contact\",\"data\":{}}|type|Duplicate field 'type'",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",}}|data.legalName|not well-formed JSON",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\",\"status\":\"PROSPECT\"}} {}|$|holds more than one JSON value",
                "{\"type\":\"employer\",\"data\":{\"legalName\":\"A\"|data.legalName|not well-formed JSON",
                "\"employer\"|$|must be a JSON object but found a string",
        })
        void aBadRecordLine(String line, String field, String message) {
            FieldViolation v = failure(HEADER + "\n" + employerLine(CrmJson.write(MINIMAL_EMPLOYER)) + "\n" + line + "\n");
            assertThat(v.record()).isEqualTo("line 3");
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.message()).contains(message);
        }
    }

    /** An aggregate that is not one of the exchanged types. */
    private record FakeAggregate() implements Aggregate<org.sectorcrm.core.employer.EmployerId> {
        @Override
        public org.sectorcrm.core.employer.EmployerId id() {
            return null;
        }

        @Override
        public org.sectorcrm.core.Stamp stamp() {
            return null;
        }

        @Override
        public FakeAggregate withId(org.sectorcrm.core.employer.EmployerId id) {
            return this;
        }

        @Override
        public FakeAggregate withStamp(org.sectorcrm.core.Stamp stamp) {
            return this;
        }
    }

    /** A header and {@code count} copies of a line, produced on demand, counting what the reader pulled. */
    private static final class CountingLines extends InputStream {
        private final byte[] header;
        private final byte[] line;
        private final long total;
        long bytesRead;
        boolean closed;

        CountingLines(String header, String line, int count) {
            this.header = header.getBytes(StandardCharsets.UTF_8);
            this.line = line.getBytes(StandardCharsets.UTF_8);
            this.total = this.header.length + (long) this.line.length * count;
        }

        @Override
        public int read() {
            if (bytesRead >= total) {
                return -1;
            }
            long p = bytesRead++;
            return (p < header.length ? header[(int) p] : line[(int) ((p - header.length) % line.length)]) & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (bytesRead >= total) {
                return -1;
            }
            int n = 0;
            while (n < len && bytesRead < total) {
                b[off + n++] = (byte) read();
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
