-- SectorCRM schema, version 7, SQLite: the outbox consumers' cursors and leases.
--
-- One row per consumer (an e-mail notifier, a webhook endpoint): the last outbox sequence it handled,
-- the node that holds its lease and until when, and the back-off after a failure. Times are epoch
-- milliseconds of the dispatcher's clock, so that a test's clock and every node compare alike.

CREATE TABLE crm_consumer (
    name        TEXT    NOT NULL PRIMARY KEY,
    cursor_seq  INTEGER NOT NULL CHECK (cursor_seq >= 0),
    lease_owner TEXT,
    lease_until INTEGER NOT NULL,
    failures    INTEGER NOT NULL CHECK (failures >= 0),
    retry_at    INTEGER NOT NULL,
    last_error  TEXT,
    updated_at  INTEGER NOT NULL
) STRICT;
