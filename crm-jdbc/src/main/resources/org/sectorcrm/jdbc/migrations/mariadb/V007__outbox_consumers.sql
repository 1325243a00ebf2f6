-- SectorCRM schema, version 7, MariaDB: the outbox consumers' cursors and leases.
--
-- One row per consumer (an e-mail notifier, a webhook endpoint): the last outbox sequence it handled,
-- the node that holds its lease and until when, and the back-off after a failure. Times are epoch
-- milliseconds of the dispatcher's clock, so that a test's clock and every node compare alike.
-- Idempotent, as every MariaDB script: DDL commits as it goes, so a run interrupted half-way is run again.

SET SESSION innodb_ft_enable_stopword = OFF; -- first, as in every MariaDB script (MigrationScriptsTest holds them to it)

CREATE TABLE IF NOT EXISTS crm_consumer (
    name        VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    cursor_seq  BIGINT       NOT NULL CHECK (cursor_seq >= 0),
    lease_owner VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin,
    lease_until BIGINT       NOT NULL,
    failures    INTEGER      NOT NULL CHECK (failures >= 0),
    retry_at    BIGINT       NOT NULL,
    last_error  TEXT,
    updated_at  BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
