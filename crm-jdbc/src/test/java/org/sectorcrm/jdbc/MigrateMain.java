package org.sectorcrm.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.sectorcrm.jdbc.internal.MigrationRunner;
import org.sectorcrm.jdbc.internal.SqlDialect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A node starting up, for {@code MigrationTestBase}: connects, prints {@code ready}, waits for a line on
 * standard input (so that several nodes migrate at the same moment), migrates and prints what it applied.
 *
 * <p>Arguments: {@code dialect url [user password schema]}.
 */
public final class MigrateMain {
    private MigrateMain() {
    }

    public static void main(String[] args) throws Exception {
        Dialect dialect = Dialect.valueOf(args[0]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        String schema = null;
        if (args.length > 2) {
            config.setUsername(args[2]);
            config.setPassword(args[3]);
            schema = args[4];
        }
        try (HikariDataSource ds = new HikariDataSource(config)) {
            MigrationRunner runner = new MigrationRunner(ds, SqlDialect.of(dialect, schema));
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            String applied = runner.migrate().stream().map(s -> Integer.toString(s.version())).collect(Collectors.joining(","));
            System.out.println("applied [" + applied + "]");
            System.out.flush();
        }
    }
}
