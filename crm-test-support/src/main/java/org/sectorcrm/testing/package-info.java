/**
 * The test-database harness shared by the modules that test against real databases: one SQLite directory,
 * PostgreSQL schema or MariaDB database per test class, created and dropped by a JUnit 5 extension
 * ({@link org.sectorcrm.testing.TestDatabase}), skipped loudly when a server is absent, failing instead under
 * {@code -Dcrm.requireAll=true} ({@link org.sectorcrm.testing.SkipWhenServerIsAbsent} does the same for jqwik).
 */
package org.sectorcrm.testing;
