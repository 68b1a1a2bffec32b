package org.atelier.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.atelier.itests.echo.EchoActivator;
import org.atelier.itests.echo.EchoGenerator;
import org.atelier.itests.echo.EchoInput;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * What every Atelier integration test shares: the real distribution as the container, free ports, a shell, an
 * HTTP client, and test generators packed into bundles of their own.
 */
public abstract class AtelierTestSupport {

    static final String HTTP_PORT = "atelier.itest.httpPort";
    static final String BUNDLES = "atelier.itest.bundles";
    static final String MODELS = "atelier.itest.models";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Boot features install in the background: every test starts once the platform says it is ready. */
    @org.junit.Before
    public void awaitReady() throws InterruptedException {
        await("the platform is ready", Duration.ofSeconds(180), () -> {
            try {
                return get("/health/ready").statusCode() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Options of the container: the distribution built in this reactor, on ports of its own. */
    protected Option[] baseConfig(String... extraTestBundles) {
        String karafVersion = System.getProperty("karaf.version", "4.4.10");
        File distribution = new File(System.getProperty("atelier.distribution"));
        if (!distribution.isFile()) {
            throw new IllegalStateException("no distribution at " + distribution + ": build features/distribution first");
        }
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path bundles = target.resolve("test-bundles");
        writeTestBundles(bundles);
        Path models = target.resolve("test-models");
        try {
            org.atelier.inference.internal.TinyModel.write(models.resolve("tiny-test"), 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl("file:" + distribution.getAbsolutePath())
                    .name("Atelier")
                    .karafVersion(karafVersion)
                    .unpackDirectory(target.resolve("exam").toFile())
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
            editConfigurationFilePut("etc/org.apache.felix.http.cfg", "org.osgi.service.http.port", freePort()),
            editConfigurationFilePut("etc/org.apache.felix.http.cfg", "org.apache.felix.http.host", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.atelier.runtime.cfg", "departedGraceSeconds", "3"),
            editConfigurationFilePut("etc/org.atelier.runtime.cfg", "maxInputBytes", "65536"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1"),
            systemProperty(BUNDLES).value(bundles.toAbsolutePath().toString()),
            systemProperty(MODELS).value(models.toAbsolutePath().toString()),
            mavenBundle().groupId("net.bytebuddy").artifactId("byte-buddy").version(System.getProperty("bytebuddy.version")),
            mavenBundle().groupId("org.assertj").artifactId("assertj-core").version(System.getProperty("assertj.version")),
            // what bin/karaf passes on Java 17
            new VMOption("--add-reads=java.xml=java.logging"),
            new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            new VMOption("--patch-module"),
            new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
            new VMOption("--patch-module"),
            new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
            new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            new VMOption("-classpath"),
            new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
            new VMOption("-Xmx1g"),
        };
    }

    /** Packs the echo generator into bundles, one per address, for the tests to install and remove. */
    static void writeTestBundles(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String address : new String[] {"itest/echo-a", "itest/echo-b", "itest/slow-c"}) {
                String name = "org.atelier.itests." + address.replace('/', '.').replace('-', '.');
                try (InputStream in = TinyBundles.bundle()
                        .symbolicName(name)
                        // an R4 manifest: Karaf's feature resolver refuses a bundle without it (version 1) that
                        // fileinstall put in deploy/ before the boot features were installed
                        .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                        .setHeader(Constants.BUNDLE_VERSION, "1.0.0")
                        .setHeader(EchoActivator.HEADER, address)
                        .setHeader(EchoActivator.LONG_RUNNING, Boolean.toString(address.contains("slow")))
                        .setHeader(Constants.BUNDLE_ACTIVATOR, EchoActivator.class.getName())
                        .setHeader(Constants.IMPORT_PACKAGE, "org.atelier.api;version=\"[1.0,2)\","
                                + "jakarta.validation.constraints;version=\"[3.0,4)\",org.osgi.framework")
                        .addClass(EchoActivator.class)
                        .addClass(EchoGenerator.class)
                        .addClass(EchoInput.class)
                        .build(TinyBundles.rawBuilder())) {
                    Files.copy(in, dir.resolve(name + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return Integer.toString(s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs and starts the test bundle carrying the generator at {@code itest/echo-a} or {@code itest/echo-b}. */
    protected Bundle installEcho(String id) throws Exception {
        String name = "org.atelier.itests.itest." + id.replace('-', '.');
        Path jar = Path.of(System.getProperty(BUNDLES), name + ".jar");
        Bundle b = bundleContext.installBundle(jar.toUri().toString());
        b.start();
        return b;
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + httpPort() + "/api/v1";
    }

    private String httpPort() {
        Object port = bundleContext.getProperty("org.osgi.service.http.port");
        if (port != null) {
            return port.toString();
        }
        try {
            for (String line : Files.readAllLines(Path.of(System.getProperty("karaf.etc"), "org.apache.felix.http.cfg"))) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals("org.osgi.service.http.port")) {
                    return kv[1].trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "8181";
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    private volatile String adminKey;

    /**
     * The admin key the platform made at its first start and saved in {@code data/atelier/admin.key}, as an
     * operator would read it; {@code null} until it is there.
     */
    protected String adminKey() {
        String key = adminKey;
        if (key == null) {
            Path file = Path.of(System.getProperty("karaf.data"), "atelier", "admin.key");
            try {
                key = Files.isRegularFile(file) ? Files.readString(file).strip() : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            adminKey = key;
        }
        return key;
    }

    private HttpRequest.Builder withKey(String key, HttpRequest.Builder request) {
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    protected Bundle bundle(String bsn) {
        for (Bundle b : bundleContext.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }

    protected HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE());
    }

    /** Reads a Server-Sent Events stream until it ends or the timeout passes; returns its lines. */
    protected java.util.List<String> events(String path, Duration timeout) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(timeout).header("Accept", "text/event-stream").header("Authorization", "Bearer " + adminKey())
                .GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = r.body()) {
            return lines.toList();
        }
    }

    protected HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(withKey(adminKey(), HttpRequest.newBuilder(URI.create(baseUrl() + path)))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request with the admin key. */
    protected HttpResponse<String> send(HttpRequest.Builder request) {
        return sendAs(adminKey(), request);
    }

    /** Sends a request with this API key, or with none when it is {@code null}. */
    protected HttpResponse<String> sendAs(String key, HttpRequest.Builder request) {
        try {
            return http.send(withKey(key, request).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a shell command as a person would, and returns what it printed. */
    protected String executeCommand(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // never the container's System.in: a session reading it blocks the test
        try (Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } catch (Exception e) {
            // what the console shows a person for a failed command
            out.println("Error executing command: " + e.getMessage());
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits for a condition, polling; fails with the message when it does not hold within the timeout. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
