package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atelier.runtime.LabelReader;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generative design in the distribution: top88's MBB beam over REST as a job whose iterations stream over SSE, its
 * labelled PNG, SVG, STL and JSON; a 3D cantilever; derivative designs; the shell; cancel; bad input named.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IndustrialDesignIT extends AtelierTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    private JsonNode design(String input) throws Exception {
        HttpResponse<String> accepted = post("/industrial/topology", "application/json", input);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body());
    }

    private JsonNode finished(String id) throws Exception {
        await("job " + id + " ends", Duration.ofSeconds(300), () -> {
            String body = get("/jobs/" + id).body();
            return body.contains("\"state\":\"succeeded\"") || body.contains("\"state\":\"failed\"")
                    || body.contains("\"state\":\"cancelled\"");
        });
        return JSON.readTree(get("/jobs/" + id).body());
    }

    @Test
    public void top88sBeamConvergesOverRestWithLabelledArtifacts() throws Exception {
        await("industrial/topology is there", Duration.ofSeconds(60),
                () -> get("/industrial/topology").statusCode() == 200);
        String id = design("{\"preset\":\"mbb\",\"nelx\":60,\"nely\":20,\"volfrac\":0.5,\"penal\":3,\"rmin\":1.5,"
                + "\"filter\":\"sensitivity\"}").path("id").asText();

        List<String> events = events("/jobs/" + id + "/events", Duration.ofSeconds(300));
        assertThat(events).anyMatch(l -> l.contains("\"message\":\"iteration 94: compliance 203.19"))
                .anyMatch(l -> l.startsWith("event: state"));
        List<Integer> iterations = events.stream().filter(l -> l.contains("\"message\":\"iteration "))
                .map(l -> Integer.valueOf(l.replaceAll(".*\"message\":\"iteration (\\d+):.*", "$1"))).toList();
        assertThat(iterations).as("iterations arrive in order").isSorted();
        JsonNode job = finished(id);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        // top88(60,20,0.5,3,1.5,1): 203.1925 after 94 iterations (../shared/data/README.md)
        assertThat(result.path("compliance").asDouble()).isBetween(203.1925 * 0.999, 203.1925 * 1.001);
        assertThat(result.path("iterations").asInt()).isEqualTo(94);
        assertThat(result.path("history").size()).isEqualTo(94);
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (JsonNode a : job.path("artifacts")) {
            artifacts.put(a.path("name").asText(), a.path("id").asText());
        }
        assertThat(artifacts).as("the STL's label also sits beside it").containsOnlyKeys("design.png", "design.json",
                "design.svg", "design.stl", "design.stl.aigc.json", "convergence.png");
        LabelReader labels = bundleContext.getService(bundleContext.getServiceReference(LabelReader.class));
        for (String name : List.of("design.png", "design.svg", "design.json", "convergence.png")) {
            byte[] bytes = getBytes("/artifacts/" + artifacts.get(name)).body();
            assertThat(labels.read(bytes)).as(name + " carries its AIGC label").hasValueSatisfying(
                    l -> assertThat(l.reservedCode1()).isEqualTo("industrial/topology"));
        }
        // a binary STL header holds the label's first fields; the whole label is in its sidecar
        String produceId = labels.read(getBytes("/artifacts/" + artifacts.get("design.stl")).body()).orElseThrow()
                .produceId();
        assertThat(new String(getBytes("/artifacts/" + artifacts.get("design.stl.aigc.json")).body()))
                .contains(produceId).contains("industrial/topology");
        JsonNode densities = JSON.readTree(getBytes("/artifacts/" + artifacts.get("design.json")).body());
        assertThat(densities.path("densities").size()).isEqualTo(1200);
        // every iteration's figures as details, and the densities as the job's preview (every 10 iterations)
        assertThat(events).anyMatch(l -> l.contains("\"details\":{\"iteration\":94,\"compliance\":203.19"))
                .anyMatch(l -> l.contains("\"preview\":{") && l.contains("\"name\":\"density.png\""));
        JsonNode preview = job.path("preview");
        assertThat(preview.path("name").asText()).as(job.toString()).isEqualTo("density.png");
        assertThat(job.path("details").path("iteration").asInt()).isEqualTo(94);
        assertThat(labels.read(getBytes("/artifacts/" + preview.path("id").asText()).body())).as("the preview's label")
                .hasValueSatisfying(l -> assertThat(l.reservedCode1()).isEqualTo("industrial/topology"));

        // a 3D cantilever
        JsonNode cube = finished(design("{\"preset\":\"cantilever\",\"nelx\":12,\"nely\":6,\"nelz\":4,"
                + "\"volfrac\":0.3,\"rmin\":1.5,\"maxIterations\":30}").path("id").asText());
        assertThat(cube.path("state").asText()).as(cube.toString()).isEqualTo("succeeded");
        assertThat(cube.path("result").path("mesh").toString()).isEqualTo("[12,6,4]");
        assertThat(cube.path("artifacts").findValuesAsText("name")).contains("design.stl", "design.png")
                .doesNotContain("design.svg");

        // derivative designs, ranked on the Pareto front, a preview each
        JsonNode variants = finished(design("{\"preset\":\"cantilever\",\"nelx\":30,\"nely\":10,\"variants\":"
                + "{\"count\":3,\"volfrac\":[0.3,0.6]}}").path("id").asText());
        assertThat(variants.path("result").path("candidates").size()).isEqualTo(3);
        assertThat(variants.path("artifacts").findValuesAsText("name")).contains("candidate-01-design.png",
                "candidate-02-design.png", "candidate-03-design.png");
    }

    @Test
    public void theShellDesignsAndCancelAndBadInputAreHandled() throws Exception {
        await("industrial/topology is there", Duration.ofSeconds(60),
                () -> get("/industrial/topology").statusCode() == 200);
        Path out = Files.createTempDirectory("design-");
        String said = executeCommand("atelier:design --preset mbb --nelx 30 --nely 10 --volfrac 0.5 --out " + out);
        // a summary, not the whole history (431 lines for 81 iterations before): the history is behind --history
        assertThat(said).contains("succeeded").containsPattern("compliance +\\d").containsPattern("iterations +\\d")
                .containsPattern("history +\\d+ entries \\(--full shows them\\)").contains("design.stl");
        // lines as a terminal shows them: the progress bar redraws one line with \r
        assertThat(said.chars().filter(c -> c == '\n').count()).as(said).isLessThan(30);
        assertThat(executeCommand("atelier:design --history --preset mbb --nelx 30 --nely 10 --out " + out))
                .contains("\"history\"").contains("\"iteration\" : 1,");
        assertThat(out.resolve("design.stl")).isRegularFile();
        assertThat(out.resolve("design.svg")).isRegularFile();
        assertThat(Files.readString(out.resolve("design.svg"))).contains("<svg");

        // a big design, cancelled while it runs, stops within an iteration
        String big = design("{\"preset\":\"mbb\",\"nelx\":600,\"nely\":200,\"rmin\":4}").path("id").asText();
        await("running", Duration.ofSeconds(60), () -> get("/jobs/" + big).body().contains("iteration"));
        assertThat(delete("/jobs/" + big).statusCode()).isBetween(200, 299);
        JsonNode cancelled = finished(big);
        assertThat(cancelled.path("state").asText()).isEqualTo("cancelled");
        // it keeps what it had: the last iterate's metrics and history (were "NaN", 0 and empty), and its
        // artifacts, each marked partial
        JsonNode kept = cancelled.path("result");
        assertThat(kept.path("stopReason").asText()).isEqualTo("cancelled");
        assertThat(kept.path("iterations").asInt()).as(kept.toString()).isPositive();
        assertThat(kept.path("compliance").isNumber()).as(kept.toString()).isTrue();
        assertThat(kept.path("history").size()).isEqualTo(kept.path("iterations").asInt());
        assertThat(cancelled.path("artifacts").findValuesAsText("name")).contains("design.png", "design.json",
                "convergence.png");
        for (JsonNode a : cancelled.path("artifacts")) {
            assertThat(a.path("partial").asBoolean()).as(a.toString()).isTrue();
        }
        String png = cancelled.path("artifacts").get(0).path("id").asText();
        assertThat(getBytes("/artifacts/" + png).statusCode()).isEqualTo(200);
        // the shell shows it short, partial artifacts marked, and writes them
        String job = executeCommand("atelier:job " + big);
        assertThat(job).contains("cancelled").containsPattern("history +\\d+ entr").contains("partial");
        assertThat(job.chars().filter(c -> c == '\n').count()).as(job).isLessThan(40);
        Path kept2 = Files.createTempDirectory("cancelled-");
        assertThat(executeCommand("atelier:job --out " + kept2 + " " + big)).contains("design.png").contains("partial");
        assertThat(kept2.resolve("design.png")).isRegularFile();

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"preset\":\"mbb\",\"nelx\":0,\"nely\":20}", "\"field\":\"nelx\"");
        bad.put("{\"preset\":\"mbb\",\"nelx\":-5,\"nely\":20}", "\"field\":\"nelx\"");
        bad.put("{\"preset\":\"mbb\",\"nelx\":60,\"nely\":20,\"volfrac\":1.2}", "\"field\":\"volfrac\"");
        bad.put("{\"preset\":\"mbb\",\"nelx\":60,\"nely\":20,\"volfrac\":0}", "\"field\":\"volfrac\"");
        bad.put("{\"preset\":\"mbb\",\"nelx\":60,\"nely\":20,\"loads\":[{\"at\":{\"x\":61,\"y\":0},\"fy\":-1}]}",
                "\"field\":\"loads[0].at.x\"");
        bad.put("{\"preset\":\"cantilever\",\"nelx\":60,\"nely\":20,\"supports\":[{\"on\":\"left\",\"fix\":[\"x\"]}]}",
                "add supports");
        bad.put("{\"preset\":\"mbb\",\"nelx\":5000,\"nely\":5000}", "maxElements2d");
        bad.put("{\"preset\":\"cube\",\"nelx\":6,\"nely\":6}", "\"field\":\"preset\"");
        bad.put("{\"nelx\":60,\"nely\":20}", "give a preset");
        bad.put("{\"preset\":\"mbb\",\"nelx\":60", "malformed JSON");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            HttpResponse<String> e = post("/industrial/topology", "application/json", b.getKey());
            assertThat(e.statusCode()).as(b.getKey() + " -> " + e.body()).isEqualTo(400);
            assertThat(e.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(e.body()).contains(b.getValue()).doesNotContain("Exception");
        }
        assertThat(executeCommand("atelier:design --nelx 0 --out " + out)).contains("nelx");
    }
}
