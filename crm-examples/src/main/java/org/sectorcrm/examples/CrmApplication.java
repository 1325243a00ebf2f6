package org.sectorcrm.examples;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.accounts.PasswordPolicy;
import org.sectorcrm.examples.demo.DemoData;
import org.sectorcrm.examples.integrations.Integrations;
import org.sectorcrm.examples.mail.MailRoutes;
import org.sectorcrm.examples.mail.MailSettings;
import org.sectorcrm.examples.mail.Mailer;
import org.sectorcrm.examples.mail.Notifications;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.server.SecurityHeaders;
import org.sectorcrm.examples.webhooks.WebhookRoutes;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/** The standalone program's parts wired together: store, application API, accounts and (when started) the HTTP server. */
public final class CrmApplication implements AutoCloseable {
    public static final String ADMIN_PASSWORD_ENV = "SECTORCRM_ADMIN_PASSWORD";

    private final StorageFactory.Opened opened;
    private final Crm crm;
    private final Accounts accounts;
    private static final java.util.concurrent.atomic.AtomicInteger NODES = new java.util.concurrent.atomic.AtomicInteger();
    private final Clock clock;
    private Duration pollInterval = Duration.ofSeconds(5);
    private Integrations integrations;
    private MailSettings mail;
    private Notifications notifications;
    private ApiServer server;
    private org.sectorcrm.examples.attachments.AttachmentSettings attachmentSettings;
    private volatile org.sectorcrm.examples.attachments.Attachments attachments;

    public CrmApplication(StorageFactory.Opened opened, Clock clock) {
        this.opened = opened;
        this.clock = clock;
        // A deployment whose partners share contact details under an agreement of their own switches the release rule off.
        this.crm = Crm.builder().storage(opened.storage()).clock(clock)
                .requireRelease(!"false".equalsIgnoreCase(System.getenv("SECTORCRM_REQUIRE_RELEASE"))).listener(e -> {
            var files = attachments;
            if (files != null) {
                files.on(e); // a deleted attachment's content goes after the commit
            }
        }).build();
        this.accounts = new Accounts(opened.accountsJdbcUrl(), clock);
    }

    /** Wires the parts on an opened store; closes the store when the accounts tables cannot be opened. */
    public static CrmApplication open(StorageFactory.Opened opened, Clock clock) {
        try {
            return new CrmApplication(opened, clock);
        } catch (RuntimeException e) {
            opened.storage().close();
            throw e;
        }
    }

    public Crm crm() {
        return crm;
    }

    public Accounts accounts() {
        return accounts;
    }

    public StorageFactory.Opened storage() {
        return opened;
    }

    public boolean isEmpty() {
        return crm.storage().read(tx -> tx.staffUsers().count(StaffUserFilter.ALL)) == 0;
    }

