/**
 * Consumers of the outbox: {@link org.sectorcrm.jdbc.outbox.OutboxDispatcher} hands each committed domain event to a
 * named consumer's {@link org.sectorcrm.jdbc.outbox.EventHandler}, at least once, in commit order, with the consumer's
 * cursor, lease and back-off kept in the CRM database itself ({@code crm_consumer}, migration V007), so that a restart
 * goes on where it stopped and several nodes on one PostgreSQL or MariaDB database never hand the same event out twice
 * at the same time. It lives in crm-jdbc, next to the outbox it reads, so that an application embedding the SQL store
 * gets it without the standalone server. See {@code docs/integrations.md}.
 */
package org.sectorcrm.jdbc.outbox;
