package org.sectorcrm.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.accounts.PasswordPolicy;
import org.sectorcrm.examples.exchange.ExchangeRestore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore FILE.ndjson --as ADMIN_EMAIL --admin-password P}: an exchange export into an empty database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Load an NDJSON exchange file (from 'export all --format ndjson') into an EMPTY database, keeping ids,"
                + " versions and timestamps: exporting again gives the same file.",
            "--as names an active ADMIN in the file: the restore runs as them, and they get the password of --admin-password"
                    + " (or env SECTORCRM_ADMIN_PASSWORD) so that someone can log in; other users get theirs from the operator with 'users set-password'.",
            "The file is checked completely first: if any line is bad, nothing is stored. Audit entries are not part of an export.",
            "Exit codes: 0 restored; 1 the file has bad lines (each is listed; nothing stored); 2 nothing stored (bad arguments,"
                    + " the database is not empty, the admin is not in the file, no password)."})
public final class RestoreCommand extends Job {
    @Parameters(index = "0", paramLabel = "FILE", description = "the exchange file (.ndjson)")
    Path file;

    @Option(names = "--admin-password", paramLabel = "PASSWORD",
            description = "the new password of the --as admin (or env " + CrmApplication.ADMIN_PASSWORD_ENV + "; at least 15 characters)")
    String adminPassword;

    /** A restore makes a new database: the file may not exist yet. */
    @Override
    protected StorageFactory.Opened open() {
        return StorageFactory.open(db, true);
    }

    @Override
    protected int run(CrmApplication app) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no file " + file);
        }
        String password = adminPassword != null ? adminPassword : System.getenv(CrmApplication.ADMIN_PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            throw new UsageException("give the password the admin will log in with: --admin-password or env " + CrmApplication.ADMIN_PASSWORD_ENV
                    + " (passwords are not part of an export)");
        }
        String problem = PasswordPolicy.problemWith(password.toCharArray());
        if (problem != null) {
            throw new UsageException("the admin password " + problem);
        }
        ExchangeRestore.Result result;
        try {
            result = new ExchangeRestore(app.crm().storage(), app.crm().clock()).restore(file, as);
        } catch (ExchangeRestore.Refused e) {
            throw new UsageException(e.getMessage());
        }
        if (!result.restored()) {
            out().println(file + ": nothing was restored; " + result.problems().size() + " problem" + (result.problems().size() == 1 ? "" : "s") + ":");
            for (ExchangeRestore.Problem p : result.problems()) {
                out().println(p);
            }
            return PARTLY;
        }
        app.accounts().setPassword(result.admin().id(), result.admin().email().value(), password.toCharArray());
        out().println("restored " + result.records() + " records exported " + result.header().exportedAt() + ": "
                + result.counts().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().key()).collect(Collectors.joining(", ")));
        out().println(result.admin().email().value() + " can log in with the given password; set the others' with"
                + " users set-password EMAIL --as " + result.admin().email().value());
        return OK;
    }
}
