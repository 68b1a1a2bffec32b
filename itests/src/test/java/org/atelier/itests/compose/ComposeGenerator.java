package org.atelier.itests.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.api.GeneratorException;
import org.atelier.api.JobStatus;

/**
 * {@code itest/compose}: runs another generator as a sub-job, with a preview and progress details of its own, and
 * answers with what came of the sub-job (or which typed refusal it got). Built against {@code org.atelier.api} only.
 */
public class ComposeGenerator implements Generator<ComposeInput> {

    private final GeneratorDescriptor<ComposeInput> descriptor = GeneratorDescriptor
            .builder("itest", "compose", ComposeInput.class).title("Compose")
            .description("Runs another generator as a sub-job; made by the integration tests")
            .outputMediaTypes("text/plain").longRunning(true).build();

    @Override
    public GeneratorDescriptor<ComposeInput> descriptor() {
        return descriptor;
    }

    @Override
    public Object generate(ComposeInput input, GenerationContext context) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            context.preview("plan.txt", "text/plain", ("about to run " + input.generator())
                    .getBytes(StandardCharsets.UTF_8));
            context.progress(0.1, "composing", Map.of("stage", "sub-job", "of", input.generator()));
            JobStatus sub = context.runGenerator(input.generator(), input.input(),
                    input.share() == null ? 0.8 : input.share());
            out.put("sub", sub.id());
            out.put("subState", sub.state().name().toLowerCase(java.util.Locale.ROOT));
            out.put("subParent", sub.parent().orElse(""));
            out.put("subArtifacts", sub.artifacts().stream().map(a -> a.name()).toList());
            out.put("subResult", sub.result());
            context.progress(0.95, "writing", Map.of("stage", "done"));
            context.preview("plan.txt", "text/plain", ("ran " + sub.id()).getBytes(StandardCharsets.UTF_8));
            context.writeArtifact("compose.txt", "text/plain", ("sub-job " + sub.id() + " " + sub.state())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneratorException e) {
            // the typed refusals of the API, as a partner's generator would tell them apart
            out.put("refused", e.getClass().getSimpleName());
            out.put("message", e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("could not write: " + e.getMessage());
        }
        return out;
    }
}
