package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A real {@code kill -9} of the distribution, started as a person starts it ({@code bin/start}), then a start again:
 * finished jobs and their artifacts are still there; the job that was running is marked failed, never stuck; a
 * person's profile, the phrase they added to a board and what they said are all still there.
 */
public class CrashRecoveryIT {

    private static final String ADMIN_KEY = "crash-test-admin-" + java.util.UUID.randomUUID();

    private Path home;
    private String port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Before
    public void unpack() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path dir = Files.createDirectories(target.resolve("crash"));
        Path unpacked = Files.createTempDirectory(dir, "run-");
        run(unpacked, "tar", "xzf", System.getProperty("atelier.distribution"));
        home = unpacked.resolve("atelier");
        port = AtelierTestSupport.freePort();
        Files.writeString(home.resolve("etc/org.apache.felix.http.cfg"),
                "org.osgi.service.http.port = " + port + "\norg.apache.felix.http.host = 127.0.0.1\n");
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell).replace("sshPort = 8101", "sshPort = " + AtelierTestSupport.freePort()));
        Path bundles = target.resolve("test-bundles");
        AtelierTestSupport.writeTestBundles(bundles);
        for (String jar : new String[] {"org.atelier.itests.itest.echo.a.jar", "org.atelier.itests.itest.slow.c.jar"}) {
            Files.copy(bundles.resolve(jar), home.resolve("deploy").resolve(jar));
        }
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            karafProcess().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    public void aKillLosesNoFinishedWorkAndLeavesNoJobRunning() throws Exception {
        start();
        HttpResponse<String> done = post("/itest/echo-a", "{\"text\":\"kept\",\"times\":2}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        String doneId = field(done.body(), "id");
        String artifactId = done.body().replaceAll(".*\"artifacts\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        String artifact = get("/artifacts/" + artifactId).body();
        HttpResponse<String> slow = post("/itest/slow-c", "{\"text\":\"lost\",\"times\":1,\"delayMs\":5000}");
        assertThat(slow.statusCode()).isEqualTo(202);
        String slowId = field(slow.body(), "id");
        awaitTrue(() -> get("/jobs/" + slowId).body().contains("\"state\":\"running\""));
        // a person's profile, a phrase of their own, and something they said, each acknowledged
        assertThat(post("/medical/voice/profiles", "{\"id\":\"kim\",\"languages\":[\"en\"]}").statusCode())
                .isEqualTo(201);
        String board = field(get("/medical/voice/profiles/kim/boards").body(), "id");
        assertThat(post("/medical/voice/profiles/kim/boards/" + board + "/phrases",
                "{\"label\":\"Suction\",\"vocalization\":\"I need suction, please.\"}").statusCode())
                .isEqualTo(201);
        assertThat(post("/medical/voice/speak", "{\"text\":\"Kept after a crash.\",\"profile\":\"kim\"}")
                .statusCode()).isEqualTo(200);

        ProcessHandle karaf = karafProcess().orElseThrow();
        karaf.destroyForcibly(); // SIGKILL: no shutdown hook runs
        karaf.onExit().get();

        start();
        String job = get("/jobs/" + doneId).body();
        assertThat(job).contains("\"state\":\"succeeded\"").contains(artifactId);
        assertThat(get("/artifacts/" + artifactId).body()).isEqualTo(artifact);
        assertThat(get("/artifacts/" + artifactId + "/label").body()).contains("\"ReservedCode1\":\"itest/echo-a\"");
        String interrupted = get("/jobs/" + slowId).body();
        assertThat(interrupted).contains("\"state\":\"failed\"").contains("interrupted: the platform stopped");
        assertThat(get("/jobs?state=running").body()).contains("\"total\":0");
        assertThat(get("/medical/voice/profiles/kim").statusCode()).isEqualTo(200);
        assertThat(get("/medical/voice/profiles/kim/boards/" + board).body()).contains("I need suction, please.");
        assertThat(get("/medical/voice/profiles/kim/history").body()).contains("Kept after a crash.");
    }

    private void start() throws Exception {
        // the operator's own first admin key, as `ATELIER_ADMIN_KEY=… ./atelier start` passes it
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "ATELIER_ADMIN_KEY", ADMIN_KEY);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/start").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("start.out").toFile());
        pb.environment().putAll(env);
        assertThat(pb.start().waitFor()).isZero();
        awaitTrue(() -> {
            try {
                return get("/health/ready").statusCode() == 200 && get("/itest/echo-a").statusCode() == 200
                        && get("/itest/slow-c").statusCode() == 200
                        && get("/medical/voice/profiles").statusCode() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private Optional<ProcessHandle> karafProcess() {
        String marker = "-Dkaraf.base=" + home;
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker)
                && !c.contains("bin/start")).orElse(false)).findFirst();
    }

    private static String field(String json, String name) {
        return json.replaceAll("^.*?\"" + name + "\":\"([^\"]+)\".*$", "$1");
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path)).GET());
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ADMIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(250);
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
        assertThat(new File(dir.toFile(), "atelier")).isDirectory();
    }
}
