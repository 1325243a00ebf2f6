package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.jdbc.internal.MigrationScript;

/**
 * Keeps docs/databases.md true: its Java snippets are the tagged regions ({@code // tag::name[]} ...
 * {@code // end::name[]}) of this class, which compiles them and runs those that need no server.
 */
class DatabasesDocTest {
    private static final Path DOC = repositoryRoot().resolve("docs/databases.md");

    @Test
    void theSqliteQuickStartAndTheOutboxConsumerRunAsShown(@TempDir Path dir) {
        String file = dir.resolve("crm.db").toString();
        // tag::sqlite[]
        try (JdbcCrmStorage storage = JdbcCrmStorage.builder().url("jdbc:sqlite:" + file).build()) {
            Crm crm = Crm.builder().storage(storage).build();
            StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
            CrmSession ada = crm.as(admin);
            ada.employers().create(Employer.named("Acme Tool & Die, Inc."));
        }
        // end::sqlite[]
        try (JdbcCrmStorage storage = JdbcCrmStorage.builder().url("jdbc:sqlite:" + file).build()) {
            Crm crm = Crm.builder().storage(storage).build();
            List<String> delivered = new java.util.ArrayList<>();
            long[] saved = {0};
            // tag::outbox[]
            long cursor = saved[0]; // the last sequence this integration processed, kept in its own storage
            while (true) {
                List<StoredEvent> batch = crm.events().after(cursor, 100);
                if (batch.isEmpty()) {
                    break; // poll again later
                }
                for (StoredEvent e : batch) {
                    delivered.add(e.event().recordType() + " " + e.event().recordId()); // send the e-mail, call the webhook...
                    cursor = e.sequence();
                    saved[0] = cursor; // remember it only after the event was handled: at least once, never skipped
                }
            }
            // end::outbox[]
            assertThat(delivered).isNotEmpty().last().asString().startsWith("employer ");
            assertThat(crm.events().after(saved[0], 100)).as("nothing after the saved cursor").isEmpty();
        }
    }

    /** Compiled, not run: it needs a PostgreSQL server. */
    static JdbcCrmStorage postgres(String password) {
        // tag::postgres[]
        return JdbcCrmStorage.builder()
                .url("jdbc:postgresql://db.example.org:5432/workforce")
                .user("sectorcrm").password(password)
                .schema("sectorcrm")                  // created by SchemaMode.MIGRATE when missing
                .maximumPoolSize(20)
                .build();
        // end::postgres[]
    }

    /** Compiled, not run: the DataSource is the embedding application's. */
    static JdbcCrmStorage embedded(DataSource applicationDataSource) {
        // tag::datasource[]
        // A DataSource the application owns (and closes). If it is transaction-aware, a connection that is already
        // in the application's transaction is joined: the CRM's writes commit or roll back with it.
        return JdbcCrmStorage.builder()
                .dataSource(applicationDataSource)
                .schemaMode(SchemaMode.VALIDATE)      // the DBA applies the scripts; the application only checks
                .build();
        // end::datasource[]
    }

    @Test
    void theDocShowsTheSnippetsAsCompiledAndTheShippedScripts() throws IOException {
        String doc = Files.readString(DOC);
        Path source = repositoryRoot().resolve("crm-jdbc/src/test/java/org/sectorcrm/jdbc/DatabasesDocTest.java");
        for (String tag : List.of("sqlite", "postgres", "datasource", "outbox")) {
            assertThat(doc).as("docs/databases.md shows the '%s' snippet as compiled in DatabasesDocTest", tag).contains(javaBlock(source, tag));
        }
        for (Dialect d : Dialect.values()) {
            for (MigrationScript s : MigrationScript.all(d)) {
                assertThat(doc).as("docs/databases.md lists %s/%s", d.folder(), s.fileName()).contains(s.fileName());
            }
        }
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/databases.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("docs/databases.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The tagged region of a source file, without its common indentation, as a fenced Java block. */
    static String javaBlock(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("// tag::" + tag + "[]")) {
                start = i;
            } else if (l.equals("// end::" + tag + "[]")) {
                end = i;
            }
        }
        assertThat(start).as("tag::%s in %s", tag, source).isNotNegative();
        assertThat(end).as("end::%s in %s", tag, source).isGreaterThan(start);
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder("```java\n");
        region.forEach(l -> sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return sb.append("```").toString();
    }
}