    /**
     * On an empty database: creates the first partner and its admin with {@code password} (or the demo region, whose
     * admin gets it). Refuses without a password: there is never a default one.
     */
    public StaffUser initialise(char[] password, String adminEmail, boolean demo, long seed) {
        if (!isEmpty()) {
            throw new IllegalStateException("the database already has staff users");
        }
        if (password == null || password.length == 0) {
            throw new IllegalStateException("this database is empty and needs its first admin: pass --admin-password or set "
                    + ADMIN_PASSWORD_ENV + " (there is no default password)");
        }
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw ValidationException.of("credentials", "password", "the admin password " + problem);
        }
        StaffUser admin = demo
                ? new DemoData(seed).load(crm.storage(), adminEmail)
                : crm.bootstrap(Partner.named("Regional Workforce Board", PartnerKind.WORKFORCE_BOARD), "Administrator", adminEmail);
        accounts.setPassword(admin.id(), admin.email().value(), password);
        return admin;
    }

    /** The staff user with this e-mail (for command-line jobs). */
    public StaffUser user(String email) {
        return crm.storage().read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(org.sectorcrm.core.reference.EmailAddress.parse(email)),
                PageRequest.first(1))).items().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no staff user has the e-mail " + email));
    }

    /** How often the outbox consumers (webhooks, e-mail) look for new events once the server runs (default 5 s). */
    public CrmApplication pollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive but was " + interval);
        }
        this.pollInterval = interval;
        return this;
    }

    /** Sends e-mail notifications through this SMTP server once the server runs (default: no e-mail). */
    public CrmApplication mail(MailSettings settings) {
        this.mail = settings;
        return this;
    }

    /** Where attachment content is kept and what is accepted (default: {@link org.sectorcrm.examples.attachments.AttachmentSettings#defaults}). */
    public CrmApplication attachments(org.sectorcrm.examples.attachments.AttachmentSettings settings) {
        this.attachmentSettings = settings;
        return this;
    }

    /** The attachment content store of the running server, or null before {@link #start}. */
    public org.sectorcrm.examples.attachments.Attachments attachments() {
        return attachments;
    }

    /** The e-mail notifications of the running server, or null when no SMTP server is configured. */
    public Notifications notifications() {
        return notifications;
    }

    /** The outbox consumers of the running server, or null before {@link #start} or on a store that is not SQL. */
    public Integrations integrations() {
        return integrations;
    }

    public ApiServer start(String host, int port) {
        return start(host, port, ApiServer.DEFAULT_UID_DOMAIN);
    }

    /** @param uidDomain the host name in calendar event UIDs ({@code <id>@<uidDomain>}) */
    public ApiServer start(String host, int port, String uidDomain) {
        return start(host, port, uidDomain, false);
    }

    /** @param behindHttpsProxy whether a TLS-terminating proxy's {@code X-Forwarded-Proto} is trusted ({@link SecurityHeaders}) */
    public ApiServer start(String host, int port, String uidDomain, boolean behindHttpsProxy) {
        ApiServer api = new ApiServer(crm, accounts, uidDomain, new SecurityHeaders(behindHttpsProxy));
        attachments = new org.sectorcrm.examples.attachments.Attachments(attachmentSettings != null ? attachmentSettings
                : org.sectorcrm.examples.attachments.AttachmentSettings.defaults(opened.sqliteFile()));
        api.attachments(attachments);
        if (opened.storage() instanceof JdbcCrmStorage sql) {
            Mailer mailer = mail == null ? null : new Mailer(mail);
            integrations = new Integrations(crm, sql, opened.accountsJdbcUrl(), nodeName(), clock, e -> {
                System.getLogger(CrmApplication.class.getName()).log(System.Logger.Level.WARNING,
                        "webhook " + e.id() + " of " + e.ownerId() + " was disabled: " + e.disabledReason());
                if (mailer != null) {
                    tellOwner(mailer, e);
                }
            });
            api.register(new WebhookRoutes(integrations.webhooks()));
            if (mailer != null) {
                notifications = new Notifications(crm, integrations.tables(), integrations.outbox(), mailer, clock);
                integrations.add(notifications::poll);
                api.register(new MailRoutes(notifications));
            }
        }
        server = api.start(host, port);
        if (integrations != null) {
            integrations.start(pollInterval);
        }
        return server;
    }

    private void tellOwner(Mailer mailer, org.sectorcrm.examples.webhooks.WebhookEndpoint e) {
        crm.storage().read(tx -> tx.staffUsers().find(org.sectorcrm.core.reference.StaffUserId.of(e.ownerId()))).filter(StaffUser::active)
                .ifPresent(owner -> {
                    try {
                        mailer.send(owner.email().value(), "[SectorCRM] Webhook disabled: " + e.url(), "The webhook " + e.id() + " to " + e.url()
                                + " was switched off: " + e.disabledReason() + "\n\nIts delivery log: GET " + mailer.settings().publicUrl()
                                + "/api/v1/webhooks/" + e.id() + "/deliveries\nSwitch it on again: POST .../webhooks/" + e.id() + "/enable\n");
                    } catch (jakarta.mail.MessagingException ex) {
                        System.getLogger(CrmApplication.class.getName()).log(System.Logger.Level.WARNING, "telling " + owner.email() + " failed", ex);
                    }
                });
    }

    /** This node's name in the outbox consumers' leases: host and process, unique among the nodes on one database. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        // the counter keeps two applications in one JVM (an embedder's, a test's) apart
        return host + ":" + ProcessHandle.current().pid() + ":" + NODES.incrementAndGet();
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
        if (integrations != null) {
            integrations.close();
        }
        accounts.close();
        opened.storage().close();
    }
}
