package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.runtime.internal.labels.Samples;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Every labelled format through a real job in the real distribution: the store labels each artifact without the
 * generator's help, and the label reads back over REST ({@code /artifacts/ID/label}) and in the shell
 * ({@code atelier:verify FILE}) with the artifact's own id as ProduceID.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LabelsIT extends AtelierTestSupport {

    static final String SAMPLES = "atelier.itest.samples";

    /** Asks for one sample file by media type. */
    public record SampleInput(String mediaType) {
    }

    /** A generator that writes a sample file the test made, as any generator writes its output. */
    public static final class SampleGenerator implements Generator<SampleInput> {
        @Override
        public GeneratorDescriptor<SampleInput> descriptor() {
            return GeneratorDescriptor.builder("itest", "samples", SampleInput.class).title("Sample files")
                    .outputMediaTypes("text/plain").build();
        }

        @Override
        public Object generate(SampleInput input, GenerationContext context) {
            try {
                Path dir = Path.of(System.getProperty(SAMPLES));
                String name = Files.readString(dir.resolve(input.mediaType().replace('/', '_') + ".name")).strip();
                context.writeArtifact(name, input.mediaType(), Files.readAllBytes(dir.resolve(name)));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ServiceRegistration<?> registration;

    @Configuration
    public Option[] config() throws Exception {
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), "test-samples");
        Files.createDirectories(dir);
        for (Map.Entry<String, Map.Entry<String, byte[]>> e : Samples.all().entrySet()) {
            Files.write(dir.resolve(e.getValue().getKey()), e.getValue().getValue());
            Files.writeString(dir.resolve(e.getKey().replace('/', '_') + ".name"), e.getValue().getKey());
        }
        List<Option> options = new ArrayList<>(Arrays.asList(baseConfig()));
        options.add(systemProperty(SAMPLES).value(dir.toAbsolutePath().toString()));
        return options.toArray(Option[]::new);
    }

    @After
    public void unregister() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Test
    public void everyFormatIsLabelledByTheStoreAndReadsBackOverRestAndTheShell() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        registration = bundleContext.registerService(Generator.class.getName(), new SampleGenerator(), props);
        await("the sample generator is listed", java.time.Duration.ofSeconds(30),
                () -> get("/itest/samples").statusCode() == 200);
        List<String> types = List.of("text/plain", "text/markdown", "application/json", "image/svg+xml",
                "image/png", "image/jpeg", "audio/wav", "audio/midi", "application/pdf", "video/mp4", "model/stl");
        List<String> verified = new ArrayList<>();
        for (String type : types) {
            HttpResponse<String> run = post("/itest/samples", "application/json", "{\"mediaType\":\"" + type + "\"}");
            assertThat(run.statusCode()).as(type + ": " + run.body()).isEqualTo(200);
            String id = run.body().replaceAll(".*\"artifacts\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");

            HttpResponse<String> label = get("/artifacts/" + id + "/label");
            assertThat(label.statusCode()).as(type).isEqualTo(200);
            assertThat(label.body()).as(type).contains("\"Label\":\"1\"").contains("\"ContentProducer\":\"atelier\"")
                    .contains("\"ProduceID\":\"" + id + "\"").contains("\"embedded\":true");
            if (!type.equals("model/stl")) {
                assertThat(label.body()).as(type).contains("\"ReservedCode1\":\"itest/samples\"");
            } else {
                // a binary STL header has room for part of the label; the whole of it is in the sidecar
                assertThat(run.body()).contains("\"name\":\"part.stl.aigc.json\"");
                String sidecar = run.body().replaceAll(".*\"artifacts\":\\[\\{[^]]*?\\},\\{\"id\":\"([^\"]+)\".*", "$1");
                assertThat(new String(getBytes("/artifacts/" + sidecar).body(), java.nio.charset.StandardCharsets.UTF_8)
                        .replaceAll("\\s", "")).contains("\"ProduceID\":\"" + id + "\"").contains("\"ReservedCode1\":\"itest/samples\"");
            }

            HttpResponse<byte[]> file = getBytes("/artifacts/" + id);
            assertThat(file.headers().firstValue("Content-Type")).as(type).hasValueSatisfying(
                    t -> assertThat(t).startsWith(type));
            Path local = Files.createTempFile("labelled-", "-" + type.replace('/', '_'));
            Files.write(local, file.body());
            String shell = executeCommand("atelier:verify " + local);
            assertThat(shell).as(type).contains("AIGC label found").contains(id);
            verified.add(type);
        }
        assertThat(verified).containsExactlyElementsOf(types);
    }
}
