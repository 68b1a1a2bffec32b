package org.atelier.runtime.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One registered generator service: its descriptor, its concurrency permits and the calls in flight, so that a
 * leaving generator can refuse new calls and let running ones finish.
 */
final class Slot {

    enum Entry { ENTERED, BUSY, LEAVING }

    final Generator<Object> generator;
    final GeneratorDescriptor<Object> descriptor;
    final long serviceId;
    final int ranking;
    final String bundle;
    final ClassLoader loader;
    final int maxConcurrent;
    final long maxInputBytes;
    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean leaving;
    private volatile ObjectNode schema;

    @SuppressWarnings("unchecked")
    Slot(Generator<?> generator, GeneratorDescriptor<?> descriptor, long serviceId, int ranking, String bundle,
         ClassLoader loader, int maxConcurrent, long maxInputBytes) {
        this.generator = (Generator<Object>) generator;
        this.descriptor = (GeneratorDescriptor<Object>) descriptor;
        this.serviceId = serviceId;
        this.ranking = ranking;
        this.bundle = bundle;
        this.loader = loader;
        this.maxConcurrent = maxConcurrent;
        this.maxInputBytes = maxInputBytes;
        this.permits = new Semaphore(maxConcurrent);
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
        if (!permits.tryAcquire()) {
            return Entry.BUSY;
        }
        inFlight.incrementAndGet();
        if (leaving) {
            exit();
            return Entry.LEAVING;
        }
        return Entry.ENTERED;
    }

    void exit() {
        inFlight.decrementAndGet();
        permits.release();
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
        return s;
    }
}
