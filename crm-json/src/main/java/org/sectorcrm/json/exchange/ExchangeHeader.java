package org.sectorcrm.json.exchange;

import java.time.Instant;
import java.util.Objects;

/** The first line of an exchange file: which format, which version of it, and when the file was written. */
public record ExchangeHeader(String format, int version, Instant exportedAt) {
    /** The value of {@code "format"}. */
    public static final String FORMAT = "sectorcrm-exchange";
    /** The version this library writes, and the only one it reads so far. */
    public static final int VERSION = 1;

    public ExchangeHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(exportedAt, "exportedAt");
    }

    public static ExchangeHeader current(Instant exportedAt) {
        return new ExchangeHeader(FORMAT, VERSION, exportedAt);
    }
}
