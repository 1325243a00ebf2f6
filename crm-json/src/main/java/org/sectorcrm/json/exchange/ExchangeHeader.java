package org.sectorcrm.json.exchange;

import java.time.Instant;
import java.util.Objects;

/** The first line of an exchange file: which format, which version of it, and when the file was written. */
public record ExchangeHeader(String format, int version, Instant exportedAt) {
    /** The value of {@code "format"}. */
    public static final String FORMAT = "sectorcrm-exchange";
    /** The version this library writes: 2 added the appointment type and the employer's phone to version 1. */
    public static final int VERSION = 2;
    /**
     * The oldest version this library reads. Version 2 only added to version 1, so a version 1 file is read by the
     * same rules (it simply has no appointments and no employer phones).
     */
    public static final int OLDEST_READABLE_VERSION = 1;

    public ExchangeHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(exportedAt, "exportedAt");
    }

    public static ExchangeHeader current(Instant exportedAt) {
        return new ExchangeHeader(FORMAT, VERSION, exportedAt);
    }
}
