package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.atelier.api.ModelRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The inference bundle in the real distribution: default models, the watched directory, updates, the shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InferenceIT extends AtelierTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    private JsonNode embed(String body) throws Exception {
        HttpResponse<String> r = post("/inference/embeddings", "application/json", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    public void theDefaultModelsAreListedAndAnswerInTheirDimensions() throws Exception {
        assertThat(featuresService.isInstalled(featuresService.getFeature("atelier-inference"))).isTrue();
        assertThat(bundleContext.getServiceReference(ModelRegistry.class)).isNotNull();
        assertThat(get("/models").body()).contains("\"id\":\"all-minilm-l6-v2\"").contains("\"id\":\"bge-small-zh-v1.5\"");

        JsonNode en = embed("{\"model\":\"all-minilm-l6-v2\",\"input\":[\"A man is playing a guitar.\",\"Hello\"]}");
        assertThat(en.at("/data/0/embedding").size()).isEqualTo(384);
        assertThat(en.at("/data/1/index").asInt()).isEqualTo(1);
        assertThat(en.at("/usage/tokens").asInt()).isGreaterThan(4);
        JsonNode zh = embed("{\"model\":\"bge-small-zh-v1.5\",\"input\":\"我的银行卡丢了\"}");
        assertThat(zh.at("/data/0/embedding").size()).isEqualTo(512);
        assertThat(get("/models/bge-small-zh-v1.5").body()).contains("\"state\":\"loaded\"");
        assertThat(get("/metrics").body()).contains("atelier_inference_requests_total{model=\"bge-small-zh-v1.5\"} 1");

        assertThat(executeCommand("atelier:models")).contains("all-minilm-l6-v2").contains("loaded");
        assertThat(executeCommand("atelier:embed --model all-minilm-l6-v2 hello")).contains("384-d");
        String similar = executeCommand("atelier:similarity \"How do I reset my password?\" \"I forgot my password\"");
        assertThat(Double.parseDouble(similar.trim())).isGreaterThan(0.5);
    }

    @Test
    public void aModelFolderDroppedIntoTheWatchedDirectoryAppearsAndGoes() throws Exception {
        Path watched = Path.of(System.getProperty("karaf.data"), "atelier", "models");
        Path tiny = watched.resolve("tiny-test");
        copy(Path.of(System.getProperty(MODELS), "tiny-test"), tiny);
        Path broken = Files.createDirectories(watched.resolve("broken-test"));
        Files.writeString(broken.resolve("model.json"), "{not json");
        try {
            await("tiny-test is listed", Duration.ofSeconds(30), () -> get("/models/tiny-test").statusCode() == 200);
            JsonNode v = embed("{\"model\":\"tiny-test\",\"input\":\"alpha gamma\"}");
            assertThat(v.at("/data/0/embedding").toString()).isEqualTo("[2.0,4.0,6.0,8.0]");
            await("broken-test is listed", Duration.ofSeconds(30), () -> get("/models/broken-test").statusCode() == 200);
            assertThat(get("/models/broken-test").body()).contains("\"state\":\"failed\"");
            assertThat(executeCommand("atelier:models")).contains("broken-test").contains("has no model.onnx");
            HttpResponse<String> refused = post("/inference/embeddings", "application/json",
                    "{\"model\":\"broken-test\",\"input\":\"x\"}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("cannot be used").doesNotContain("Exception");
        } finally {
            delete(tiny);
            delete(broken);
        }
        await("tiny-test is gone", Duration.ofSeconds(30), () -> get("/models/tiny-test").statusCode() == 404);
    }

    @Test
    public void updatingTheInferenceBundleKeepsThePlatformAnsweringAndTheNativesLoaded() throws Exception {
        embed("{\"input\":\"before the update\"}");
        Bundle engine = bundle("org.atelier.inference.engine");
        long engineModified = engine.getLastModified();

        bundle("org.atelier.inference").update();

        await("embeddings answer again", Duration.ofSeconds(60), () -> {
            HttpResponse<String> r = post("/inference/embeddings", "application/json", "{\"input\":\"after\"}");
            return r.statusCode() == 200;
        });
        assertThat(engine.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(engine.getLastModified()).as("the engine bundle, and the natives it loaded, stay").isEqualTo(engineModified);
        await("ready", Duration.ofSeconds(60), () -> get("/health/ready").statusCode() == 200);
    }

    private static void copy(Path from, Path to) throws Exception {
        Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
        Files.createDirectories(tmp);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        // the folder appears whole: a scan never sees half of it
        Files.move(tmp, to);
    }

    private static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
