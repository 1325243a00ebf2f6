package org.sectorcrm.examples.mail;

import java.util.Map;

/**
 * Where notifications are sent from: the SMTP server (host, port, STARTTLS), its login, taken from the environment so
 * it never appears on a command line or in a process list, the sender address, and the server's public URL for the
 * links in each e-mail.
 *
 * @param startTls  require STARTTLS before the login and the message (refuse to send in clear when the server lacks it)
 * @param username  SMTP login, or null to send without one
 * @param publicUrl the base URL staff open the CRM at ({@code https://crm.region.example}), without a trailing slash
 */
public record MailSettings(String host, int port, boolean startTls, String username, String password, String from, String publicUrl) {
    public static final String USER_ENV = "SECTORCRM_SMTP_USER";
    public static final String PASSWORD_ENV = "SECTORCRM_SMTP_PASSWORD";

    public MailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the SMTP host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be 1..65535 but was " + port);
        }
        if (from == null || !from.contains("@")) {
            throw new IllegalArgumentException("the sender address (--mail-from) must be an e-mail address but was '" + from + "'");
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://127.0.0.1:7070" : publicUrl.replaceAll("/+$", "");
    }

    /** The settings with the login from {@link #USER_ENV} and {@link #PASSWORD_ENV}, when set. */
    public static MailSettings of(String host, int port, boolean startTls, String from, String publicUrl, Map<String, String> env) {
        return new MailSettings(host, port, startTls, env.get(USER_ENV), env.get(PASSWORD_ENV), from, publicUrl);
    }

    @Override
    public String toString() { // never the password
        return "smtp://" + (username == null ? "" : username + "@") + host + ":" + port + (startTls ? " (STARTTLS)" : "") + " from " + from;
    }
}
