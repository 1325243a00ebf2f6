package org.sectorcrm.examples.reports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sectorcrm.core.ValidationException;

/** The defaults and option texts the command line and the API share for the network-health reports. */
public final class ReportOptions {
    /** Contact cadence of sectors without their own (days). */
    public static final int CADENCE_DAYS = 90;
    /** Window of the duplicated-effort report (days up to and including the day asked for). */
    public static final int WINDOW_DAYS = 30;

    private ReportOptions() {
    }

    /** {@code MFG:30,HLT:60} as sector code → days; null or empty: none. Refused naming {@code report.<field>}. */
    public static Map<String, Integer> sectorDays(String text, String field) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String[] kv = part.trim().split(":");
            try {
                if (kv.length != 2 || kv[0].isBlank() || out.putIfAbsent(kv[0].trim(), Integer.parseInt(kv[1].trim())) != null) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw ValidationException.of("report", field, "must be SECTOR:DAYS pairs separated by commas (MFG:30,HLT:60), each sector once, but was '" + text + "'");
            }
        }
        return out;
    }
}
