package org.atelier.benchmarks;

import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/**
 * How much compute batching saves for all-MiniLM-L6-v2 on this machine, in-process, one thread calling: embeddings
 * per second for batch sizes 1 to 64, with ONNX Runtime using 1 or 2 threads per call, and with each batch either run
 * whole (padded to its longest text) or ordered by length and run in calls of 4.
 *
 * <p>Arguments: {@code SENTENCES_CSV [seconds=3]}.
 */
public final class BatchEfficiency {

    public static void main(String[] args) throws Exception {
        List<String> sentences = EmbeddingsBenchmark.sentences(Path.of(args[0]));
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] onnx;
        HuggingFaceTokenizer tokenizer;
        try (InputStream model = BatchEfficiency.class.getResourceAsStream("/all-minilm-l6-v2.onnx");
             InputStream tok = BatchEfficiency.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            onnx = model.readAllBytes();
            tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false"));
        }
        int[] batches = {1, 4, 8, 16, 32, 64};
        System.out.println("| ORT threads per call | calls | " + String.join(" | ",
                Arrays.stream(batches).mapToObj(b -> "batch " + b).toArray(String[]::new)) + " |");
        System.out.println("|---|---|" + "---:|".repeat(batches.length));
        for (int threads : new int[] {1, 2}) {
            try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
                so.setIntraOpNumThreads(threads);
                try (OrtSession session = env.createSession(onnx, so)) {
                    for (int chunk : new int[] {0, 4}) {
                        StringBuilder row = new StringBuilder("| " + threads + " | "
                                + (chunk == 0 ? "whole batch" : "by length, 4 per call") + " |");
                        for (int b : batches) {
                            row.append(String.format(Locale.ROOT, " %.0f |",
                                    rate(env, session, tokenizer, sentences, b, chunk, seconds)));
                        }
                        System.out.println(row);
                    }
                }
            }
        }
        tokenizer.close();
    }

    static double rate(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, List<String> sentences,
                       int batch, int chunk, double seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int done = 0;
        int next = 0;
        while (System.nanoTime() < end) {
            List<String> texts = new java.util.ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                texts.add(sentences.get(next++ % sentences.size()));
            }
            Encoding[] all = tokenizer.batchEncode(texts);
            int step = chunk == 0 ? batch : chunk;
            if (chunk > 0) {
                Arrays.sort(all, Comparator.comparingInt(e -> e.getIds().length));
            }
            for (int from = 0; from < batch; from += step) {
                run(env, session, Arrays.copyOfRange(all, from, Math.min(batch, from + step)));
            }
            done += batch;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static void run(OrtEnvironment env, OrtSession session, Encoding[] part) throws Exception {
        int n = part.length;
        int seq = Arrays.stream(part).mapToInt(e -> e.getIds().length).max().orElse(1);
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        long[] types = new long[n * seq];
        for (int i = 0; i < n; i++) {
            System.arraycopy(part[i].getIds(), 0, ids, i * seq, part[i].getIds().length);
            System.arraycopy(part[i].getAttentionMask(), 0, mask, i * seq, part[i].getIds().length);
        }
        long[] shape = {n, seq};
        try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor b = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor c = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
            r.get(0).getValue();
        }
    }
}
