package org.sectorcrm.caffeine.internal;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;

/**
 * Caffeine's statistics, counted where they mean what a reader of {@link CacheStats} expects. Caffeine would
 * count the guarded {@code compute} that puts a loaded value as a load of its own and an entry ignored after
 * a flush as a hit, so hits, misses and loads are counted by {@link AggregateCache}; Caffeine only reports
 * evictions (by size and by expiry).
 */
final class CacheCounters implements StatsCounter {
    private final ConcurrentStatsCounter counts = new ConcurrentStatsCounter();

    void hit() {
        counts.recordHits(1);
    }

    void miss() {
        counts.recordMisses(1);
    }

    void loaded(long nanos) {
        counts.recordLoadSuccess(nanos);
    }

    /** A load that threw or found nothing (Caffeine's convention: a load returning null is a failure). */
    void loadFailed(long nanos) {
        counts.recordLoadFailure(nanos);
    }

    @Override
    public void recordHits(int count) {
        // counted by AggregateCache (see the class comment)
    }

    @Override
    public void recordMisses(int count) {
        // counted by AggregateCache
    }

    @Override
    public void recordLoadSuccess(long loadTime) {
        // Caffeine reports the guarded compute here; real loads are counted by AggregateCache
    }

    @Override
    public void recordLoadFailure(long loadTime) {
        // as recordLoadSuccess
    }

    @Override
    public void recordEviction(int weight, RemovalCause cause) {
        counts.recordEviction(weight, cause);
    }

    @Override
    public CacheStats snapshot() {
        return counts.snapshot();
    }
}
