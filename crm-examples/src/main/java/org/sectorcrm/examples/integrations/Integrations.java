package org.sectorcrm.examples.integrations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.sectorcrm.core.Crm;
import org.sectorcrm.examples.webhooks.WebhookEndpoint;
import org.sectorcrm.examples.webhooks.Webhooks;
import org.sectorcrm.jdbc.JdbcCrmStorage;
import org.sectorcrm.jdbc.outbox.OutboxDispatcher;

/**
 * The server's outbox consumers on one SQL store: the webhooks and any other consumer added with {@link #add}, polled
 * by one daemon thread every {@code interval}. Each consumer keeps its own cursor and lease in the database
 * ({@link OutboxDispatcher}), so several server nodes on one PostgreSQL or MariaDB database can all run this poller:
 * a lease lets one node at a time work on a consumer, and a node that restarts goes on where the cursor stands.
 */
public final class Integrations implements AutoCloseable {
    /** Failures in a row after which a webhook endpoint is switched off. */
    public static final int WEBHOOK_DISABLE_AFTER = 15;
    private static final System.Logger LOG = System.getLogger(Integrations.class.getName());

    private final ServerTables tables;
    private final OutboxDispatcher outbox;
    private final Webhooks webhooks;
    private final List<Runnable> consumers = new ArrayList<>();
    private ScheduledExecutorService poller;

    /**
     * @param node       this server node's name in the consumers' leases (unique per node)
     * @param onDisabled told of each webhook endpoint switched off after repeated failure
     */
    public Integrations(Crm crm, JdbcCrmStorage storage, String jdbcUrl, String node, Clock clock, Consumer<WebhookEndpoint> onDisabled) {
        this.tables = new ServerTables(jdbcUrl);
        try {
            this.outbox = OutboxDispatcher.builder().storage(storage).node(node).clock(clock).build();
            this.webhooks = new Webhooks(crm, tables, outbox, clock, WEBHOOK_DISABLE_AFTER, onDisabled);
        } catch (RuntimeException e) {
            tables.close();
            throw e;
        }
        consumers.add(webhooks::pollAll);
    }

    public ServerTables tables() {
        return tables;
    }

    public OutboxDispatcher outbox() {
        return outbox;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** Adds a consumer's poll to each round; only before {@link #start}. */
    public synchronized Integrations add(Runnable poll) {
        if (poller != null) {
            throw new IllegalStateException("consumers are added before the poller starts");
        }
        consumers.add(poll);
        return this;
    }

    /** One round over every consumer, on the caller's thread; a consumer that throws does not stop the others. */
    public void pollNow() {
        for (Runnable c : consumers) {
            try {
                c.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an outbox consumer failed this round; it is retried on the next", e);
            }
        }
    }

    /** Starts polling every {@code interval} on a daemon thread (a round that overruns delays the next, never overlaps). */
    public synchronized Integrations start(Duration interval) {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sectorcrm-outbox");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::pollNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tables.close();
    }
}
