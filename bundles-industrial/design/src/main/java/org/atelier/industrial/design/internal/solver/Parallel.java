package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs index ranges on an own fork-join pool of a given parallelism. Work is cut into chunks that depend only on the
 * size and grain, never on the thread count, so sums are reproducible whatever the parallelism.
 */
final class Parallel implements AutoCloseable {
    /** A body over the index range [from, to). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** A partial sum over the index range [from, to). */
    @FunctionalInterface
    interface RangeSum {
        double sum(int from, int to);
    }

    private final ForkJoinPool pool;

    Parallel(int parallelism) {
        pool = parallelism > 1 ? new ForkJoinPool(parallelism) : null;
    }

    boolean isSequential() {
        return pool == null;
    }

    /** Runs body over [0, n) in chunks of {@code grain} indices. */
    void range(int n, int grain, Range body) {
        int chunks = (n + grain - 1) / grain;
        if (pool == null || chunks <= 1) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        List<RecursiveAction> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = c * grain;
            int to = Math.min(n, from + grain);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(from, to);
                }
            });
        }
        pool.invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(tasks);
            }
        });
    }

    /** The sum of body over [0, n), added chunk by chunk in order. */
    double sum(int n, int grain, RangeSum body) {
        int chunks = Math.max(1, (n + grain - 1) / grain);
        double[] partial = new double[chunks];
        range(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                partial[c] = body.sum(c * grain, Math.min(n, (c + 1) * grain));
            }
        });
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
