package org.atelier.runtime.internal;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One registered generator service: its descriptor, its limits and the calls in flight, so that a leaving generator
 * can refuse new calls and let running ones finish. Limits can change while calls run; the count of calls in flight
 * is the one gate for both the concurrency limit and draining.
 */
final class Slot {

    enum Entry { ENTERED, BUSY, LEAVING }

    final Generator<Object> generator;
    final GeneratorDescriptor<Object> descriptor;
    final long serviceId;
    final int ranking;
    final String bundle;
    final ClassLoader loader;
    volatile int maxConcurrent;
    volatile long maxInputBytes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean leaving;
    private volatile ObjectNode schema;
    /** Jobs of a long-running generator running now, to cancel if they outlast the drain. */
    final Set<JobRecord> running = ConcurrentHashMap.newKeySet();
    private ThreadPoolExecutor executor;

    @SuppressWarnings("unchecked")
    Slot(Generator<?> generator, GeneratorDescriptor<?> descriptor, long serviceId, int ranking, String bundle,
         ClassLoader loader, int maxConcurrent, long maxInputBytes) {
        this.generator = (Generator<Object>) generator;
        this.descriptor = (GeneratorDescriptor<Object>) descriptor;
        this.serviceId = serviceId;
        this.ranking = ranking;
        this.bundle = bundle;
        this.loader = loader;
        limits(maxConcurrent, maxInputBytes);
    }

    void limits(int newMaxConcurrent, long newMaxInputBytes) {
        this.maxConcurrent = newMaxConcurrent;
        this.maxInputBytes = newMaxInputBytes;
        synchronized (this) {
            if (executor != null) {
                if (newMaxConcurrent > executor.getMaximumPoolSize()) {
                    executor.setMaximumPoolSize(newMaxConcurrent);
                    executor.setCorePoolSize(newMaxConcurrent);
                } else {
                    executor.setCorePoolSize(newMaxConcurrent);
                    executor.setMaximumPoolSize(newMaxConcurrent);
                }
            }
        }
    }

    /** The workers of a long-running generator: {@code maxConcurrent} threads and a bounded queue. */
    synchronized ThreadPoolExecutor executor(int queueSize) {
        if (executor == null) {
            executor = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(Math.max(1, queueSize)), r -> {
                        Thread t = new Thread(r, "atelier-job-" + qualifiedId());
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
        }
        return executor;
    }

    /** Enters for a queued job: refused only when leaving (the executor already bounds concurrency). */
    boolean enterJob() {
        if (leaving) {
            return false;
        }
        inFlight.incrementAndGet();
        if (leaving) {
            exit();
            return false;
        }
        return true;
    }

    synchronized void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    String qualifiedId() {
        return descriptor.qualifiedId();
    }

    boolean leaving() {
        return leaving;
    }

    Entry tryEnter() {
        if (leaving) {
            return Entry.LEAVING;
        }
        for (int n = inFlight.get(); ; n = inFlight.get()) {
            if (n >= maxConcurrent) {
                return Entry.BUSY;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                break;
            }
        }
        if (leaving) {
            exit();
            return Entry.LEAVING;
        }
        return Entry.ENTERED;
    }

    void exit() {
        inFlight.decrementAndGet();
        synchronized (this) {
            notifyAll();
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    /**
     * Refuses new calls and waits for the running ones.
     *
     * @return {@code true} when none is left running
     */
    boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        leaving = true;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    ObjectNode schema(InputBinder binder) {
        ObjectNode s = schema;
        if (s == null) {
            s = binder.schema(descriptor.inputType());
            schema = s;
        }
        // the limits are asked each time: a configured value shows as it is now
        return InputBinder.withLimits(s, descriptor.inputLimits());
    }
}
