package org.sectorcrm.examples;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.cli.BackupCommand;
import org.sectorcrm.examples.cli.ExportCommand;
import org.sectorcrm.examples.cli.ImportCommand;
import org.sectorcrm.examples.cli.MatchCommand;
import org.sectorcrm.examples.cli.Job;
import org.sectorcrm.examples.cli.ReportCommand;
import org.sectorcrm.examples.cli.RestoreCommand;
import org.sectorcrm.examples.server.ApiServer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar sectorcrm.jar serve|users|import|export|report|restore|backup ...}: the standalone SectorCRM. */
@Command(name = "sectorcrm", mixinStandardHelpOptions = true, version = "SectorCRM 0.1.0",
        description = "A shared employer record for regional workforce and economic-development partners.",
        subcommands = {SectorCrmCli.Serve.class, SectorCrmCli.Users.class, ImportCommand.class, ExportCommand.class, ReportCommand.class, RestoreCommand.class, BackupCommand.class, MatchCommand.class, org.sectorcrm.examples.cli.DedupeCommand.class,
                org.sectorcrm.examples.cli.AttachmentsCommand.class})
public final class SectorCrmCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code main} runs it (tests run it in-process the same way). */
    public static CommandLine commandLine() {
        // "export employers --format ndjson": the enums are upper case in Java, lower case on the command line.
        return new CommandLine(new SectorCrmCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static char[] adminPassword(String option) {
        if (option != null && !option.isEmpty()) {
            return option.toCharArray();
        }
        String env = System.getenv(CrmApplication.ADMIN_PASSWORD_ENV);
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP server and REST API.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--db", description = "SQLite file or JDBC URL (default: ./sectorcrm.db)")
        String db;
        @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
        int port;
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "interface to listen on (default: ${DEFAULT-VALUE})")
        String host;
        @Option(names = "--demo", description = "fill an empty database with the demo region")
        boolean demo;
        @Option(names = "--seed", defaultValue = "2026", description = "seed of the demo data (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--admin-password", description = "password of the first admin of an empty database (or env SECTORCRM_ADMIN_PASSWORD)")
        String adminPassword;
        @Option(names = "--admin-email", defaultValue = "admin@sectorcrm.example", description = "e-mail (login) of the first admin (default: ${DEFAULT-VALUE})")
        String adminEmail;
        @Option(names = "--calendar-domain", defaultValue = ApiServer.DEFAULT_UID_DOMAIN,
                description = "host name in the UIDs of calendar events (<id>@DOMAIN), e.g. the server's public host name; keep it once"
                        + " calendars subscribe, or they see every event anew (default: ${DEFAULT-VALUE})")
        String calendarDomain;
        @Option(names = "--behind-https-proxy", description = "a reverse proxy terminates TLS and sets X-Forwarded-Proto: the session cookie"
                + " is marked Secure when it says https (only set this when every request comes through that proxy)")
        boolean behindHttpsProxy;

        @Option(names = "--smtp-host", description = "SMTP server for e-mail notifications (none without it); login from env "
                + org.sectorcrm.examples.mail.MailSettings.USER_ENV + " and " + org.sectorcrm.examples.mail.MailSettings.PASSWORD_ENV)
        String smtpHost;

        @Option(names = "--smtp-port", defaultValue = "587", description = "SMTP port (default: ${DEFAULT-VALUE})")
        int smtpPort;

        @Option(names = "--smtp-starttls", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "require STARTTLS (default: on; --no-smtp-starttls for a relay on localhost)")
        boolean smtpStartTls;

        @Option(names = "--mail-from", defaultValue = "sectorcrm@localhost", description = "sender address of notifications (default: ${DEFAULT-VALUE})")
        String mailFrom;

        @Option(names = "--public-url", description = "the URL staff open the CRM at, for links in e-mails (default: this server's address)")
        String publicUrl;

        @Option(names = "--attachments-dir", description = "directory of attachment files (default: beside the SQLite file, <file>-attachments;"
                + " ./sectorcrm-attachments for a database server; every node of one database must share it)")
        java.nio.file.Path attachmentsDir;

        @Option(names = "--attachment-max-bytes", defaultValue = "104857600", description = "largest attachment accepted, in bytes (default: ${DEFAULT-VALUE} = 100 MiB)")
        long attachmentMaxBytes;

        @Override
        public Integer call() throws Exception {
            CrmApplication app;
            try {
                app = CrmApplication.open(StorageFactory.open(db), Clock.systemUTC());
            } catch (StorageFactory.BadDatabaseException | org.sectorcrm.core.StorageException e) {
                System.err.println("cannot open the database: " + e.getMessage());
                return 2;
            }
            StorageFactory.Opened opened = app.storage();
            if (app.isEmpty()) {
                char[] password = adminPassword(adminPassword);
                if (password == null) {
                    System.err.println("This database is empty and needs its first admin. Start with --admin-password <password>"
                            + " or set " + CrmApplication.ADMIN_PASSWORD_ENV + " (at least 15 characters); there is no default password.");
                    app.close();
                    return 2;
                }
                try {
                    StaffUser admin = app.initialise(password, adminEmail, demo, seed);
                    System.out.println("Created the first admin: " + admin.email().value() + (demo ? " (with the demo region, seed " + seed + ")" : ""));
                } catch (org.sectorcrm.core.ValidationException e) {
                    System.err.println(e.getMessage());
                    app.close();
                    return 2;
                }
            } else if (demo) {
                System.out.println("The database already has data: --demo only fills an empty one.");
            }
            System.out.println("Data are kept " + opened.description());
            if (smtpHost != null) {
                try {
                    String links = publicUrl != null ? publicUrl : "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port;
                    app.mail(org.sectorcrm.examples.mail.MailSettings.of(smtpHost, smtpPort, smtpStartTls, mailFrom, links, System.getenv()));
                } catch (IllegalArgumentException e) {
                    System.err.println("e-mail settings: " + e.getMessage());
                    app.close();
                    return 2;
                }
                System.out.println("E-mail notifications go through " + smtpHost + ":" + smtpPort + (smtpStartTls ? " (STARTTLS)" : ""));
            }
            var files = org.sectorcrm.examples.attachments.AttachmentSettings.defaults(opened.sqliteFile());
            try {
                files = (attachmentsDir == null ? files : files.inDirectory(attachmentsDir)).limitedTo(attachmentMaxBytes);
            } catch (IllegalArgumentException e) {
                System.err.println("attachment settings: " + e.getMessage());
                app.close();
                return 2;
            }
            app.attachments(files);
            System.out.println("Attachments are kept in " + files.directory());
            // Content left by a crash between keeping a file and committing its record, or by a delete while down.
            var swept = org.sectorcrm.examples.attachments.AttachmentSweep.sweep(app.crm(), files.directory(),
                    org.sectorcrm.examples.attachments.AttachmentSweep.DEFAULT_GRACE, Clock.systemUTC(), false);
            if (!swept.removed().isEmpty()) {
                System.out.println("Removed " + swept.removed().size() + " orphaned attachment file(s) (no attachment record owns them)");
            }
            ApiServer server = app.start(host, port, calendarDomain, behindHttpsProxy);
            String url = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/";
            System.out.println("SectorCRM is running at " + url + " (API: " + url + "api/v1/openapi.json). Stop with Ctrl+C.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    app.close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e.getMessage());
                }
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "Manage staff user accounts.",
            subcommands = {Users.Add.class, Users.SetPassword.class, Users.Disable.class, Users.ListUsers.class})
    static final class Users implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a staff user with a password (read from env SECTORCRM_PASSWORD or --password).")
        static final class Add extends Job {
            @Parameters(index = "0", description = "e-mail (login)")
            String email;
            @Option(names = "--name", required = true)
            String name;
            @Option(names = "--role", defaultValue = "STAFF", description = "VIEWER, STAFF, MANAGER or ADMIN (default: ${DEFAULT-VALUE})")
            Role role;
            @Option(names = "--partner", description = "partner id (default: the partner of --as)")
            String partner;
            @Option(names = "--password", description = "the password (or env SECTORCRM_PASSWORD)")
            String password;

            @Override
            protected int run(CrmApplication app) {
                String pw = password != null ? password : System.getenv("SECTORCRM_PASSWORD");
                if (pw == null) {
                    throw new UsageException("give the password with --password or env SECTORCRM_PASSWORD");
                }
                var session = session(app);
                var partnerId = partner != null ? org.sectorcrm.core.reference.PartnerId.of(partner) : session.actor().partner();
                StaffUser user = session.reference().staffUsers().create(StaffUser.of(partnerId, name, email, role));
                app.accounts().setPassword(user.id(), user.email().value(), pw.toCharArray());
                out().println("added " + user.email().value() + " (" + user.role() + ") id " + user.id().asString());
                return OK;
            }
        }

        /**
         * The only way to set someone else's password: the API lets a user change only their own (an admin who could set
         * another's could log in as them and read their PRIVATE notes). Whoever runs this holds the database file anyway.
         */
        @Command(name = "set-password", mixinStandardHelpOptions = true,
                description = "Set a staff user's password (from env SECTORCRM_PASSWORD or --password) and end their sessions and API tokens; --as must be an ADMIN.")
        static final class SetPassword extends Job {
            @Parameters(index = "0", description = "e-mail of the user whose password is set")
            String email;
            @Option(names = "--password", description = "the new password (or env SECTORCRM_PASSWORD)")
            String password;

            @Override
            protected int run(CrmApplication app) {
                String pw = password != null ? password : System.getenv("SECTORCRM_PASSWORD");
                if (pw == null) {
                    throw new UsageException("give the password with --password or env SECTORCRM_PASSWORD");
                }
                var session = session(app);
                if (!session.actor().role().atLeast(Role.ADMIN)) {
                    throw new org.sectorcrm.core.AccessDeniedException("only an ADMIN may set another user's password");
                }
                StaffUser user;
                try {
                    user = app.user(email);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                app.accounts().setPassword(user.id(), user.email().value(), pw.toCharArray());
                // whoever knew the old password may have sessions or tokens: they end with it
                app.accounts().revokeAll(user.id());
                out().println("set the password of " + user.email().value() + "; their sessions and API tokens are revoked");
                return OK;
            }
        }

        @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a staff user and revoke their sessions and tokens.")
        static final class Disable extends Job {
            @Parameters(index = "0", description = "e-mail")
            String email;

            @Override
            protected int run(CrmApplication app) {
                var session = session(app);
                StaffUser user;
                try {
                    user = app.user(email);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                session.reference().staffUsers().update(user.withActive(false));
                app.accounts().revokeAll(user.id());
                out().println("disabled " + email);
                return OK;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List staff users.")
        static final class ListUsers extends Job {
            @Override
            protected int run(CrmApplication app) {
                var ops = session(app).reference().staffUsers();
                var page = ops.list(StaffUserFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT));
                while (true) {
                    for (StaffUser u : page.items()) {
                        out().printf("%-40s %-8s %-8s %s%n", u.email().value(), u.role(), u.active() ? "active" : "disabled", u.name());
                    }
                    if (!page.hasNext()) {
                        return OK;
                    }
                    page = ops.list(StaffUserFilter.ALL, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
                }
            }
        }
    }
}
