package org.sectorcrm.json.exchange;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.json.CrmJson;

/**
 * Writes an exchange file one record at a time, so an export of any size runs in constant memory. The header is
 * written when the writer is opened. Records are written in the order given: for a full export, give them type by
 * type in {@link AggregateTypes#all()} order (all regions, then all sectors, ..., then all feedback) so that an
 * import can insert them in file order. Not thread-safe. Closing the writer closes the underlying stream.
 *
 * <pre>{@code
 * try (ExchangeWriter out = ExchangeWriter.open(Files.newOutputStream(path), clock.instant())) {
 *     out.writeAll(regions);
 *     out.writeAll(employers);
 * }
 * }</pre>
 */
public final class ExchangeWriter implements Closeable, Flushable {
    private static final ObjectMapper MAPPER = CrmJson.mapper();
    /** Flushing after every record would cost a system call per line. */
    private static final ObjectWriter DATA = MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final JsonGenerator out;
    private long records;

    private ExchangeWriter(Writer writer, Instant exportedAt) {
        try {
            this.out = MAPPER.getFactory().createGenerator(writer);
            // The default separator between root-level values is a blank, which would start every line but the first.
            out.setRootValueSeparator(null);
            ExchangeHeader header = ExchangeHeader.current(exportedAt);
            out.writeStartObject();
            out.writeStringField("format", header.format());
            out.writeNumberField("version", header.version());
            out.writeFieldName("exportedAt");
            DATA.writeValue(out, header.exportedAt());
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes UTF-8 to {@code out}. */
    public static ExchangeWriter open(OutputStream out, Instant exportedAt) {
        Objects.requireNonNull(out, "out");
        return open(new OutputStreamWriter(out, StandardCharsets.UTF_8), exportedAt);
    }

    /** Writes to {@code out}, which should encode UTF-8 when it ends up as bytes. */
    public static ExchangeWriter open(Writer out, Instant exportedAt) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(exportedAt, "exportedAt");
        return new ExchangeWriter(out, exportedAt);
    }

    /**
     * Writes one line {@code {"type":..., "data":...}}.
     *
     * @throws IllegalArgumentException when the record is not of one of {@link AggregateTypes#all()}
     */
    public ExchangeWriter write(Aggregate<?> record) {
        Objects.requireNonNull(record, "record");
        AggregateType<?, ?, ?> type = typeOf(record);
        try {
            out.writeStartObject();
            out.writeStringField("type", type.key());
            out.writeFieldName("data");
            DATA.writeValue(out, record);
            out.writeEndObject();
            // JSON strings never hold a raw line break (Jackson escapes \n and \r), so a newline ends the record.
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records++;
        return this;
    }

    private static AggregateType<?, ?, ?> typeOf(Aggregate<?> record) {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            if (type.recordClass() == record.getClass()) {
                return type;
            }
        }
        throw new IllegalArgumentException(record.getClass().getName() + " is not a record of the exchange format (the records of AggregateTypes.all())");
    }

    public ExchangeWriter writeAll(Iterable<? extends Aggregate<?>> records) {
        for (Aggregate<?> r : records) {
            write(r);
        }
        return this;
    }

    /** How many records (not counting the header) were written so far. */
    public long records() {
        return records;
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
