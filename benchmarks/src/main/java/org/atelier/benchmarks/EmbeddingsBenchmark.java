package org.atelier.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/**
 * Embeddings per second and latency, same model, same sentences, same run:
 * (a) the platform over REST with dynamic batching, one text per request from each client;
 * (b) one ONNX Runtime call per text in-process, clients sharing one session — how langchain4j's in-process
 * embedding models work.
 *
 * <p>Arguments: {@code URL KEY SENTENCES_CSV [clients=1,16] [seconds=15] [warmup=5] [repeats=3]}; the key is
 * sent as {@code Authorization: Bearer KEY}.
 */
public final class EmbeddingsBenchmark {

    interface Embedder {
        void embed(String text) throws Exception;
    }

    record Run(double perSecond, double p50Ms, double p99Ms) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String key = args[1];
        List<String> sentences = sentences(Path.of(args[2]));
        int[] clients = Arrays.stream((args.length > 3 ? args[3] : "1,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        int repeats = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        System.out.printf(Locale.ROOT, "%d sentences, mean %.0f characters; %d s per run after %d s warm-up, %d runs, "
                + "%d cores%n", sentences.size(), sentences.stream().mapToInt(String::length).average().orElse(0),
                seconds, warmup, repeats, Runtime.getRuntime().availableProcessors());

        // a plain blocking keep-alive client: it costs the shared cores less than java.net.http's
        URL endpoint = URI.create(url + "/inference/embeddings").toURL();
        Embedder rest = text -> post(endpoint, key,
                ("{\"model\":\"all-minilm-l6-v2\",\"input\":[" + quote(text) + "]}").getBytes(StandardCharsets.UTF_8));

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        HuggingFaceTokenizer tokenizer;
        OrtSession session;
        try (InputStream tok = resource("/all-minilm-l6-v2-tokenizer.json");
             InputStream onnx = resource("/all-minilm-l6-v2.onnx")) {
            tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("truncation", "true", "maxLength", "256"));
            session = env.createSession(onnx.readAllBytes(), new OrtSession.SessionOptions());
        }
        Embedder inProcess = text -> {
            Encoding e = tokenizer.encode(text);
            long[] shape = {1, e.getIds().length};
            Map<String, OnnxTensor> in = new HashMap<>();
            try {
                in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(e.getIds()), shape));
                in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(e.getAttentionMask()), shape));
                in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(e.getTypeIds()), shape));
                try (OrtSession.Result r = session.run(in)) {
                    float[][] tokens = ((float[][][]) r.get(0).getValue())[0];
                    float[] mean = new float[tokens[0].length];
                    for (float[] t : tokens) {
                        for (int d = 0; d < mean.length; d++) {
                            mean[d] += t[d] / tokens.length;
                        }
                    }
                }
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        };

        System.out.println();
        System.out.println("| clients | (a) platform REST, batched: emb/s | p50 ms | p99 ms | (b) in-process, one call per text: emb/s | p50 ms | p99 ms | (a)/(b) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : clients) {
            Run a = median(rest, sentences, c, seconds, warmup, repeats);
            Run b = median(inProcess, sentences, c, seconds, warmup, repeats);
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |%n", c, a.perSecond(),
                    a.p50Ms(), a.p99Ms(), b.perSecond(), b.p50Ms(), b.p99Ms(), a.perSecond() / b.perSecond());
        }
        session.close();
        tokenizer.close();
    }

    /**
     * POSTs JSON with the key and returns the answer's body; any status but 200 fails with the status and whatever
     * body came with it (a 401 has none), so a benchmark never measures error answers or dies on a null stream.
     */
    static byte[] post(URL endpoint, String key, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Authorization", "Bearer " + key);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        if (status == 200) {
            try (InputStream in = c.getInputStream()) {
                return in.readAllBytes();
            }
        }
        String answer;
        try (InputStream in = c.getErrorStream()) {
            answer = in == null ? "(no body)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        throw new IOException("POST " + endpoint + " answered HTTP " + status + ": " + answer);
    }

    /** Runs a configuration several times; the median of each figure. */
    static Run median(Embedder e, List<String> sentences, int clients, int seconds, int warmup, int repeats)
            throws Exception {
        run(e, sentences, clients, warmup);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            runs.add(run(e, sentences, clients, seconds));
        }
        return new Run(med(runs.stream().mapToDouble(Run::perSecond).toArray()),
                med(runs.stream().mapToDouble(Run::p50Ms).toArray()), med(runs.stream().mapToDouble(Run::p99Ms).toArray()));
    }

    static Run run(Embedder e, List<String> sentences, int clients, int seconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        List<Throwable> errors = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < mine.length - 1) {
                        String text = sentences.get(Math.floorMod(next.getAndIncrement(), sentences.size()));
                        long t0 = System.nanoTime();
                        e.embed(text);
                        mine[++n] = System.nanoTime() - t0;
                    }
                } catch (Throwable x) {
                    synchronized (errors) {
                        errors.add(x);
                    }
                } finally {
                    mine[0] = n;
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a client failed", errors.get(0));
        }
        int total = 0;
        for (long[] l : latencies) {
            total += (int) l[0];
        }
        if (total == 0) {
            throw new IllegalStateException("no embedding was made in " + seconds + " s");
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 1, all, k, (int) l[0]);
            k += (int) l[0];
        }
        Arrays.sort(all);
        return new Run(total / elapsed, all[(int) (all.length * 0.50)] / 1e6, all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6);
    }

    static double med(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The first column of an RFC 4180 CSV with a header row (quoted fields may hold commas, quotes and newlines). */
    public static List<String> sentences(Path csv) throws Exception {
        String all = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int column = 0;
        boolean quoted = false;
        boolean header = true;
        for (int i = 0; i < all.length(); i++) {
            char ch = all.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < all.length() && all.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                if (column == 0 && !header) {
                    out.add(field.toString().replace('\n', ' ').trim());
                }
                field.setLength(0);
                column++;
            } else if (ch == '\n') {
                field.setLength(0);
                column = 0;
                header = false;
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = EmbeddingsBenchmark.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no " + name + " on the class path");
        }
        return in;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
