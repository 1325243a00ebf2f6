package org.sectorcrm.caffeine.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.type.AggregateType;

/**
 * The committed aggregates last read, by (type, id), with the guard that keeps a load racing a write from
 * putting back what the write replaced.
 *
 * <p>Types given a size of their own have a Caffeine cache of their own; all other types share one. Nothing here
 * names a type: the sizes come keyed by descriptor.
 *
 * <p>Values only ever enter through {@link #find}, from a delegate read transaction, and writes only ever
 * remove entries. That keeps the argument short:
 * <ul>
 *   <li>Every write transaction, once the delegate's transaction has ended, takes the next number of
 *       {@link #writes}, raises the write mark of each written key's stripe to it, then removes the keys.</li>
 *   <li>A read transaction notes {@link #writes} <em>before</em> the delegate's read transaction starts (so before
 *       any snapshot the delegate takes). A value it loads is put only if no write marked the key's stripe, and no
 *       {@link #invalidateAll} happened, since then; the check and the put are one atomic {@code compute} on the key.</li>
 *   <li>So a stale value can be put only before the racing write's removal (which then removes it), never after:
 *       a check that runs after the write raised the mark sees it; a check that ran before it holds the key's lock,
 *       and the removal waits for that lock.</li>
 * </ul>
 * Stripes instead of one counter let loads of other keys stay cacheable while writes run; a write to a
 * key in the same stripe only costs an uncached load.
 */
public final class AggregateCache {
    private static final int STRIPES = 1024; // a power of two: the stripe is the spread hash's low bits

    /** The caches of the types with a size of their own; a type mapped to null caches nothing. */
    private final Map<AggregateType<?, ?, ?>, Cache<Key, Entry>> ownCaches = new IdentityHashMap<>();
    /** The cache of every other type; null when its size is 0. */
    private final Cache<Key, Entry> shared;
    private final List<Cache<Key, Entry>> caches = new ArrayList<>();
    private final CacheCounters counters = new CacheCounters();
    private final Ticker ticker;
    /** Numbers the write transactions (and flushes) in the order their invalidations start. */
    private final AtomicLong writes = new AtomicLong();
    /** Per stripe of keys: the number of the last write that touched a key in it. */
    private final AtomicLongArray stripeMarks = new AtomicLongArray(STRIPES);
    /** The number taken by the last {@link #invalidateAll}: entries loaded by reads that began before it are ignored. */
    private final AtomicLong flushedAt = new AtomicLong();

    /**
     * A cache key. The type is part of it so that ids of two types never meet, whatever their classes and text
     * (region and sector codes are both plain text); descriptors compare by identity.
     */
    public record Key(AggregateType<?, ?, ?> type, Id id) {
    }

    /** A cached aggregate and the {@link #writes} number its read transaction began at. */
    private record Entry(Aggregate<?> value, long readStart) {
    }

    /**
     * @param maximumSize the size of the cache shared by the types not in {@code sizes}
     * @param sizes the types with a cache of their own, and its size (0: that type is not cached)
     */
    public AggregateCache(long maximumSize, Map<AggregateType<?, ?, ?>, Long> sizes, Duration expireAfterWrite, Ticker ticker,
            Executor executor) {
        this.ticker = ticker != null ? ticker : Ticker.systemTicker();
        this.shared = build(maximumSize, expireAfterWrite, ticker, executor);
        sizes.forEach((type, size) -> ownCaches.put(type, build(size, expireAfterWrite, ticker, executor)));
    }

    private Cache<Key, Entry> build(long maximumSize, Duration expireAfterWrite, Ticker ticker, Executor executor) {
        if (maximumSize == 0) {
            return null; // rather than a Caffeine cache of 0, which may hold an entry until its eviction runs
        }
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximumSize).recordStats(() -> counters);
        if (expireAfterWrite != null) {
            builder.expireAfterWrite(expireAfterWrite);
        }
        if (ticker != null) {
            builder.ticker(ticker);
        }
        if (executor != null) {
            builder.executor(executor);
        }
        Cache<Key, Entry> cache = builder.build();
        caches.add(cache);
        return cache;
    }

    private Cache<Key, Entry> cacheOf(AggregateType<?, ?, ?> type) {
        return ownCaches.containsKey(type) ? ownCaches.get(type) : shared;
    }

    /** Where a read transaction begins: call before the delegate's read transaction starts. */
    public long readStart() {
        return writes.get();
    }

    /**
     * The aggregate of this type and id: the cached one, or else {@code load}'s, which is cached unless a write
     * since {@code readStart} may have made it stale.
     */
    @SuppressWarnings("unchecked") // the key's type fixes the value's class: only a T is ever cached under a T's type
    public <I extends Id, T extends Aggregate<I>> Optional<T> find(AggregateType<I, T, ?> type, I id, long readStart, Function<I, Optional<T>> load) {
        Cache<Key, Entry> cache = cacheOf(type);
        Key key = new Key(type, id);
        Entry entry = cache == null ? null : cache.getIfPresent(key);
        if (entry != null && entry.readStart() >= flushedAt.get()) {
            counters.hit();
            return Optional.of((T) entry.value());
        }
        counters.miss();
        long started = ticker.read();
        Optional<T> loaded;
        try {
            loaded = load.apply(id);
        } catch (RuntimeException | Error e) {
            counters.loadFailed(ticker.read() - started);
            throw e;
        }
        if (loaded.isEmpty()) {
            // Absence is not cached: another node may create the record any moment, and ids are rarely looked up
            // before they exist. Counted as Caffeine does a load that returns null.
            counters.loadFailed(ticker.read() - started);
            return loaded;
        }
        counters.loaded(ticker.read() - started);
        if (cache == null) {
            return loaded;
        }
        T value = loaded.get();
        int stripe = stripeOf(key);
        cache.asMap().compute(key, (k, present) -> {
            if (stripeMarks.get(stripe) > readStart || flushedAt.get() > readStart) {
                return present; // a write committed since this read began: the loaded value may be the one it replaced
            }
            if (present != null && present.readStart() >= flushedAt.get() && present.value().version() >= value.version()) {
                return present; // a concurrent load got here first with the same or a newer version
            }
            return new Entry(value, readStart);
        });
        return loaded;
    }

    /** After a write transaction ended (committed, rolled back or unknown): removes what it wrote. */
    public void invalidate(Collection<Key> written) {
        if (written.isEmpty()) {
            return;
        }
        long write = writes.incrementAndGet();
        for (Key key : written) {
            stripeMarks.accumulateAndGet(stripeOf(key), write, Math::max);
            Cache<Key, Entry> cache = cacheOf(key.type());
            if (cache != null) {
                cache.invalidate(key);
            }
        }
    }

    /** Empties the cache; a load that began before this call is not cached and an entry it left is ignored. */
    public void invalidateAll() {
        flushedAt.accumulateAndGet(writes.incrementAndGet(), Math::max);
        caches.forEach(Cache::invalidateAll);
    }

    public CacheStats stats() {
        return counters.snapshot();
    }

    /** About how many aggregates all the caches hold together. */
    public long estimatedSize() {
        return caches.stream().mapToLong(Cache::estimatedSize).sum();
    }

    static int stripeOf(Key key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
