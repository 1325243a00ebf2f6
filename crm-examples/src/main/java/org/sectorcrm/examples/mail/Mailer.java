package org.sectorcrm.examples.mail;

import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Sends plain-text e-mail over SMTP with Jakarta Mail (Angus), with timeouts so a stuck server cannot hold the poller. */
public final class Mailer {
    private static final String TIMEOUT_MILLIS = "20000";

    private final MailSettings settings;
    private final Session session;

    public Mailer(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Authenticator login = null;
        if (settings.username() != null) {
            p.put("mail.smtp.auth", "true");
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), settings.password() == null ? "" : settings.password());
                }
            };
        }
        this.session = Session.getInstance(p, login);
    }

    public MailSettings settings() {
        return settings;
    }

    /** Sends one message; a refusal or an unreachable server is a {@link MessagingException} for the caller to retry. */
    public void send(String to, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from()));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies to notifications
        Transport.send(m);
    }
}
