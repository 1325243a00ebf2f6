package org.sectorcrm.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, is sent then (or as soon as the
 * generator can, when it is late), and its latency is taken from the time it was <em>due</em>, not sent. A server that
 * stalls therefore shows its stall in every request that should have been sent meanwhile (the correction for
 * coordinated omission), instead of the generator politely waiting for it. At most {@value #MAX_IN_FLIGHT} requests are
 * outstanding; beyond that the generator waits, and the waiting counts in the latency of the requests it delays.
 */
final class FixedRate {
    static final int MAX_IN_FLIGHT = 512;

    private FixedRate() {
    }

    record Result(long sent, long failed, Histogram histogram) {
        double millis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }

        double maxMillis() {
            return histogram.getMaxValue() / 1e6;
        }
    }

    static Result run(HttpClient client, Supplier<HttpRequest> requests, int rate, Duration duration) throws InterruptedException {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long period = 1_000_000_000L / rate;
        long count = duration.toNanos() / period;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = System.nanoTime() - due;
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                synchronized (histogram) {
                    histogram.recordValue(Math.min(latency, histogram.getHighestTrackableValue()));
                }
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still unanswered 60 s after the last was sent at " + rate + " req/s");
        }
        synchronized (histogram) {
            return new Result(count, failed.get(), histogram.copy());
        }
    }
}
