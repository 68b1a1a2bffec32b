package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.atelier.api.InvalidInputException;
import org.atelier.api.ModelInfo;
import org.atelier.api.ModelRegistry;
import org.atelier.api.ModelUnavailableException;
import org.atelier.api.NoSuchModelException;
import org.atelier.api.TextEmbedder;
import org.atelier.api.GeneratorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models known from every source, loaded on first use, counted by open handles and unloaded when idle or asked.
 * A source (a bundle, the watched directory) reports its whole list at once; what it no longer lists goes away.
 */
final class Models implements ModelRegistry, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Models.class);

    /** The tunables {@link Models} reads. */
    record Settings(int maxBatchSize, int maxBatchDelayMs, int subBatchSize, int batchWorkers, int queueSize,
                    int maxInputs, int maxTextChars, int intraOpThreads, int interOpThreads, long idleUnloadMillis) {

        static Settings of(InferenceConfig c) {
            return new Settings(c.maxBatchSize(), c.maxBatchDelayMs(), c.subBatchSize(), c.batchWorkers(),
                    c.queueSize(), c.maxInputs(), c.maxTextChars(), c.intraOpThreads(), c.interOpThreads(),
                    TimeUnit.SECONDS.toMillis(Math.max(0, c.idleUnloadSeconds())));
        }

        int workers() {
            return batchWorkers > 0 ? batchWorkers : Runtime.getRuntime().availableProcessors();
        }

        int intraOp() {
            return intraOpThreads > 0 ? intraOpThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / workers());
        }
    }

    /** A model and, once loaded, its session and batcher. Guarded by itself. */
    private static final class Entry {
        final String id;
        final String sourceKey;
        final ModelFiles files;
        final String brokenReason;
        final ModelMetrics metrics;
        String state;
        String error;
        EmbeddingModel model;
        Batcher batcher;
        long loadedBytes;
        int users;
        long lastUsed = System.currentTimeMillis();
        boolean unloadWhenIdle;
        boolean removed;

        Entry(String id, String sourceKey, ModelFiles files, String brokenReason, ModelMetrics metrics) {
            this.id = id;
            this.sourceKey = sourceKey;
            this.files = files;
            this.brokenReason = brokenReason;
            this.metrics = metrics;
            this.state = files == null ? "failed" : "available";
            this.error = brokenReason;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, ModelMetrics> metrics = new ConcurrentHashMap<>();
    private volatile Settings settings;

    Models(Settings settings) {
        this.settings = settings;
    }

    void settings(Settings s) {
        this.settings = s;
    }

    /** Replaces what a source provides. */
    void update(String sourceKey, List<BundleModels.Found> found) {
        List<String> ids = new ArrayList<>();
        for (BundleModels.Found f : found) {
            ids.add(f.id());
            Entry current = entries.get(f.id());
            if (current != null && !current.sourceKey.equals(sourceKey)) {
                LOG.warn("Model {} from {} is ignored: {} has it already", f.id(), sourceKey, current.sourceKey);
                continue;
            }
            if (current != null && current.files != null && f.files() != null
                    && current.files.version().equals(f.files().version())) {
                continue;
            }
            if (current != null && current.files == null && f.files() == null
                    && String.valueOf(current.brokenReason).equals(f.error())) {
                continue;
            }
            Entry next = new Entry(f.id(), sourceKey, f.files(), f.error(),
                    metrics.computeIfAbsent(f.id(), k -> new ModelMetrics()));
            Entry previous = entries.put(f.id(), next);
            if (previous != null) {
                unloadNow(previous, "replaced");
            }
            if (f.error() != null) {
                LOG.warn("Model {} from {} cannot be used: {}", f.id(), sourceKey, f.error());
            } else {
                LOG.info("Model {} from {} is available", f.id(), sourceKey);
            }
        }
        for (Entry e : List.copyOf(entries.values())) {
            if (e.sourceKey.equals(sourceKey) && !ids.contains(e.id)) {
                entries.remove(e.id, e);
                unloadNow(e, "removed");
                LOG.info("Model {} from {} is gone", e.id, sourceKey);
            }
        }
    }

    @Override
    public List<ModelInfo> list() {
        List<ModelInfo> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            out.add(info(e));
        }
        out.sort(Comparator.comparing(ModelInfo::id));
        return out;
    }

    @Override
    public ModelInfo describe(String id) {
        return info(entry(id));
    }

    @Override
    public ModelInfo load(String id) {
        Entry e = entry(id);
        synchronized (e) {
            ensureLoaded(e);
            e.lastUsed = System.currentTimeMillis();
            return info(e);
        }
    }

    @Override
    public ModelInfo unload(String id) {
        Entry e = entry(id);
        synchronized (e) {
            if (e.users > 0) {
                e.unloadWhenIdle = true;
            } else {
                release(e);
            }
            return info(e);
        }
    }

    @Override
    public TextEmbedder embedder(String id) {
        Entry e = entry(id);
        synchronized (e) {
            ensureLoaded(e);
            e.users++;
            e.unloadWhenIdle = false;
            return new Handle(e, e.batcher, info(e));
        }
    }

    /** Unloads loaded models nobody has used for the idle time. */
    void reap() {
        long idle = settings.idleUnloadMillis();
        if (idle <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Entry e : entries.values()) {
            synchronized (e) {
                if (e.model != null && e.users == 0 && now - e.lastUsed > idle) {
                    LOG.info("Unloading model {}: unused for {} s", e.id, idle / 1000);
                    release(e);
                }
            }
        }
    }

    void writeMetrics(StringBuilder out) {
        if (entries.isEmpty()) {
            return;
        }
        ModelMetrics.header(out);
        for (Entry e : entries.values()) {
            e.metrics.write(out, e.id);
            synchronized (e) {
                out.append("atelier_inference_model_loaded_bytes{model=\"").append(e.id).append("\"} ")
                        .append(e.model == null ? 0 : e.loadedBytes).append('\n');
                out.append("atelier_inference_model_weights_bytes{model=\"").append(e.id).append("\"} ")
                        .append(e.files == null ? 0 : e.files.weightsBytes()).append('\n');
                out.append("atelier_inference_queue_length{model=\"").append(e.id).append("\"} ")
                        .append(e.batcher == null ? 0 : e.batcher.waiting()).append('\n');
            }
        }
    }

    @Override
    public void close() {
        for (Entry e : List.copyOf(entries.values())) {
            entries.remove(e.id, e);
            unloadNow(e, "closing");
        }
    }

    private Entry entry(String id) {
        Entry e = id == null ? null : entries.get(id);
        if (e == null) {
            throw new NoSuchModelException(id == null ? "(none)" : id);
        }
        return e;
    }

    private void ensureLoaded(Entry e) {
        if (e.removed) {
            throw new ModelUnavailableException("model " + e.id + " was removed or replaced; retry");
        }
        if (e.model != null) {
            return;
        }
        if (e.files == null) {
            throw new ModelUnavailableException("model " + e.id + " cannot be used: " + e.brokenReason);
        }
        Settings s = settings;
        e.state = "loading";
        long before = residentBytes();
        EmbeddingModel model = null;
        try {
            byte[] onnx;
            try (InputStream in = e.files.openModel()) {
                onnx = in.readAllBytes();
            }
            try (InputStream tokenizer = e.files.openTokenizer()) {
                model = new EmbeddingModel(e.files.descriptor(), onnx, tokenizer, s.intraOp(), s.interOpThreads());
            }
            // one text through the model proves it runs and makes the first real call fast
            model.embed(List.of("warm up"), 1);
            EmbeddingModel loaded = model;
            int subBatch = s.subBatchSize();
            e.batcher = new Batcher(e.id, s.queueSize(), s.maxBatchSize(), s.maxBatchDelayMs(), s.workers(),
                    texts -> loaded.embed(texts, subBatch), e.metrics);
            e.model = model;
            e.loadedBytes = Math.max(0, residentBytes() - before);
            e.state = "loaded";
            e.error = null;
            LOG.info("Loaded model {} from {} ({} MB resident)", e.id, e.files.source(), e.loadedBytes >> 20);
        } catch (Exception | LinkageError | OutOfMemoryError x) {
            if (model != null) {
                model.close();
            }
            e.state = "failed";
            e.error = describe(x);
            LOG.error("Model {} from {} failed to load", e.id, e.files.source(), x);
            throw new ModelUnavailableException("model " + e.id + " cannot be loaded: " + e.error);
        }
    }

    private static String describe(Throwable x) {
        String m = x.getMessage();
        if (m == null || m.isBlank()) {
            return "the model files could not be read";
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static void release(Entry e) {
        if (e.batcher != null) {
            e.batcher.close();
            e.batcher = null;
        }
        if (e.model != null) {
            e.model.close();
            e.model = null;
        }
        e.loadedBytes = 0;
        e.unloadWhenIdle = false;
        if (e.files != null) {
            e.state = "available";
        }
    }

    private static void unloadNow(Entry e, String why) {
        synchronized (e) {
            if (e.model != null) {
                LOG.info("Unloading model {}: {}", e.id, why);
            }
            release(e);
            e.removed = true;
            e.state = e.files == null ? "failed" : "removed";
        }
    }

    private ModelInfo info(Entry e) {
        synchronized (e) {
            return new ModelInfo(e.id, e.files == null ? null : e.files.descriptor(), e.state, e.error,
                    e.files == null ? null : e.files.source(), e.files == null ? 0 : e.files.weightsBytes(),
                    e.model == null ? 0 : e.loadedBytes, e.users);
        }
    }

    /** Resident set size of this process, from /proc; 0 where there is none. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** A handle: validates, queues the texts and waits for their vectors. */
    private final class Handle implements TextEmbedder {
        private final Entry entry;
        private final Batcher batcher;
        private final ModelInfo info;
        private boolean closed;

        Handle(Entry entry, Batcher batcher, ModelInfo info) {
            this.entry = entry;
            this.batcher = batcher;
            this.info = info;
        }

        @Override
        public ModelInfo model() {
            return info;
        }

        @Override
        public int dimensions() {
            return info.descriptor().dimensions();
        }

        @Override
        public Embeddings embed(List<String> texts) {
            Settings s = settings;
            if (texts == null || texts.isEmpty()) {
                throw new InvalidInputException("input", "at least one text is needed");
            }
            int maxInputs = Math.min(s.maxInputs(), s.queueSize());
            if (texts.size() > maxInputs) {
                throw new InvalidInputException("input", "at most " + maxInputs + " texts in one request, got "
                        + texts.size());
            }
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i);
                if (t == null) {
                    throw new InvalidInputException("input[" + i + "]", "must be a string");
                }
                if (t.length() > s.maxTextChars()) {
                    throw new InvalidInputException("input[" + i + "]", "longer than " + s.maxTextChars()
                            + " characters");
                }
            }
            entry.metrics.request(texts.size());
            List<Batcher.Item> items = batcher.submitOrRun(texts);
            List<float[]> vectors = new ArrayList<>(items.size());
            List<Boolean> truncated = new ArrayList<>(items.size());
            int tokens = 0;
            try {
                for (Batcher.Item item : items) {
                    Batcher.Result r = item.result.get(120, TimeUnit.SECONDS);
                    vectors.add(r.vector());
                    truncated.add(r.truncated());
                    tokens += r.tokens();
                }
            } catch (ExecutionException x) {
                if (x.getCause() instanceof RuntimeException re
                        && (re instanceof GeneratorException || re instanceof ModelUnavailableException)) {
                    throw re;
                }
                throw new ModelUnavailableException("model " + entry.id + " failed to run");
            } catch (TimeoutException x) {
                throw new ModelUnavailableException("model " + entry.id + " did not answer within 120 s");
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new ModelUnavailableException("interrupted while waiting for model " + entry.id);
            }
            return new Embeddings(vectors, tokens, truncated);
        }

        @Override
        public void close() {
            synchronized (entry) {
                if (closed) {
                    return;
                }
                closed = true;
                entry.users--;
                entry.lastUsed = System.currentTimeMillis();
                if (entry.users == 0 && (entry.unloadWhenIdle || entry.removed)) {
                    release(entry);
                }
            }
        }
    }
}
