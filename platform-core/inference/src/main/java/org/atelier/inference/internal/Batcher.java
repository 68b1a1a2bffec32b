package org.atelier.inference.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.atelier.api.ModelUnavailableException;
import org.atelier.api.OverloadedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching for one model, as DJL Serving and Triton do it: texts from any number of callers wait in one
 * bounded queue; each worker takes the first, gathers more until the batch is full or the first has waited
 * {@code maxDelay}, runs them together and hands every caller its own vectors. With a delay of 0 a worker takes what
 * is waiting: under load, batches fill while the workers are busy; alone, a text never waits.
 *
 * <p>At most {@code workerCount} batches are in the model at once. A caller whose texts find nothing waiting and a
 * worker's share free runs them on its own thread ({@link #submitOrRun}): the lone request skips the hand-off to a
 * worker and back, two thread wake-ups that cost most on a busy machine.
 */
final class Batcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);

    /** One text waiting for its vector. */
    static final class Item {
        final String text;
        final long enqueued = System.nanoTime();
        final CompletableFuture<Result> result = new CompletableFuture<>();

        Item(String text) {
            this.text = text;
        }
    }

    /** One text's outcome. */
    record Result(float[] vector, int tokens, boolean truncated) {
    }

    /** Runs one batch. */
    @FunctionalInterface
    interface Runner {
        EmbeddingModel.Batch run(List<String> texts) throws Exception;
    }

    private final String model;
    private final BlockingQueue<Item> queue;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final Runner runner;
    private final ModelMetrics metrics;
    private final List<Thread> workers = new ArrayList<>();
    /** One permit per worker: a batch runs only with one, on a worker or on its caller's thread. */
    private final Semaphore running;
    private final int permits;
    private volatile boolean closed;

    Batcher(String model, int queueSize, int maxBatch, int maxDelayMs, int workerCount, Runner runner,
            ModelMetrics metrics) {
        this.model = model;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueSize));
        this.maxBatch = Math.max(1, maxBatch);
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, maxDelayMs));
        this.runner = runner;
        this.metrics = metrics;
        this.permits = Math.max(1, workerCount);
        this.running = new Semaphore(permits);
        for (int i = 0; i < permits; i++) {
            Thread worker = new Thread(this::work, "atelier-batcher-" + model + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Queues texts; all or none are queued.
     *
     * @throws OverloadedException when the queue has no room for them
     */
    List<Item> submit(List<String> texts) {
        List<Item> items = new ArrayList<>(texts.size());
        synchronized (queue) {
            if (closed) {
                throw new ModelUnavailableException("model " + model + " is unloading");
            }
            if (queue.remainingCapacity() < texts.size()) {
                metrics.rejected();
                throw new OverloadedException("model " + model + " has " + queue.size() + " texts waiting", 1);
            }
            for (String t : texts) {
                Item item = new Item(t);
                queue.add(item);
                items.add(item);
            }
        }
        return items;
    }

    /**
     * Runs the texts at once on the calling thread when nothing is waiting, they fit in one batch and a worker's
     * share is free; otherwise queues them as {@link #submit} does. Either way the items it returns complete as
     * {@link #submit}'s do (already, when they ran here).
     *
     * @throws OverloadedException when they are queued and the queue has no room for them
     */
    List<Item> submitOrRun(List<String> texts) {
        List<Item> items = new ArrayList<>(texts.size());
        synchronized (queue) {
            if (closed) {
                throw new ModelUnavailableException("model " + model + " is unloading");
            }
            if (!queue.isEmpty() || texts.size() > maxBatch || !running.tryAcquire()) {
                return submit(texts);
            }
        }
        try {
            for (String t : texts) {
                items.add(new Item(t));
            }
            run(items);
        } finally {
            running.release();
        }
        return items;
    }

    int waiting() {
        return queue.size();
    }

    private void work() {
        List<Item> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = first.enqueued + maxDelayNanos;
                while (batch.size() < maxBatch) {
                    Item next = queue.poll();
                    if (next == null) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                    }
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                // what was already taken still runs, below
            }
            if (!batch.isEmpty()) {
                running.acquireUninterruptibly();
                try {
                    run(batch);
                } finally {
                    running.release();
                }
                batch.clear();
            }
        }
    }

    private void run(List<Item> batch) {
        long start = System.nanoTime();
        List<String> texts = new ArrayList<>(batch.size());
        for (Item i : batch) {
            texts.add(i.text);
            metrics.queueWait(start - i.enqueued);
        }
        try {
            EmbeddingModel.Batch out = runner.run(texts);
            metrics.batch(batch.size(), System.nanoTime() - start);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result.complete(new Result(out.vectors()[i], out.tokens()[i], out.truncated()[i]));
            }
        } catch (Exception | LinkageError e) {
            metrics.error();
            LOG.error("Batch of {} texts failed on model {}", batch.size(), model, e);
            for (Item i : batch) {
                i.result.completeExceptionally(new ModelUnavailableException("model " + model + " failed to run"));
            }
        }
    }

    /**
     * Stops taking texts, lets the batches already taken (by workers or callers) finish (the model must stay open until this returns) and
     * fails the texts still waiting.
     */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
        }
        // no interrupt: a worker sees the flag within its 200 ms poll, and a batch in the model runs to its end
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        // and for the batches callers run themselves (no new one starts once closed is set)
        running.acquireUninterruptibly(permits);
        running.release(permits);
        Item left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(new ModelUnavailableException("model " + model + " was unloaded"));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
