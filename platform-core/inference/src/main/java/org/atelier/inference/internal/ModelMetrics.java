package org.atelier.inference.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/** Counters and histograms of one model, written in the Prometheus text format. */
final class ModelMetrics {

    static final int[] BATCH_BOUNDS = {1, 2, 4, 8, 16, 32, 64, 128};
    static final double[] SECONDS_BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    final AtomicLong requests = new AtomicLong();
    final AtomicLong texts = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    private final Histogram batchSize = new Histogram(toDouble(BATCH_BOUNDS));
    private final Histogram queueWait = new Histogram(SECONDS_BOUNDS);
    private final Histogram inference = new Histogram(SECONDS_BOUNDS);

    void request(int n) {
        requests.incrementAndGet();
        texts.addAndGet(n);
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void error() {
        errors.incrementAndGet();
    }

    void queueWait(long nanos) {
        queueWait.observe(nanos / 1e9);
    }

    void batch(int size, long nanos) {
        batchSize.observe(size);
        inference.observe(nanos / 1e9);
    }

    static void header(StringBuilder out) {
        help(out, "atelier_inference_requests_total", "counter", "Embedding requests");
        help(out, "atelier_inference_texts_total", "counter", "Texts embedded or asked for");
        help(out, "atelier_inference_errors_total", "counter", "Failed model calls");
        help(out, "atelier_inference_rejected_total", "counter", "Requests refused because the queue was full");
        help(out, "atelier_inference_batch_size", "histogram", "Texts per model call");
        help(out, "atelier_inference_queue_wait_seconds", "histogram", "Time a text waited for its batch");
        help(out, "atelier_inference_seconds", "histogram", "Time of one model call");
        help(out, "atelier_inference_model_loaded_bytes", "gauge", "Resident memory the process grew by loading the model");
        help(out, "atelier_inference_model_weights_bytes", "gauge", "Size of the model file");
        help(out, "atelier_inference_queue_length", "gauge", "Texts waiting now");
    }

    void write(StringBuilder out, String model) {
        String l = "{model=\"" + model + "\"}";
        out.append("atelier_inference_requests_total").append(l).append(' ').append(requests.get()).append('\n');
        out.append("atelier_inference_texts_total").append(l).append(' ').append(texts.get()).append('\n');
        out.append("atelier_inference_errors_total").append(l).append(' ').append(errors.get()).append('\n');
        out.append("atelier_inference_rejected_total").append(l).append(' ').append(rejected.get()).append('\n');
        batchSize.write(out, "atelier_inference_batch_size", model);
        queueWait.write(out, "atelier_inference_queue_wait_seconds", model);
        inference.write(out, "atelier_inference_seconds", model);
    }

    private static void help(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static double[] toDouble(int[] xs) {
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            d[i] = xs[i];
        }
        return d;
    }

    /** A cumulative Prometheus histogram. */
    static final class Histogram {
        private final double[] bounds;
        private final AtomicLongArray counts;
        private final AtomicLong count = new AtomicLong();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram(double[] bounds) {
            this.bounds = bounds;
            this.counts = new AtomicLongArray(bounds.length);
        }

        void observe(double v) {
            for (int i = 0; i < bounds.length; i++) {
                if (v <= bounds[i]) {
                    counts.incrementAndGet(i);
                }
            }
            count.incrementAndGet();
            sum.add(v);
        }

        long count() {
            return count.get();
        }

        void write(StringBuilder out, String name, String model) {
            for (int i = 0; i < bounds.length; i++) {
                out.append(name).append("_bucket{model=\"").append(model).append("\",le=\"")
                        .append(format(bounds[i])).append("\"} ").append(counts.get(i)).append('\n');
            }
            out.append(name).append("_bucket{model=\"").append(model).append("\",le=\"+Inf\"} ")
                    .append(count.get()).append('\n');
            out.append(name).append("_sum{model=\"").append(model).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", sum.sum())).append('\n');
            out.append(name).append("_count{model=\"").append(model).append("\"} ").append(count.get()).append('\n');
        }

        private static String format(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
