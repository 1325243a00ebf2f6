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
        int rc = new CommandLine(new SectorCrmCli()).execute("serve", "--port", "0");
        assertThat(rc).isEqualTo(2);
    }

    @Test
    void thereIsNoDefaultOrWeakAdminPassword() throws Exception {
        try (CrmApplication app = new CrmApplication(StorageFactory.inMemory(), Clock.systemUTC())) {
            assertThatThrownBy(() -> app.initialise(null, "admin@board.example", false, 1)).hasMessageContaining("--admin-password");
            assertThatThrownBy(() -> app.initialise("short".toCharArray(), "admin@board.example", false, 1))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("password");
            assertThat(app.isEmpty()).isTrue();
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
