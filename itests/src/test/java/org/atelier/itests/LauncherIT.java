package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The root launcher {@code ./atelier} as a person uses it, on a home of its own: {@code start} says where the REST API
 * and the shell are and prints the first admin key; Karaf resolves {@code mvn:} URLs from the Maven repository the
 * person builds with; {@code client atelier:help} lists the commands, without colour codes into a pipe; {@code stop}.
 * "Ready means ready": the moment {@code start} returns, speech answers 200 with audio (MaryTTS has started); while
 * the database is awaited, ready is 503 naming it, live 200, and {@code start} does not return 0. The shell's banner
 * and prompt say Atelier.
 */
public class LauncherIT {

    private Path root;
    private Path home;
    private Path work;
    private String port;

    @Before
    public void unpack() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
        root = target.getParent().getParent();
        work = Files.createTempDirectory(Files.createDirectories(target.resolve("launcher")), "run-");
        Path tarball = Path.of(System.getProperty("atelier.distribution"));
        run(work, "tar", "xzf", tarball.toString());
        home = work.resolve("atelier");
        // the launcher installs a newer build over a home; this home is that build already
        Files.copy(tarball, home.resolve(".installed-from"));
        port = AtelierTestSupport.freePort();
        Files.writeString(home.resolve("etc/org.apache.felix.http.cfg"),
                "org.osgi.service.http.port = " + port + "\norg.apache.felix.http.host = 127.0.0.1\n");
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell).replace("sshPort = 8101",
                "sshPort = " + AtelierTestSupport.freePort()));
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            launcher(List.of("stop"), Map.of());
        }
    }

    @Test
    public void startSaysWhereThingsAreFindsTheUsersMavenRepositoryAndTheShellHelpIsPlain() throws Exception {
        // a Maven repository of the person's own (mvn -Dmaven.repo.local=…) holding a feature repository they built
        Path repo = work.resolve("my-maven-repo");
        Path features = Files.createDirectories(repo.resolve("org/example/launcher-check/1.0"));
        Files.writeString(features.resolve("launcher-check-1.0-features.xml"),
                "<features name=\"launcher-check\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                        + "<feature name=\"launcher-check-feature\" version=\"1.0\"/></features>\n");

        String started = launcher(List.of("start"), Map.of("MAVEN_OPTS", "-Xmx1g -Dmaven.repo.local=" + repo));

        String key = Files.readString(home.resolve("data/atelier/admin.key")).strip();
        assertThat(started).contains("REST API  http://127.0.0.1:" + port + "/api/v1")
                .contains("./atelier client").contains("the first admin API key is " + key);
        assertThat(started.indexOf("REST API")).as("where the API is, next to the key")
                .isLessThan(started.indexOf("the first admin API key"));
        assertThat(Files.readString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg")))
                .contains("org.ops4j.pax.url.mvn.localRepository = " + repo);

        // ready means ready: at once after start returned, speech (MaryTTS, started at boot) answers with audio
        HttpResponse<byte[]> speech = http.send(HttpRequest.newBuilder(api("/medical/voice/speak"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"I need help\",\"language\":\"en\"}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(speech.statusCode()).as(new String(speech.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(speech.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(new String(speech.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(speech.body().length).as("seconds of speech, not a header alone").isGreaterThan(16_000);

        // the product says its name: the banner (over SSH, ./atelier client and run) and the prompt
        String version = System.getProperty("atelier.version", "");
        for (String branding : List.of("etc/branding-ssh.properties", "etc/branding.properties")) {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(home.resolve(branding))) {
                p.load(in);
            }
            assertThat(p.getProperty("welcome")).as(branding).contains("Atelier").contains(version)
                    .contains("http://127.0.0.1:8181/api/v1").contains("http://127.0.0.1:8181/ ")
                    .contains("data/atelier/admin.key").contains("/api/v1/health/ready").doesNotContain("@");
        }
        assertThat(Files.readAllLines(home.resolve("etc/shell.init.script")))
                .contains("\\#prompt = { \"atelier> \" };");

        String added = launcher(List.of("client",
                "feature:repo-add mvn:org.example/launcher-check/1.0/xml/features; feature:list | grep launcher-check"),
                Map.of());
        assertThat(added).contains("launcher-check-feature");

        String help = launcher(List.of("client", "atelier:help"), Map.of());
        assertThat(help).contains("atelier:help").contains("atelier:run").contains("Runs a generator")
                .contains("atelier:keys").contains("atelier:say").contains("atelier:design")
                .doesNotContain("\u001b");

        String again = launcher(List.of("start"), Map.of());
        assertThat(again).as("a second start says it runs, and prints no key").contains("already running")
                .doesNotContain(key);
    }

    @Test
    public void whileTheDatabaseIsAwaitedReadyIs503NamingItLiveIs200AndStartDoesNotSucceed() throws Exception {
        // PostgreSQL by configuration, at a port where nothing listens: the database is awaited
        Files.writeString(home.resolve("etc/org.ops4j.datasource-atelier.cfg"), String.join("\n",
                "dataSourceName = atelier", "osgi.jdbc.driver.class = org.postgresql.Driver",
                "url = jdbc:postgresql://127.0.0.1:" + AtelierTestSupport.freePort() + "/atelier", "user = atelier",
                "password = none", "pool = dbcp2", "xa = false", ""));

        Result start = launch(List.of("start"), Map.of("ATELIER_START_TIMEOUT", "20"));
        assertThat(start.exit()).as("./atelier start without its database: " + start.text()).isNotZero();
        assertThat(start.text()).contains("not ready after 20s");

        HttpResponse<String> ready = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            try {
                ready = http.send(HttpRequest.newBuilder(api("/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.body().contains("database atelier")) {
                    break;
                }
            } catch (IOException notYet) {
                // the HTTP server is not up yet
            }
            Thread.sleep(500);
        }
        assertThat(ready).as("/health/ready answered").isNotNull();
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(ready.headers().firstValue("Retry-After")).isPresent();
        assertThat(ready.body()).contains("\"status\":503").contains("database atelier");

        HttpResponse<String> live = http.send(HttpRequest.newBuilder(api("/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);

        // what needs a key cannot be checked yet: 503 + Retry-After, not 401 (the key may well be right) nor 404
        HttpResponse<String> verticals = http.send(HttpRequest.newBuilder(api("/verticals"))
                .header("Authorization", "Bearer some-key").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(verticals.statusCode()).as(verticals.body()).isEqualTo(503);
        assertThat(verticals.headers().firstValue("Retry-After")).isPresent();
        assertThat(verticals.body()).contains("database is awaited");
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();

    private java.net.URI api(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + "/api/v1" + path);
    }

    private record Result(int exit, String text) {
    }

    private String launcher(List<String> args, Map<String, String> env) throws Exception {
        Result r = launch(args, env);
        assertThat(r.exit()).as("./atelier " + args + ": " + r.text()).isZero();
        return r.text();
    }

    private Result launch(List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("atelier").toString());
        command.addAll(args);
        Path out = Files.createTempFile(work, "launcher-", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile());
        pb.environment().remove("ATELIER_ADMIN_KEY");
        pb.environment().remove("ATELIER_MAVEN_REPO");
        pb.environment().put("ATELIER_HOME", home.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./atelier " + args + " did not return: " + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
