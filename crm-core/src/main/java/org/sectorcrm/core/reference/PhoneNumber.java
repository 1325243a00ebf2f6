package org.sectorcrm.core.reference;

import org.sectorcrm.core.ValidationException;

/**
 * A North American (NANP) phone number normalised to E.164 ({@code +13125550142}), with an optional
 * extension. Accepts the ways people write them: {@code (312) 555-0142}, {@code 312.555.0142 x12},
 * {@code +1 312 555 0142}. Area code and exchange cannot start with 0 or 1.
 */
public record PhoneNumber(String e164, String extension) {
    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+1[2-9]\\d{2}[2-9]\\d{6}")) {
            throw ValidationException.of("phone", "value", "is not a North American number in E.164 form (+1NXXNXXXXXX): '" + e164 + "'");
        }
        if (extension != null && !extension.matches("\\d{1,6}")) {
            throw ValidationException.of("phone", "extension", "must be 1 to 6 digits but was '" + extension + "'");
        }
    }

    public static PhoneNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("phone", "value", "is required");
        }
        String s = text.strip();
        String ext = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(?:x|ext\\.?|extension|#)\\s*(\\d{1,6})\\s*$").matcher(s);
        if (m.find()) {
            ext = m.group(1);
            s = s.substring(0, m.start());
        }
        if (!s.matches("[\\d\\s().+-]+")) {
            throw ValidationException.of("phone", "value", "is not a phone number: '" + text + "'");
        }
        String digits = s.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10) {
            throw ValidationException.of("phone", "value", "must have 10 digits (area code + number) but '" + text + "' has " + digits.length());
        }
        return new PhoneNumber("+1" + digits, ext);
    }

    /** {@code (312) 555-0142 x12}. */
    public String formatted() {
        String d = e164.substring(2);
        return "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6) + (extension == null ? "" : " x" + extension);
    }

    /** {@code (***) ***-0142}: what a VIEWER sees. */
    public String masked() {
        return "(***) ***-" + e164.substring(e164.length() - 4);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
