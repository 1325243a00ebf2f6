package org.sectorcrm.json.exchange;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.json.CrmJson;
import org.sectorcrm.json.internal.DomainModule;
import org.sectorcrm.json.internal.JsonErrors;
import org.sectorcrm.json.internal.Utf8Lines;

/**
 * Streams an exchange file: the header is read and checked when the reader is opened, then each {@link #next()}
 * reads exactly one more line, so a file of any size is read in memory proportional to its longest line.
 * Empty lines are skipped.
 *
 * <p>It reads files of every version from {@link ExchangeHeader#OLDEST_READABLE_VERSION} to {@link ExchangeHeader#VERSION};
 * {@link #header()} tells which one a file is. The {@code "type"} of a line is an {@link AggregateType#key() key} of
 * {@link AggregateTypes#all()}.
 *
 * <p>Every problem is a {@link ValidationException} whose record is {@code "line N"} (1-based, the header is line
 * 1) and whose field is the JSON path inside that line: {@code type}, {@code data.establishments[0].address.zip},
 * or {@code $} for the line as a whole. A bad line does not stop the reader: the caller may catch the exception,
 * note it, and call {@link #next()} again for the following line. Not thread-safe. Closing closes the source.
 *
 * <pre>{@code
 * try (ExchangeReader in = ExchangeReader.open(Files.newInputStream(path))) {
 *     while (in.hasNext()) {
 *         ExchangeRecord r = in.next();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class ExchangeReader implements Closeable, Iterator<ExchangeRecord> {
    private static final ObjectMapper MAPPER = CrmJson.mapper();
    /** The data object is read from the middle of a line: what follows it is the envelope's business. */
    private static final ObjectReader DATA = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String HEADER_EXAMPLE = "{\"format\":\"" + ExchangeHeader.FORMAT + "\",\"version\":" + ExchangeHeader.VERSION + ",...}";

    /** Where lines come from: strict per-line UTF-8 decoding for bytes, readLine for characters. */
    private interface Lines extends Closeable {
        String readLine() throws IOException;
    }

    private final Lines in;
    private final ExchangeHeader header;
    private long lineNumber;
    private String pending;

    private ExchangeReader(Lines in) {
        this.in = in;
        String first = readLine();
        if (first != null && first.startsWith("\uFEFF")) {
            first = first.substring(1); // a byte-order mark some editors add
        }
        this.header = parseHeader(first);
    }

    /**
     * Reads UTF-8 from {@code in}; malformed UTF-8 is an error of the line it is on, never silently replaced, and
     * the reader can go on with the next line.
     *
     * @throws ValidationException when the header is missing, is not a SectorCRM exchange header, or has a version
     *                             outside {@link ExchangeHeader#OLDEST_READABLE_VERSION}..{@link ExchangeHeader#VERSION}
     *                             (record {@code "line 1"})
     */
    public static ExchangeReader open(InputStream in) {
        Objects.requireNonNull(in, "in");
        Utf8Lines lines = new Utf8Lines(in);
        return new ExchangeReader(new Lines() {
            @Override
            public String readLine() throws IOException {
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        });
    }

    /** @see #open(InputStream) */
    public static ExchangeReader open(Reader in) {
        Objects.requireNonNull(in, "in");
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        return new ExchangeReader(new Lines() {
            @Override
            public String readLine() throws IOException {
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        });
    }

    public ExchangeHeader header() {
        return header;
    }

    /** The number of the line last read (1 after opening). */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            if (!line.isBlank()) {
                pending = line;
            }
        }
        return true;
    }

    /**
     * Reads the next record.
     *
     * @throws ValidationException    when the line is not a valid record (the reader moves on past it)
     * @throws NoSuchElementException at the end of the file
     */
    @Override
    public ExchangeRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records after line " + lineNumber);
        }
        String line = pending;
        pending = null;
        return parseRecord(line, lineNumber);
    }

    /**
     * The remaining records as a lazy, sequential stream. The first invalid line ends the stream with its
     * {@link ValidationException}; use {@link #next()} to skip bad lines instead.
     */
    public Stream<ExchangeRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLine() {
        try {
            String line;
            try {
                line = in.readLine();
            } catch (CharacterCodingException e) {
                lineNumber++;
                throw ValidationException.of(record(lineNumber), JsonErrors.ROOT, "is not valid UTF-8");
            }
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String record(long line) {
        return "line " + line;
    }

    private ExchangeHeader parseHeader(String line) {
        String record = record(1);
        if (line == null || line.isBlank()) {
            throw ValidationException.of(record, JsonErrors.ROOT,
                    "is empty: an exchange file starts with the header " + HEADER_EXAMPLE);
        }
        String format = null;
        Integer version = null;
        String exportedAt = null;
        try (JsonParser p = MAPPER.createParser(line)) {
            expectObject(p, record);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "format" -> format = text(p, value, record, "format");
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                            throw ValidationException.of(record, "version", "must be an integer but found " + JsonErrors.describe(value));
                        }
                        version = p.getIntValue();
                    }
                    case "exportedAt" -> exportedAt = text(p, value, record, "exportedAt");
                    case "type", "data" -> throw ValidationException.of(record, "format", "is required: the first line must be the header "
                            + HEADER_EXAMPLE + ", not a record");
                    default -> throw ValidationException.of(record, name, "is not a field of the header");
                }
            }
            expectEnd(p, record);
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e, record, "", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The format first: a file that is not ours should be told so, not that its "version" is odd.
        if (!ExchangeHeader.FORMAT.equals(format)) {
            throw ValidationException.of(record, "format", format == null
                    ? "is required: the first line must be the header " + HEADER_EXAMPLE
                    : "must be \"" + ExchangeHeader.FORMAT + "\" but was \"" + format + "\"");
        }
        if (version == null) {
            throw ValidationException.of(record, "version", "is required");
        }
        if (version < ExchangeHeader.OLDEST_READABLE_VERSION || version > ExchangeHeader.VERSION) {
            throw ValidationException.of(record, "version", "is " + version + ", but this reader only reads versions "
                    + ExchangeHeader.OLDEST_READABLE_VERSION + " to " + ExchangeHeader.VERSION
                    + (version > ExchangeHeader.VERSION ? "; use a newer SectorCRM to import this file" : ""));
        }
        if (exportedAt == null) {
            throw ValidationException.of(record, "exportedAt", "is required");
        }
        try {
            return new ExchangeHeader(format, version, Instant.parse(exportedAt));
        } catch (DateTimeParseException e) {
            throw ValidationException.of(record, "exportedAt", "must be an ISO-8601 UTC instant such as 2025-03-01T14:05:00Z but was \"" + exportedAt + "\"");
        }
    }

    private static ExchangeRecord parseRecord(String line, long number) {
        String record = record(number);
        AggregateType<?, ?, ?> type = null;
        boolean hasData = false;
        // Pass 1 checks the envelope and finds the type, wherever "type" stands relative to "data".
        try (JsonParser p = MAPPER.createParser(line)) {
            expectObject(p, record);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> {
                        String key = text(p, value, record, "type");
                        type = AggregateTypes.byKey(key).orElseThrow(() -> ValidationException.of(record, "type",
                                "'" + key + "' is not a record type; expected one of " + DomainModule.keys()));
                    }
                    case "data" -> {
                        hasData = value != JsonToken.VALUE_NULL;
                        p.skipChildren();
                    }
                    default -> throw ValidationException.of(record, name, "is not a field of an exchange line (only \"type\" and \"data\")");
                }
            }
            expectEnd(p, record);
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e, record, "", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (type == null) {
            throw ValidationException.of(record, "type", "is required");
        }
        if (!hasData) {
            throw ValidationException.of(record, "data", "is required");
        }
        // Pass 2 maps the data object with the type now known.
        try (JsonParser p = MAPPER.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("data")) {
                    Aggregate<?> data = DATA.forType(type.recordClass()).readValue(p);
                    return new ExchangeRecord(number, type, data);
                }
                p.skipChildren();
            }
            throw new IllegalStateException("pass 1 found data on " + record + " but pass 2 did not");
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e, record, "data", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectObject(JsonParser p, String record) throws IOException {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw ValidationException.of(record, JsonErrors.ROOT, "must be a JSON object but found " + JsonErrors.describe(first));
        }
    }

    private static void expectEnd(JsonParser p, String record) throws IOException {
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw ValidationException.of(record, JsonErrors.ROOT, "is not well-formed JSON: the object is not closed");
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw ValidationException.of(record, JsonErrors.ROOT, "holds more than one JSON value: one record per line");
        }
    }

    private static String text(JsonParser p, JsonToken value, String record, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw ValidationException.of(record, field, "must be a string but found " + JsonErrors.describe(value));
        }
        return p.getText();
    }
}
