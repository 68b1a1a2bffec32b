package org.atelier.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atelier.api.InvalidInputException;
import org.atelier.api.ModelInfo;
import org.atelier.api.ModelUnavailableException;
import org.atelier.api.NoSuchModelException;
import org.atelier.api.TextEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

class ModelsTest {

    static Models models;

    @BeforeAll
    static void load() {
        models = new Models(new Models.Settings(8, 5, 3, 2, 64, 16, 2000, 1, 1, 0));
        models.update("test", List.of(new BundleModels.Found("all-minilm-l6-v2", TestModels.minilm(), null),
                new BundleModels.Found("bge-small-zh-v1.5", TestModels.bgeZh(), null)));
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void theVectorIsTheOneOnnxRuntimeAndTheTokenizerGiveDirectly() throws Exception {
        List<String> texts = List.of("A man is playing a guitar.", "Hi",
                "The quarterly report shows that revenue grew by twelve percent while costs stayed flat.");
        List<float[]> platform;
        try (TextEmbedder e = models.embedder("all-minilm-l6-v2")) {
            platform = e.embed(texts).vectors();
        }
        for (int i = 0; i < texts.size(); i++) {
            float[] reference = referenceMiniLm(texts.get(i));
            assertThat(Vectors.cosine(platform.get(i), reference)).as(texts.get(i)).isGreaterThanOrEqualTo(0.9999);
        }
    }

    /** all-MiniLM-L6-v2 as its model card computes it: tokens, the ONNX model, masked mean, L2 norm; one text, no padding. */
    private static float[] referenceMiniLm(String text) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(TestModels.bytes("/all-minilm-l6-v2-tokenizer.json")), Map.of());
             OrtSession session = env.createSession(TestModels.bytes("/all-minilm-l6-v2.onnx"))) {
            Encoding enc = tokenizer.encode(text);
            long[] shape = {1, enc.getIds().length};
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(enc.getIds()), shape));
            in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(enc.getAttentionMask()), shape));
            in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(enc.getTypeIds()), shape));
            try (OrtSession.Result r = session.run(in)) {
                float[][] tokens = ((float[][][]) r.get(0).getValue())[0];
                float[] mean = new float[tokens[0].length];
                for (float[] t : tokens) {
                    for (int d = 0; d < mean.length; d++) {
                        mean[d] += t[d] / tokens.length;
                    }
                }
                double norm = 0;
                for (float x : mean) {
                    norm += x * x;
                }
                for (int d = 0; d < mean.length; d++) {
                    mean[d] /= (float) Math.sqrt(norm);
                }
                return mean;
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        }
    }

    @Test
    void paraphrasesScoreAboveUnrelatedSentencesInEnglish() {
        try (TextEmbedder e = models.embedder("all-minilm-l6-v2")) {
            assertThat(e.dimensions()).isEqualTo(384);
            List<float[]> v = e.embed(List.of("How do I reset my password?",
                    "I forgot my password and need to change it.", "The train to Paris leaves at noon.")).vectors();
            assertThat(v.get(0)).hasSize(384);
            assertThat(Vectors.cosine(v.get(0), v.get(1))).isGreaterThan(Vectors.cosine(v.get(0), v.get(2)) + 0.2);
        }
    }

    @Test
    void paraphrasesScoreAboveUnrelatedSentencesInChinese() {
        try (TextEmbedder e = models.embedder("bge-small-zh-v1.5")) {
            assertThat(e.dimensions()).isEqualTo(512);
            List<float[]> v = e.embed(List.of("我的银行卡丢了，该怎么办？", "银行卡遗失了应该如何处理", "今天的天气非常晴朗"))
                    .vectors();
            assertThat(v.get(0)).hasSize(512);
            assertThat(Vectors.cosine(v.get(0), v.get(1))).isGreaterThan(Vectors.cosine(v.get(0), v.get(2)) + 0.1);
        }
    }

    @Test
    void concurrentCallersGetTheirOwnVectorsInOrderFromSharedBatches() throws Exception {
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            corpus.add("Customer " + i + " asks about card number " + (i * 7) + " and a transfer of " + (i * 13) + " euros.");
        }
        Map<String, float[]> alone = new HashMap<>();
        try (TextEmbedder e = models.embedder("all-minilm-l6-v2")) {
            for (String t : corpus) {
                alone.put(t, e.embed(List.of(t)).vectors().get(0));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (TextEmbedder e = models.embedder("all-minilm-l6-v2")) {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int seed = c;
                calls.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>(corpus);
                    Collections.shuffle(mine, new java.util.Random(seed));
                    for (int round = 0; round < 6; round++) {
                        List<String> request = mine.subList(round * 3, round * 3 + 1 + seed % 3);
                        List<float[]> got = e.embed(request).vectors();
                        for (int i = 0; i < request.size(); i++) {
                            if (Vectors.cosine(got.get(i), alone.get(request.get(i))) < 0.9999) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : calls) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder metrics = new StringBuilder();
        models.writeMetrics(metrics);
        assertThat(metrics.toString()).contains("atelier_inference_batch_size_bucket{model=\"all-minilm-l6-v2\",le=\"1\"}");
        // some batch held more than one text: the count of batches of size <= 1 is below the count of all batches
        long single = value(metrics, "atelier_inference_batch_size_bucket{model=\"all-minilm-l6-v2\",le=\"1\"}");
        long all = value(metrics, "atelier_inference_batch_size_count{model=\"all-minilm-l6-v2\"}");
        assertThat(single).isLessThan(all);
    }

    private static long value(StringBuilder metrics, String series) {
        for (String line : metrics.toString().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Long.parseLong(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no series " + series);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        try (TextEmbedder e = models.embedder("all-minilm-l6-v2")) {
            assertThatThrownBy(() -> e.embed(List.of())).isInstanceOf(InvalidInputException.class)
                    .hasMessage("input: at least one text is needed");
            assertThatThrownBy(() -> e.embed(Collections.nCopies(17, "x"))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("input: at most 16 texts in one request, got 17");
            assertThatThrownBy(() -> e.embed(java.util.Arrays.asList("a", null))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("input[1]: must be a string");
            assertThatThrownBy(() -> e.embed(List.of("x".repeat(2001)))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("input[0]: longer than 2000 characters");
            // over the model's 256 tokens: embedded from the first 256 and flagged
            TextEmbedder.Embeddings long1 = e.embed(List.of("word ".repeat(400)));
            assertThat(long1.truncated()).containsExactly(true);
            assertThat(long1.tokens()).isEqualTo(256);
        }
        assertThatThrownBy(() -> models.embedder("nope")).isInstanceOf(NoSuchModelException.class)
                .hasMessage("no model nope");
    }

    @Test
    void aBrokenModelFolderIsListedWithItsErrorAndTheRestKeepsWorking(@TempDir Path dir) throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken-model"));
        Files.writeString(broken.resolve("model.json"), "{\"dimensions\": \"many\"}");
        Files.write(broken.resolve("model.onnx"), new byte[] {1, 2, 3});
        Files.writeString(broken.resolve("tokenizer.json"), "{}");
        Path bad = Files.createDirectories(dir.resolve("bad-onnx"));
        Files.writeString(bad.resolve("model.json"), "{\"dimensions\": 8}");
        Files.write(bad.resolve("model.onnx"), new byte[] {1, 2, 3});
        Files.write(bad.resolve("tokenizer.json"), TestModels.bytes("/all-minilm-l6-v2-tokenizer.json"));
        Files.createDirectories(dir.resolve("empty"));

        models.update("dir", DirectoryModels.scan(dir));
        try {
            ModelInfo brokenInfo = models.describe("broken-model");
            assertThat(brokenInfo.state()).isEqualTo("failed");
            assertThat(brokenInfo.error()).startsWith("model.json is not valid");
            assertThat(models.describe("empty").error()).contains("has no model.json");
            assertThat(models.describe("bad-onnx").state()).isEqualTo("available");
            assertThatThrownBy(() -> models.load("bad-onnx")).isInstanceOf(ModelUnavailableException.class)
                    .hasMessageStartingWith("model bad-onnx cannot be loaded: ");
            assertThat(models.describe("bad-onnx").state()).isEqualTo("failed");
            try (TextEmbedder e = models.embedder("all-minilm-l6-v2")) {
                assertThat(e.embed(List.of("still working")).vectors()).hasSize(1);
            }
        } finally {
            models.update("dir", List.of());
        }
        assertThat(models.list()).extracting(ModelInfo::id).containsExactly("all-minilm-l6-v2", "bge-small-zh-v1.5");
    }

    @Test
    void aModelFolderOfOwnFilesLoadsAndComputesWhatItsGraphSays(@TempDir Path dir) throws Exception {
        TinyModel.write(dir.resolve("tiny-test"), 4);
        models.update("dir", DirectoryModels.scan(dir));
        try (TextEmbedder e = models.embedder("tiny-test")) {
            TextEmbedder.Embeddings out = e.embed(List.of("alpha gamma", "epsilon", "beta nothing delta delta"));
            // mean token id times (1, 2, 3, 4): (1 + 3) / 2 = 2; 5; (2 + 0 + 4 + 4) / 4 = 2.5
            assertThat(out.vectors().get(0)).containsExactly(2f, 4f, 6f, 8f);
            assertThat(out.vectors().get(1)).containsExactly(5f, 10f, 15f, 20f);
            assertThat(out.vectors().get(2)).containsExactly(2.5f, 5f, 7.5f, 10f);
            assertThat(out.tokens()).isEqualTo(7);
        } finally {
            models.update("dir", List.of());
        }
    }

    @Test
    void loadAndUnloadOnRequestWithHandlesCounted() {
        ModelInfo loaded = models.load("bge-small-zh-v1.5");
        assertThat(loaded.state()).isEqualTo("loaded");
        TextEmbedder handle = models.embedder("bge-small-zh-v1.5");
        assertThat(models.describe("bge-small-zh-v1.5").users()).isEqualTo(1);
        assertThat(models.unload("bge-small-zh-v1.5").state()).as("waits for the open handle").isEqualTo("loaded");
        handle.close();
        assertThat(models.describe("bge-small-zh-v1.5").state()).isEqualTo("available");
        assertThat(models.describe("bge-small-zh-v1.5").users()).isZero();
    }
}
