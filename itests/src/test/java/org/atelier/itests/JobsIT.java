package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atelier.itests.compose.ComposeActivator;
import org.atelier.itests.compose.ComposeGenerator;
import org.atelier.itests.compose.ComposeInput;
import org.atelier.itests.compose.ComposeResource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * Long-running generators as jobs: 202 and Location, Server-Sent Events, cancel, listing, the shell; a bundle of the
 * API alone that runs a generator as a sub-job and starts jobs from its own resource.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JobsIT extends AtelierTestSupport {

    private final List<Bundle> installed = new ArrayList<>();

    private static final String COMPOSE = "org.atelier.itests.compose";

    @Configuration
    public Option[] config() {
        Option[] options = baseConfig();
        writeComposeBundle(Path.of(System.getProperty("project.build.directory", "target"), "test-bundles"));
        return options;
    }

    /** A partner-like bundle that imports org.atelier.api and no other package of Atelier's. */
    static void writeComposeBundle(Path dir) {
        try (InputStream in = TinyBundles.bundle()
                .symbolicName(COMPOSE)
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.BUNDLE_VERSION, "1.0.0")
                .setHeader(Constants.BUNDLE_ACTIVATOR, ComposeActivator.class.getName())
                .setHeader(Constants.IMPORT_PACKAGE, "org.atelier.api;version=\"[1.3,2)\","
                        + "jakarta.validation.constraints;version=\"[3.0,4)\",jakarta.ws.rs;version=\"[3.0,4)\","
                        + "jakarta.ws.rs.core;version=\"[3.0,4)\",org.osgi.framework,org.osgi.util.tracker")
                .addClass(ComposeActivator.class)
                .addClass(ComposeGenerator.class)
                .addClass(ComposeInput.class)
                .addClass(ComposeResource.class)
                .build(TinyBundles.rawBuilder())) {
            Files.createDirectories(dir);
            Files.copy(in, dir.resolve(COMPOSE + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void installSlowGenerator() throws Exception {
        installed.add(installEcho("slow-c"));
        await("slow-c is listed", Duration.ofSeconds(30), () -> get("/itest/slow-c").statusCode() == 200);
    }

    @After
    public void uninstall() throws Exception {
        for (Bundle b : installed) {
            b.uninstall();
        }
    }

    private static String id(String jobJson) {
        return jobJson.replaceAll("^\\{\"id\":\"([^\"]+)\".*$", "$1");
    }

    @Test
    public void aLongJobAnswers202AndStreamsItsProgressUntilItSucceeds() throws Exception {
        HttpResponse<String> accepted = post("/itest/slow-c", "application/json",
                "{\"text\":\"slow\",\"times\":2,\"delayMs\":1500}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = id(accepted.body());
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/jobs/" + id);
        assertThat(accepted.body()).containsPattern("\"state\":\"(queued|running)\"");

        List<String> lines = events("/jobs/" + id + "/events", Duration.ofSeconds(30));

        assertThat(lines).contains("event: progress").contains("event: state");
        assertThat(lines.stream().filter(l -> l.startsWith("data:")).toList()).last().asString()
                .contains("\"state\":\"succeeded\"").contains("\"name\":\"echo.txt\"");
        assertThat(lines.stream().filter(l -> l.contains("waited")).count()).isGreaterThan(3);
        assertThat(get("/jobs/" + id).body()).contains("\"state\":\"succeeded\"").contains("\"progress\":1.0");
        assertThat(executeCommand("atelier:job " + id)).contains("succeeded").contains("echo.txt");
        assertThat(executeCommand("atelier:jobs --generator itest/slow-c")).contains(id).contains("succeeded");
    }

    @Test
    public void cancellingStopsTheGeneratorAndFinishedJobsCannotBeCancelled() throws Exception {
        String id = id(post("/itest/slow-c", "application/json", "{\"text\":\"x\",\"times\":1,\"delayMs\":5000}").body());
        CompletableFuture<List<String>> stream = CompletableFuture.supplyAsync(() -> {
            try {
                return events("/jobs/" + id + "/events", Duration.ofSeconds(30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("running", Duration.ofSeconds(10), () -> get("/jobs/" + id).body().contains("\"state\":\"running\""));

        HttpResponse<String> cancel = delete("/jobs/" + id);

        assertThat(cancel.statusCode()).isEqualTo(200);
        await("cancelled", Duration.ofSeconds(10), () -> get("/jobs/" + id).body().contains("\"state\":\"cancelled\""));
        assertThat(stream.get().stream().filter(l -> l.startsWith("data:")).toList()).last().asString()
                .contains("\"state\":\"cancelled\"");
        HttpResponse<String> again = delete("/jobs/" + id);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("has finished already (cancelled)");
        assertThat(get("/jobs?state=cancelled&generator=itest/slow-c").body()).contains(id);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    @Test
    public void aBundleOfTheApiAloneRunsAGeneratorAsASubJobAndStartsJobsFromItsOwnResource() throws Exception {
        Bundle compose = bundleContext.installBundle(Path.of(System.getProperty(BUNDLES), COMPOSE + ".jar").toUri()
                .toString());
        installed.add(compose);
        compose.start();
        assertThat(compose.getHeaders().get(Constants.IMPORT_PACKAGE)).contains("org.atelier.api")
                .doesNotContain("org.atelier.runtime").doesNotContain("org.atelier.rest");
        await("itest/compose is listed", Duration.ofSeconds(30), () -> get("/itest/compose").statusCode() == 200);

        // a sub-job: its progress inside the parent's, its own job with the parent named
        HttpResponse<String> accepted = post("/itest/compose", "application/json", "{\"generator\":\"itest/slow-c\","
                + "\"input\":{\"text\":\"sub\",\"times\":2,\"delayMs\":1500},\"share\":0.8}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = id(accepted.body());
        List<String> lines = events("/jobs/" + id + "/events", Duration.ofSeconds(60));
        List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
        assertThat(data).last().asString().contains("\"state\":\"succeeded\"").contains("\"subState\":\"succeeded\"")
                .contains("\"name\":\"compose.txt\"");
        assertThat(data).as("the sub-job's progress, mapped into the parent's and named")
                .anyMatch(d -> d.contains("\"message\":\"itest/slow-c: waited"))
                .anyMatch(d -> d.contains("\"details\":{") && d.contains("\"stage\":\"sub-job\""))
                .anyMatch(d -> d.contains("\"preview\":{") && d.contains("\"name\":\"plan.txt\""));
        for (String d : data) {
            Matcher p = Pattern.compile("\"progress\":([0-9.E-]+)").matcher(d);
            if (d.contains("itest/slow-c: waited") && p.find()) {
                assertThat(Double.parseDouble(p.group(1))).as(d).isBetween(0.1, 0.9);
            }
        }
        String parent = get("/jobs/" + id).body();
        String subId = field(parent, "sub");
        assertThat(subId).isNotNull();
        assertThat(field(parent, "subParent")).isEqualTo(id);
        String sub = get("/jobs/" + subId).body();
        assertThat(sub).contains("\"generator\":\"itest/slow-c\"").contains("\"state\":\"succeeded\"")
                .contains("\"parent\":\"" + id + "\"").contains("\"name\":\"echo.txt\"");
        assertThat(field(sub, "owner")).as("the parent's owner").isEqualTo(field(parent, "owner")).isNotNull();
        HttpResponse<String> children = get("/jobs?parent=" + id);
        assertThat(children.body()).contains(subId).contains("\"total\":1");
        Matcher preview = Pattern.compile("\"preview\":\\{\"id\":\"([^\"]+)\"").matcher(parent);
        assertThat(preview.find()).as(parent).isTrue();
        HttpResponse<String> previewBytes = get("/artifacts/" + preview.group(1));
        assertThat(previewBytes.statusCode()).isEqualTo(200);
        assertThat(previewBytes.body()).as("labelled like any artifact").contains("AIGC").contains("ran " + subId);
        int artifacts = parent.indexOf("\"artifacts\":[");
        assertThat(parent.substring(artifacts, parent.indexOf(']', artifacts))).as("the preview is not an artifact")
                .contains("compose.txt").doesNotContain("plan.txt");
        assertThat(executeCommand("atelier:jobs --generator itest/slow-c")).contains(subId);

        // a typed refusal: no such generator
        String refused = id(post("/itest/compose", "application/json",
                "{\"generator\":\"itest/nobody\",\"input\":{}}").body());
        await("refused", Duration.ofSeconds(20), () -> get("/jobs/" + refused).body().contains("succeeded"));
        assertThat(get("/jobs/" + refused).body()).contains("\"refused\":\"NoSuchGeneratorException\"")
                .contains("no generator itest/nobody");

        // a job started by the bundle's own resource through the Jobs service
        HttpResponse<String> started = post("/itest-compose", "application/json",
                "{\"generator\":\"itest/slow-c\",\"input\":{\"text\":\"from a resource\",\"times\":1,\"delayMs\":200}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String jobId = field(started.body(), "id");
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/jobs/" + jobId);
        await("the resource's job succeeds", Duration.ofSeconds(20),
                () -> get("/jobs/" + jobId).body().contains("\"state\":\"succeeded\""));
        assertThat(get("/jobs/" + jobId).body()).contains("\"name\":\"echo.txt\"").doesNotContain("\"parent\"");
        assertThat(get("/itest-compose/" + jobId).body()).contains("\"state\":\"succeeded\"");
        assertThat(get("/itest-compose/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = post("/itest-compose", "application/json", "{\"generator\":\"itest/nobody\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> invalid = post("/itest-compose", "application/json",
                "{\"generator\":\"itest/slow-c\",\"input\":{\"text\":\"x\",\"times\":99}}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"times\"");
    }

    @Test
    public void badJobRequestsGetProblems() throws Exception {
        assertThat(get("/jobs/nope").statusCode()).isEqualTo(404);
        assertThat(delete("/jobs/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> state = get("/jobs?state=done");
        assertThat(state.statusCode()).isEqualTo(400);
        assertThat(state.body()).contains("\"field\":\"state\"");
        assertThat(get("/jobs?limit=0").body()).contains("\"field\":\"limit\"");
        assertThat(get("/jobs?offset=x").body()).contains("must be a whole number");
        assertThat(get("/jobs/nope/events").statusCode()).isEqualTo(404);
        assertThat(executeCommand("atelier:cancel nope")).contains("no job nope");
    }
}
