-- SectorCRM schema, version 7, PostgreSQL: the outbox consumers' cursors and leases.
--
-- One row per consumer (an e-mail notifier, a webhook endpoint): the last outbox sequence it handled,
-- the node that holds its lease and until when, and the back-off after a failure. Times are epoch
-- milliseconds of the dispatcher's clock, so that a test's clock and every node compare alike.
-- The runner applies the whole script in one transaction.

CREATE TABLE crm_consumer (
    name        text    COLLATE "C" PRIMARY KEY,
    cursor_seq  bigint  NOT NULL CHECK (cursor_seq >= 0),
    lease_owner text    COLLATE "C",
    lease_until bigint  NOT NULL,
    failures    integer NOT NULL CHECK (failures >= 0),
    retry_at    bigint  NOT NULL,
    last_error  text,
    updated_at  bigint  NOT NULL
);
