package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** Long-running generators as jobs: 202 and Location, Server-Sent Events, cancel, listing, the shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JobsIT extends AtelierTestSupport {

    private final List<Bundle> installed = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return baseConfig();
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
