package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    private String launcher(List<String> args, Map<String, String> env) throws Exception {
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
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("./atelier " + args + ": " + text).isZero();
        return text;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
