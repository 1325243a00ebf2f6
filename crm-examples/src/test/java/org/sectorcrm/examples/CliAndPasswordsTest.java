package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.examples.accounts.Passwords;

import picocli.CommandLine;

class CliAndPasswordsTest {
    @Test
    void anEmptyDatabaseWithoutAnAdminPasswordRefusesToStart() {
        assumeTrue(System.getenv(CrmApplication.ADMIN_PASSWORD_ENV) == null, "the environment sets an admin password");
        TestDatabases.Database database = TestDatabases.sqlite();
        try {
            int rc = SectorCrmCli.commandLine().execute("serve", "--port", "0", "--db", database.db());
            assertThat(rc).isEqualTo(2);
        } finally {
            database.drop();
        }
    }

    @Test
    void thereIsNoDefaultOrWeakAdminPassword() throws Exception {
        TestDatabases.Database database = TestDatabases.sqlite();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            assertThatThrownBy(() -> app.initialise(null, "admin@board.example", false, 1)).hasMessageContaining("--admin-password");
            assertThatThrownBy(() -> app.initialise("short".toCharArray(), "admin@board.example", false, 1))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("password");
            assertThat(app.isEmpty()).isTrue();
        } finally {
            database.drop();
        }
    }

    @Test
    void passwordHashesAreSaltedAndVerifyOnlyTheRightPassword() {
        Passwords.Hash a = Passwords.hash("correct horse battery".toCharArray());
        Passwords.Hash b = Passwords.hash("correct horse battery".toCharArray());
        assertThat(a.iterations()).isEqualTo(600_000);
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
        assertThat(Passwords.verify("correct horse battery".toCharArray(), a)).isTrue();
        assertThat(Passwords.verify("correct horse batterz".toCharArray(), a)).isFalse();
    }

    @Test
    void usageListsTheSubcommands() {
        StringWriter out = new StringWriter();
        new CommandLine(new SectorCrmCli()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(out.toString()).contains("serve").contains("users");
    }
}
