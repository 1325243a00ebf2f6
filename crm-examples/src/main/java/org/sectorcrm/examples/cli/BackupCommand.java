package org.sectorcrm.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code backup FILE --as ADMIN_EMAIL}: a consistent copy of a SQLite database while the server keeps running. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the whole SQLite database (CRM data and accounts) into a new file while the server keeps running:"
                + " SQLite's VACUUM INTO reads one consistent snapshot, and writers go on meanwhile. The copy is checked with"
                + " PRAGMA integrity_check. Start a server on the copy (serve --db FILE) to use it.",
            "On PostgreSQL and MariaDB use the database's own dump tool (pg_dump, mariadb-dump): this job says how.",
            "Needs an ADMIN (a backup holds everything, contact details included); it is recorded in the audit trail.",
            "Exit codes: 0 copied and checked; 1 the copy failed its check; 2 nothing copied (bad arguments, FILE exists, not SQLite)."})
public final class BackupCommand extends Job {
    @Parameters(index = "0", paramLabel = "FILE", description = "the new file (must not exist)")
    Path file;

    @Override
    protected int run(CrmApplication app) throws Exception {
        StorageFactory.Opened opened = app.storage();
        switch (opened.dialect()) {
            case POSTGRESQL -> throw new UsageException("this database is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom"
                    + " --file=" + file + " [--schema=SCHEMA] DATABASE, and restore with pg_restore (see docs/server.md)");
            case MARIADB -> throw new UsageException("this database is MariaDB: back it up with mariadb-dump, e.g. mariadb-dump"
                    + " --single-transaction --routines DATABASE > " + file + " (see docs/server.md)");
            case SQLITE -> {
                // copied below
            }
        }
        CrmSession session = session(app);
        if (session.actor().role() != Role.ADMIN) {
            throw new UsageException(as + " is a " + session.actor().role() + ": a backup holds every record, so it needs an ADMIN");
        }
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new UsageException(target + " exists: a backup goes into a new file");
        }
        if (target.equals(opened.sqliteFile())) {
            throw new UsageException("the backup cannot be the database itself");
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        // Into a temporary name first: a backup that fails half-way must not lie around under the real one.
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        try {
            vacuumInto(opened.sqliteFile(), partial);
            String check = integrityCheck(partial);
            if (!check.equals("ok")) {
                err().println("the copy in " + partial + " failed PRAGMA integrity_check: " + check);
                return PARTLY;
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        long contacts = session.contacts().count(ContactFilter.ALL);
        session.audit().recordPiiExport("contact", contacts, "database backup to " + target);
        out().println("backed up " + opened.sqliteFile() + " to " + target + " (" + Files.size(target) + " bytes, integrity_check ok)");
        return OK;
    }

    /**
     * {@code VACUUM INTO} runs as one read transaction: the copy is the database as of its start, and in WAL mode the
     * server's writers carry on meanwhile. Its own connection, so the store's pool is not held up.
     */
    private static void vacuumInto(Path database, Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 30000");
            }
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, copy.toString());
                ps.execute();
            }
        }
    }

    static String integrityCheck(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder result = new StringBuilder();
            while (rs.next()) {
                result.append(result.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
            return result.toString();
        }
    }
}
