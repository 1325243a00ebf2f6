package org.sectorcrm.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command-line job: opens the database named by {@code --db} and runs as the staff user named by {@code --as},
 * with that user's rights, like every other operation. Output goes to the command line's writers so that tests
 * (and callers embedding the CLI) can capture it.
 *
 * <p>Exit codes shared by every job: {@value #OK} done; {@value #PARTLY} done in part: some input was rejected (and
 * listed), or the database failed part way; {@value #USAGE} nothing was done: bad arguments, a file that cannot be
 * read or lacks a required column, an unknown {@code --as}, a user without the rights the job needs, a request the
 * CRM refused.
 */
public abstract class Job implements Callable<Integer> {
    public static final int OK = 0;
    public static final int PARTLY = 1;
    public static final int USAGE = 2;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "SQLite file or JDBC URL (default: ./sectorcrm.db)")
    protected String db;

    @Option(names = "--as", required = true, paramLabel = "EMAIL", description = "e-mail of the staff user doing this job; it runs with their rights")
    protected String as;

    @Spec
    protected CommandSpec spec;

    /** A job that cannot start; its message tells the user what to change. Exit code {@value #USAGE}. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
        CrmApplication application;
        try {
            application = CrmApplication.open(open(), Clock.systemUTC());
        } catch (StorageFactory.BadDatabaseException | StorageException e) {
            err().println("cannot open the database: " + e.getMessage());
            err().flush();
            return USAGE;
        }
        try (CrmApplication app = application) {
            return run(app);
        } catch (UsageException e) {
            err().println(e.getMessage());
            return USAGE;
        } catch (AccessDeniedException e) {
            err().println("not allowed: " + e.getMessage());
            return USAGE;
        } catch (ValidationException | ConflictException | NotFoundException e) {
            // the job's own request was refused (a bad e-mail for users add, a taken one): nothing was done
            err().println(e.getMessage());
            return USAGE;
        } catch (CrmException e) {
            // the database failed part way (StorageException): what was committed before stays
            err().println("failed: " + e.getMessage());
            return PARTLY;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** The database of {@code --db}, which must exist: a mistyped name is an error, not a new empty database. */
    protected StorageFactory.Opened open() {
        return StorageFactory.open(db, false);
    }

    protected abstract int run(CrmApplication app) throws Exception;

    /** The operations of the {@code --as} user. */
    protected CrmSession session(CrmApplication app) {
        try {
            return app.crm().as(as);
        } catch (AccessDeniedException | ValidationException e) {
            throw new UsageException("--as " + as + ": " + e.getMessage());
        }
    }
}
