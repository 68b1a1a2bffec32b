package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atelier.api.ModelDescriptor;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A text embedding model loaded into ONNX Runtime with its Hugging Face tokenizer: one call embeds a batch,
 * padded to its longest text, pooled as the model prescribes (masked mean or CLS) and normalised.
 */
final class EmbeddingModel implements AutoCloseable {

    private final ModelDescriptor descriptor;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTypeIds;
    private final String output;

    EmbeddingModel(ModelDescriptor descriptor, byte[] onnx, InputStream tokenizerJson, int intraOpThreads,
                   int interOpThreads) throws IOException, OrtException {
        this.descriptor = descriptor;
        this.env = OrtEnvironment.getEnvironment();
        Map<String, String> options = new HashMap<>();
        options.put("truncation", "true");
        options.put("padding", "false");
        options.put("maxLength", Integer.toString(descriptor.maxTokens()));
        // DJL finds its native tokenizer library through the context class loader: the engine bundle's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HuggingFaceTokenizer.class.getClassLoader());
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, options);
        } finally {
            thread.setContextClassLoader(previous);
        }
        OrtSession s = null;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors());
            so.setInterOpNumThreads(Math.max(1, interOpThreads));
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            s = env.createSession(onnx, so);
            Set<String> inputs = s.getInputNames();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
                throw new IOException("the model takes " + inputs + "; a text embedding model takes input_ids and "
                        + "attention_mask");
            }
            this.wantsTypeIds = inputs.contains("token_type_ids");
            this.output = s.getOutputNames().iterator().next();
            this.session = s;
        } catch (IOException | OrtException | RuntimeException e) {
            if (s != null) {
                s.close();
            }
            tokenizer.close();
            throw e;
        }
    }

    ModelDescriptor descriptor() {
        return descriptor;
    }

    /** The outcome of one batch. */
    record Batch(float[][] vectors, int[] tokens, boolean[] truncated) {
    }

    /**
     * Embeds texts. They are tokenized together, ordered by length and run in sub-batches of about equal length, so
     * that little compute goes to padding.
     */
    Batch embed(List<String> texts, int subBatch) throws OrtException {
        int n = texts.size();
        Encoding[] encodings = tokenizer.batchEncode(texts);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> encodings[i].getIds().length));
        float[][] vectors = new float[n][];
        int[] tokens = new int[n];
        boolean[] truncated = new boolean[n];
        int step = Math.max(1, subBatch);
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            Encoding[] part = new Encoding[to - from];
            for (int k = from; k < to; k++) {
                part[k - from] = encodings[order[k]];
            }
            float[][] out = run(part);
            for (int k = from; k < to; k++) {
                int i = order[k];
                vectors[i] = out[k - from];
                tokens[i] = encodings[i].getIds().length;
                truncated[i] = encodings[i].exceedMaxLength();
            }
        }
        return new Batch(vectors, tokens, truncated);
    }

    /** One ONNX Runtime call for encodings padded to the longest of them. */
    private float[][] run(Encoding[] encodings) throws OrtException {
        int n = encodings.length;
        int seq = 1;
        for (Encoding e : encodings) {
            seq = Math.max(seq, e.getIds().length);
        }
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        long[] types = new long[n * seq];
        for (int i = 0; i < n; i++) {
            Encoding e = encodings[i];
            System.arraycopy(e.getIds(), 0, ids, i * seq, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, i * seq, e.getAttentionMask().length);
            System.arraycopy(e.getTypeIds(), 0, types, i * seq, e.getTypeIds().length);
        }
        long[] shape = {n, seq};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxValue value = result.get(0);
                return pool(value.getValue(), mask, n, seq);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[][] pool(Object value, long[] mask, int n, int seq) {
        float[][] out;
        if (value instanceof float[][][] hidden) {
            out = new float[n][];
            for (int i = 0; i < n; i++) {
                out[i] = "cls".equals(descriptor.pooling()) ? hidden[i][0].clone() : meanPool(hidden[i], mask, i * seq);
            }
        } else if (value instanceof float[][] pooled) {
            out = pooled;
        } else {
            throw new IllegalStateException("the model's output is neither [batch, tokens, dims] nor [batch, dims]");
        }
        for (float[] v : out) {
            if (v.length != descriptor.dimensions()) {
                throw new IllegalStateException("the model makes " + v.length + "-d vectors, its descriptor says "
                        + descriptor.dimensions());
            }
            if (descriptor.normalize()) {
                Vectors.normalize(v);
            }
        }
        return out;
    }

    private static float[] meanPool(float[][] tokens, long[] mask, int offset) {
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[offset + t] != 0) {
                float[] x = tokens[t];
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += x[d];
                }
                count++;
            }
        }
        float inv = 1f / Math.max(1, count);
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= inv;
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing more to release
        }
        tokenizer.close();
    }
}
