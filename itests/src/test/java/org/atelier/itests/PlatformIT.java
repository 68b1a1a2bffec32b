package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.atelier.runtime.GeneratorRegistry;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** The platform in the real distribution: features, REST, shell, bad input, and generators coming and going. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends AtelierTestSupport {

    private static final String ECHO = "{\"text\":\"hello\",\"times\":2}";

    private final List<Bundle> installed = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @After
    public void uninstallTestBundles() throws Exception {
        for (Bundle b : installed) {
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
    }

    private Bundle echo(String id) throws Exception {
        Bundle b = installEcho(id);
        installed.add(b);
        await(id + " is listed", Duration.ofSeconds(30), () -> get("/itest/" + id).statusCode() == 200);
        return b;
    }

    @Test
    public void featuresAreInstalledAndThePlatformIsReady() throws Exception {
        assertThat(featuresService.isInstalled(featuresService.getFeature("atelier-core"))).isTrue();
        assertThat(featuresService.isInstalled(featuresService.getFeature("atelier-all"))).isTrue();
        assertThat(bundleContext.getServiceReference(GeneratorRegistry.class)).isNotNull();
        for (String bsn : List.of("org.atelier.api", "org.atelier.runtime", "org.atelier.rest", "org.atelier.shell")) {
            assertThat(bundle(bsn).getState()).as(bsn).isEqualTo(Bundle.ACTIVE);
        }
        await("ready", Duration.ofSeconds(60), () -> get("/health/ready").statusCode() == 200);
        assertThat(get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/verticals").headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    public void restAndShellReachAGeneratorFromAnotherBundle() throws Exception {
        echo("echo-a");

        String verticals = get("/verticals").body();
        assertThat(verticals).contains("\"name\":\"itest\"").contains("\"id\":\"echo-a\"").contains("\"state\":\"ready\"");
        HttpResponse<String> descriptor = get("/itest/echo-a");
        assertThat(descriptor.body()).contains("\"inputSchema\"").contains("\"maximum\":10")
                .contains("\"outputMediaTypes\":[\"text/plain\"]");

        HttpResponse<String> run = post("/itest/echo-a", "application/json", ECHO);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(run.body()).contains("\"state\":\"succeeded\"").contains("\"generator\":\"itest/echo-a\"")
                .contains("\"name\":\"echo.txt\"").contains("\"mediaType\":\"text/plain\"");
        String artifactId = run.body().replaceAll(".*\"artifacts\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<byte[]> artifact = getBytes("/artifacts/" + artifactId);
        assertThat(artifact.statusCode()).isEqualTo(200);
        assertThat(artifact.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(new String(artifact.body(), StandardCharsets.UTF_8)).startsWith("---\nAIGC: {\"Label\":\"1\"")
                .contains("AI-generated content").endsWith("hello\nhello\n");
        HttpResponse<String> tail = send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/artifacts/" + artifactId)).header("Range", "bytes=-6").GET());
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo("hello\n");
        assertThat(tail.headers().firstValue("Content-Range").orElseThrow()).startsWith("bytes ").endsWith("/" + artifact.body().length);
        HttpResponse<String> outside = send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/artifacts/" + artifactId)).header("Range", "bytes=999999-").GET());
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + artifact.body().length);
        HttpResponse<String> label = get("/artifacts/" + artifactId + "/label");
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.body()).contains("\"ProduceID\":\"" + artifactId + "\"")
                .contains("\"ReservedCode1\":\"itest/echo-a\"").contains("\"embedded\":true");

        assertThat(executeCommand("atelier:list")).contains("itest").contains("echo-a").contains("ready");
        String openApi = get("/openapi.json").body();
        assertThat(openApi).contains("\"openapi\":\"3.1.0\"").contains("\"/itest/echo-a\"")
                .contains("\"Input_itest_echo_a\"").contains("\"maximum\":10");
        assertThat(executeCommand("atelier:describe itest/echo-a")).contains("Echo echo-a").contains("\"times\"");
        Path out = Files.createTempDirectory("atelier-run");
        String printed = executeCommand("atelier:run --input '{\"text\":\"hi\",\"times\":3}' --out " + out + " itest/echo-a");
        assertThat(printed).contains("succeeded").contains(out.resolve("echo.txt").toString());
        assertThat(Files.readString(out.resolve("echo.txt"))).endsWith("hi\nhi\nhi\n");
        assertThat(executeCommand("atelier:verify " + out.resolve("echo.txt"))).contains("AIGC label found")
                .contains("ContentProducer    atelier").contains("ReservedCode1      itest/echo-a");
        Path plain = Files.writeString(out.resolve("plain.txt"), "written by a person");
        assertThat(executeCommand("atelier:verify " + plain)).contains("carries no AIGC label");
    }

    @Test
    public void badInputGetsAProblemNamingTheFieldAndNever500() throws Exception {
        echo("echo-a");
        record Case(String what, String path, String contentType, String body, int status, String mustContain) {
        }
        List<Case> cases = List.of(
                new Case("malformed JSON", "/itest/echo-a", "application/json", "{\"text\":", 400, "malformed JSON"),
                new Case("not an object", "/itest/echo-a", "application/json", "[1,2]", 400, "a JSON object is expected"),
                new Case("empty body", "/itest/echo-a", "application/json", "", 400, "request body is empty"),
                new Case("wrong type", "/itest/echo-a", "application/json", "{\"text\":\"a\",\"times\":\"x\"}", 400,
                        "\"field\":\"times\",\"message\":\"expected an integer"),
                new Case("missing field", "/itest/echo-a", "application/json", "{\"text\":\"a\"}", 400,
                        "\"field\":\"times\",\"message\":\"must not be null\""),
                new Case("unknown field", "/itest/echo-a", "application/json",
                        "{\"text\":\"a\",\"times\":1,\"colour\":1}", 400, "\"field\":\"colour\""),
                new Case("out of range", "/itest/echo-a", "application/json", "{\"text\":\"a\",\"times\":11}", 400,
                        "\"field\":\"times\",\"message\":\"must be less than or equal to 10\""),
                new Case("too long", "/itest/echo-a", "application/json",
                        "{\"text\":\"" + "x".repeat(201) + "\",\"times\":1}", 400, "\"field\":\"text\""),
                new Case("over the body limit", "/itest/echo-a", "application/json",
                        "{\"text\":\"" + "x".repeat(70_000) + "\",\"times\":1}", 413, "larger than the limit of 65536"),
                new Case("wrong media type", "/itest/echo-a", "text/plain", ECHO, 415, "application/json"),
                new Case("unknown generator", "/itest/nothing", "application/json", ECHO, 404, "no generator itest/nothing"),
                new Case("unknown vertical", "/nowhere/echo-a", "application/json", ECHO, 404, "no generator"),
                new Case("unknown path", "/itest/echo-a/deeper", "application/json", ECHO, 404, "no resource"));
        for (Case c : cases) {
            HttpResponse<String> r = post(c.path(), c.contentType(), c.body());
            assertThat(r.statusCode()).as(c.what() + ": " + r.body()).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type")).as(c.what()).hasValue("application/problem+json");
            assertThat(r.body()).as(c.what()).contains(c.mustContain()).contains("\"status\":" + c.status())
                    .doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.atelier.");
        }
        assertThat(get("/artifacts/../../etc/passwd").statusCode()).isEqualTo(404);
        assertThat(get("/artifacts/unknown").body()).contains("no artifact unknown");
        assertThat(executeCommand("atelier:run --input '{\"text\":\"\",\"times\":0}' itest/echo-a"))
                .contains("text: must not be blank").contains("times: must be greater than or equal to 1");
        assertThat(executeCommand("atelier:run itest/echo-a --input '{}'"))
                .contains("options go before the generator");
        assertThat(executeCommand("atelier:describe nowhere")).contains("a generator is named vertical/id");
        assertThat(executeCommand("atelier:describe itest/nothing")).contains("no generator itest/nothing");
    }

    @Test
    public void openApiDescribesTheResourcesABundleContributesWhileItIsThere() throws Exception {
        Bundle voice = bundle("org.atelier.medical.voice");
        await("speak is described", Duration.ofSeconds(30),
                () -> get("/openapi.json").body().contains("\"/medical/voice/speak\""));
        String doc = get("/openapi.json").body();
        assertThat(doc).contains("\"/medical/voice/voices\"").contains("\"/medical/voice/profiles\"")
                .contains("\"/inference/embeddings\"").contains("\"/models\"")
                .contains("\"operationId\":\"SpeakResource_speak\"").contains("\"audio/wav\"");
        String speak = doc.substring(doc.indexOf("\"/medical/voice/speak\""));
        speak = speak.substring(0, Math.min(speak.length(), speak.indexOf("\"responses\"")));
        assertThat(speak).as("the request schema of speak").contains("\"requestBody\"").contains("\"text\"");
        try {
            voice.stop();
            await("speak leaves", Duration.ofSeconds(30),
                    () -> !get("/openapi.json").body().contains("/medical/voice/"));
            assertThat(get("/openapi.json").body()).contains("\"/inference/embeddings\"");
        } finally {
            voice.start();
        }
        await("speak is back", Duration.ofSeconds(30),
                () -> get("/openapi.json").body().contains("\"/medical/voice/speak\""));
    }

    @Test
    public void answersJettyMakesItselfAreProblemJsonToo() throws Exception {
        HttpResponse<String> nul = get("/jobs/%00/events");
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(nul.body()).contains("\"status\":400").doesNotContain("<html");

        HttpResponse<String> big = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/health"))
                .header("X-Big", "a".repeat(20_000)).GET());
        assertThat(big.statusCode()).as(big.body()).isEqualTo(431);
        assertThat(big.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(big.body()).contains("\"status\":431")
                .contains("the request headers are larger than the server accepts");
    }

    @Test
    public void generatorsComeAndGoWithoutDisturbingOthers() throws Exception {
        echo("echo-a");
        Bundle b = echo("echo-b");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread caller = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!stop.get() && System.nanoTime() < deadline && calls.get() < 20_000) {
                HttpResponse<String> r = post("/itest/echo-a", "application/json", ECHO);
                calls.incrementAndGet();
                if (r.statusCode() != 200) {
                    failures.add(r.statusCode() + " " + r.body());
                }
            }
        }, "echo-a caller");
        caller.start();
        try {
            // stop: B refuses (503 with Retry-After) and leaves the list, then becomes unknown (404)
            b.stop();
            HttpResponse<String> refused = post("/itest/echo-b", "application/json", ECHO);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("\"status\":503");
            assertThat(executeCommand("atelier:list")).contains("echo-a").doesNotContain("echo-b");
            await("echo-b is unknown", Duration.ofSeconds(20),
                    () -> post("/itest/echo-b", "application/json", ECHO).statusCode() == 404);

            // start again: back
            b.start();
            await("echo-b is back", Duration.ofSeconds(20),
                    () -> post("/itest/echo-b", "application/json", ECHO).statusCode() == 200);

            // update: gone for a moment, then back; a call in flight during the update finishes
            Thread slow = new Thread(() -> {
                HttpResponse<String> r = post("/itest/echo-b", "application/json",
                        "{\"text\":\"slow\",\"times\":1,\"delayMs\":1500}");
                if (r.statusCode() != 200 && r.statusCode() != 503) {
                    failures.add("in flight during update: " + r.statusCode() + " " + r.body());
                }
            });
            slow.start();
            Thread.sleep(300);
            b.update();
            slow.join(30_000);
            await("echo-b is back after update", Duration.ofSeconds(20),
                    () -> post("/itest/echo-b", "application/json", ECHO).statusCode() == 200);

            // uninstall: 503, then 404, and gone from the list
            b.uninstall();
            assertThat(post("/itest/echo-b", "application/json", ECHO).statusCode()).isIn(503, 404);
            await("echo-b is unknown after uninstall", Duration.ofSeconds(20),
                    () -> post("/itest/echo-b", "application/json", ECHO).statusCode() == 404);
            assertThat(executeCommand("atelier:list")).doesNotContain("echo-b");
            assertThat(get("/openapi.json").body()).contains("/itest/echo-a").doesNotContain("/itest/echo-b");
        } finally {
            stop.set(true);
            caller.join(30_000);
        }
        assertThat(calls.get()).as("calls made to echo-a").isGreaterThan(10);
        assertThat(failures).as("failures of echo-a while echo-b came and went").isEmpty();
    }
}
