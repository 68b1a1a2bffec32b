package org.atelier.itests.echo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;

/** A generator the tests install in their own bundles: repeats a text into a text artifact. */
public class EchoGenerator implements Generator<EchoInput> {

    private final GeneratorDescriptor<EchoInput> descriptor;

    public EchoGenerator(String vertical, String id, boolean longRunning) {
        this.descriptor = GeneratorDescriptor.builder(vertical, id, EchoInput.class)
                .title("Echo " + id)
                .description("Repeats a text; made by the integration tests")
                .outputMediaTypes("text/plain")
                .longRunning(longRunning)
                .build();
    }

    @Override
    public GeneratorDescriptor<EchoInput> descriptor() {
        return descriptor;
    }

    @Override
    public Object generate(EchoInput input, GenerationContext context) {
        try {
            int delay = input.delayMs() == null ? 0 : input.delayMs();
            for (int waited = 0; waited < delay; waited += 100) {
                Thread.sleep(Math.min(100, delay - waited));
                context.checkCancelled();
                context.progress(0.9 * (waited + 100) / delay, "waited " + Math.min(delay, waited + 100) + " ms");
            }
            context.checkCancelled();
            String text = String.join("\n", java.util.Collections.nCopies(input.times(), input.text())) + "\n";
            context.progress(0.9, "writing");
            Artifact a = context.writeArtifact("echo.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
            return Map.of("lines", input.times(), "sha256", a.sha256());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (IOException e) {
            throw new IllegalStateException("could not write the artifact: " + e.getMessage());
        }
    }
}
